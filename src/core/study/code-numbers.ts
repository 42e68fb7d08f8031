import type { Coding } from '../model';
import type { Study } from './study';

/**
 * A number for every code id some coding of a study has, in the order met (transcripts, their sidecars, their
 * codings), and the number of each coding's code, per sidecar. A report's study data and its agreement section
 * each group every coding by its code: with these they read a number instead of looking each coding's code
 * string up in a map (a big study has 100,000 codings, each with its own copy of its code's id).
 */
export class CodeNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly ofList = new Map<readonly Coding[], Int32Array>();
  /** The code id of each number. */
  readonly ids: string[] = [];

  /** The number of a code id; undefined for one no coding has. */
  numberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }

  /** The number of each coding's code, for a list of codings (a sidecar's: numbered once). */
  of(codings: readonly Coding[]): Int32Array {
    if (codings.length === 0) return NONE;
    let numbers = this.ofList.get(codings);
    if (numbers === undefined) {
      numbers = new Int32Array(codings.length);
      // Indexed: 100,000 codings in a big study, mostly before the optimizing compiler takes over.
      for (let c = 0; c < codings.length; c++) {
        const code = (codings[c] as Coding).code;
        let number = this.numbers.get(code);
        if (number === undefined) {
          this.numbers.set(code, (number = this.ids.length));
          this.ids.push(code);
        }
        numbers[c] = number;
      }
      this.ofList.set(codings, numbers);
    }
    return numbers;
  }
}

const NONE = new Int32Array(0);

const ofStudy = new WeakMap<Study, CodeNumbers>();

/** The code numbers of a study (a value: its codings never change), every sidecar numbered. */
export function codeNumbersOfStudy(study: Study): CodeNumbers {
  let numbers = ofStudy.get(study);
  if (numbers === undefined) {
    ofStudy.set(study, (numbers = new CodeNumbers()));
    for (let t = 0; t < study.transcripts.length; t++) {
      const sidecars = (study.transcripts[t] as Study['transcripts'][number]).sidecars;
      for (let k = 0; k < sidecars.length; k++) numbers.of((sidecars[k] as (typeof sidecars)[number]).sidecar.codings);
    }
  }
  return numbers;
}
