import type { Code, Coding, StudySettings } from '../../../../src/core/model';
import type { Study, StudyTranscript } from '../../../../src/core/study/study';

export interface CodingSpec {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

export interface TranscriptSpec {
  readonly path: string;
  readonly length: number;
  /** Coder → codings; a coder absent from the map (or null) has no sidecar for the transcript. */
  readonly codings: Readonly<Record<string, readonly CodingSpec[] | null | undefined>>;
}

/** A text of `length` code points, one line per 40, so disagreements have lines to report. */
export function textOfLength(length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += (i + 1) % 40 === 0 ? '\n' : String.fromCharCode(97 + (i % 26));
  return text;
}

/** A study in memory with exactly the given codings: what the agreement functions read, nothing more. */
export function studyOf(
  codebook: readonly (Omit<Code, 'name'> & { name?: string })[],
  transcripts: readonly TranscriptSpec[],
): Study {
  const root = 'memory:/study';
  return {
    root,
    settings: {} as StudySettings,
    codebookUri: `${root}/codebook.yaml`,
    codebook: { codes: codebook.map((code) => ({ ...code, name: code.name ?? code.id })) },
    codebookLoaded: true,
    memos: [],
    problems: [],
    transcripts: transcripts.map((spec): StudyTranscript => {
      const text = textOfLength(spec.length);
      const uri = `${root}/${spec.path}`;
      return {
        uri,
        path: spec.path,
        participant: spec.path.replace(/\.txt$/, ''),
        text,
        textHash: `test:${spec.path}`,
        sidecars: Object.entries(spec.codings)
          .filter((entry): entry is [string, readonly CodingSpec[]] => entry[1] !== null && entry[1] !== undefined)
          .map(([coder, codings]) => ({
            uri: `${uri.replace(/\.txt$/, '')}.${coder}.codes.yaml`,
            coder,
            reanchored: false,
            lineOf: new Map(),
            sidecar: {
              transcript: spec.path,
              coder,
              textHash: `test:${spec.path}`,
              codings: codings.map((c, index): Coding => ({
                id: `${coder}-${spec.path}-${index}`,
                code: c.code,
                start: c.start,
                end: c.end,
                quote: [...text].slice(c.start, c.end).join(''),
                prefix: '',
                suffix: '',
                by: coder,
              })),
            },
          })),
      };
    }),
  };
}
