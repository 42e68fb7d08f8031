import * as vscode from 'vscode';
import {
  comparedTranscripts,
  DEFAULT_SEGMENT_OVERLAP,
  type Disagreement,
  disagreementKey,
  listDisagreements,
  settlementOf,
  type Settlement,
  type Study,
} from '../../core/index';
import type { StudyService } from '../study/study-service';
import type { DecisionMemory } from './decision-memory';
import { consensusDecisions } from './consensus-decisions';

/** A disagreement as the comparison shows it: with its key and how the consensus sidecar settles it. */
export interface ComparedDisagreement {
  readonly disagreement: Disagreement;
  readonly key: string;
  readonly settlement: Settlement;
}

/** Two coders compared in one study, with the coder that records what the team decides. */
export interface Comparison {
  readonly study: Study;
  readonly first: string;
  readonly second: string;
  readonly consensus: string;
  readonly overlap: number;
  /** URIs of the transcripts both coders coded: the ones compared. */
  readonly compared: ReadonlySet<string>;
  /** In reading order: transcript by transcript, then by position. */
  readonly disagreements: readonly ComparedDisagreement[];
}

/** The `when` context key that is true while coders are being compared (keybindings, menus). */
const ACTIVE_CONTEXT = 'grounded.compare.active';

/**
 * The comparison on screen (one per window), rebuilt from every reload of its study, so a resolution shows
 * as soon as the consensus sidecar it wrote is loaded. Also remembers which disagreement the person is on.
 */
export class CompareCoders implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private shown: Comparison | undefined;
  private currentKey: string | undefined;

  /** Fires when the comparison starts, stops, reloads, or the current disagreement changes. */
  readonly onDidChange = this.emitter.event;

  constructor(
    studies: StudyService,
    private readonly memory: DecisionMemory,
  ) {
    this.disposables.push(studies.onDidChangeStudy((study) => this.update(study)));
  }

  /**
   * Rebuilds the comparison from a loaded study of its root. Also after a decision was remembered: a reload
   * that found the consensus sidecar as this window wrote it may have been published before.
   */
  update(study: Study): void {
    if (this.shown && study.root === this.shown.study.root) this.show(this.build(study, this.shown));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  get comparison(): Comparison | undefined {
    return this.shown;
  }

  /** The disagreement the person went to last (by navigation or from the view), while it is still listed. */
  get current(): ComparedDisagreement | undefined {
    return this.shown?.disagreements.find((d) => d.key === this.currentKey);
  }

  set current(item: ComparedDisagreement | undefined) {
    this.currentKey = item?.key;
    this.emitter.fire();
  }

  start(study: Study, first: string, second: string, consensus: string, overlap = DEFAULT_SEGMENT_OVERLAP): Comparison {
    this.currentKey = undefined;
    const comparison = this.build(study, { first, second, consensus, overlap });
    this.show(comparison);
    void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT, true);
    return comparison;
  }

  stop(): void {
    this.shown = undefined;
    this.currentKey = undefined;
    void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT, false);
    this.emitter.fire();
  }

  /** A disagreement listed by its key. */
  find(key: string): ComparedDisagreement | undefined {
    return this.shown?.disagreements.find((d) => d.key === key);
  }

  private show(comparison: Comparison): void {
    this.shown = comparison;
    this.emitter.fire();
  }

  private build(study: Study, of: Pick<Comparison, 'first' | 'second' | 'consensus' | 'overlap'>): Comparison {
    const { first, second, consensus, overlap } = of;
    const consensusOf = consensusDecisions(study, first, second, consensus, overlap);
    const disagreements = listDisagreements(study, first, second, { overlap }).map((disagreement) => {
      const key = disagreementKey(disagreement);
      const recorded = this.memory.recall(study.root, consensus, key);
      return {
        disagreement,
        key,
        settlement: settlementOf(disagreement, consensusOf.get(disagreement.transcript), recorded),
      };
    });
    const compared = new Set(comparedTranscripts(study, [first, second]).compared.map((t) => t.uri));
    return { study, first, second, consensus, overlap, compared, disagreements };
  }
}
