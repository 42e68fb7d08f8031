import type { Coding } from '../model';
import type { FileSystemPort } from '../ports/file-system';
import {
  addCodings,
  changeCodings,
  makeCodings,
  type CodebookGuard,
  type NewCoding,
  type TranscriptRef,
} from '../study/coding-operations';
import { markTranscriptCoded } from '../study/mark-coded';
import type { Study, StudyTranscript } from '../study/study';
import { codingsOf, comparedTranscripts, DEFAULT_SEGMENT_OVERLAP } from './compare-coders';
import type { Disagreement } from './disagreements';
import { matchSegments } from './segments';

/** The coder whose sidecars hold what a team agreed on; the coders' own sidecars are never written. */
export const DEFAULT_CONSENSUS_CODER = 'consensus';

/** How a matched pair of segments becomes one consensus coding: the span of both, or what both cover. */
export type SeedRanges = 'union' | 'intersection';

export interface ConsensusSeed {
  readonly transcript: StudyTranscript;
  readonly codings: readonly NewCoding[];
}

/**
 * What the two coders agree on, per transcript both coded: every matched pair of segments (same code,
 * overlap ≥ threshold) as one coding, over the union or the intersection of the two ranges. The team then
 * resolves only the disagreements.
 */
export function consensusSeed(
  study: Study,
  first: string,
  second: string,
  options: { readonly ranges?: SeedRanges; readonly overlap?: number } = {},
): ConsensusSeed[] {
  const ranges = options.ranges ?? 'union';
  const overlap = options.overlap ?? DEFAULT_SEGMENT_OVERLAP;
  return comparedTranscripts(study, [first, second]).compared.map((transcript) => {
    const a = codingsOf(transcript, first);
    const b = codingsOf(transcript, second);
    const codings: NewCoding[] = [];
    for (const code of new Set([...a, ...b].map((c) => c.code))) {
      const m = matchSegments(
        a.filter((c) => c.code === code),
        b.filter((c) => c.code === code),
        overlap,
      );
      for (const { first: x, second: y } of m.matched) {
        const start = ranges === 'union' ? Math.min(x.start, y.start) : Math.max(x.start, y.start);
        const end = ranges === 'union' ? Math.max(x.end, y.end) : Math.min(x.end, y.end);
        codings.push({ code, start, end, ...(x.memo || y.memo ? { memo: memoOf(x, y) } : {}) });
      }
    }
    return { transcript, codings };
  });
}

function memoOf(x: Coding, y: Coding): string {
  return [x.memo, y.memo].filter((memo) => memo && memo.trim() !== '').join('\n\n');
}

/**
 * Writes the seed into the consensus coder's sidecars (through the safe write path; codings already there
 * are kept, the same code and range is never added twice). Every compared transcript gets a consensus
 * sidecar, also when nothing matched, so progress shows it as started. Returns the codings added.
 */
export async function writeConsensusSeed(
  fs: FileSystemPort,
  seed: readonly ConsensusSeed[],
  consensusCoder: string,
  guard?: CodebookGuard,
): Promise<number> {
  let added = 0;
  for (const { transcript, codings } of seed) {
    const ref = { uri: transcript.uri, text: transcript.text, textHash: transcript.textHash };
    if (codings.length === 0) await markTranscriptCoded(fs, ref, consensusCoder);
    else added += (await addCodings(fs, ref, consensusCoder, codings, undefined, guard)).length;
  }
  return added;
}

/** A team's decision on one disagreement. `adjust`: one coding over the range the team settled on. */
export type Resolution =
  | { readonly keep: 'first' | 'second' | 'both' | 'neither' }
  | { readonly keep: 'adjusted'; readonly start: number; readonly end: number };

/**
 * Records the decision in the consensus coder's sidecar. A decision replaces the one made before on the same
 * disagreement: consensus codings of that code lying inside the disagreement's span are replaced (except the
 * segments both coders agree on, `disagreement.agreed`), so
 * changing one's mind never leaves both answers behind. "Neither" still records that the transcript has
 * been through consensus (an empty sidecar when there was none).
 */
export async function resolveDisagreement(
  fs: FileSystemPort,
  transcript: TranscriptRef,
  disagreement: Disagreement,
  resolution: Resolution,
  consensusCoder: string,
  guard?: CodebookGuard,
): Promise<Coding[]> {
  const sides = [disagreement.first, disagreement.second].filter((s) => s !== undefined);
  const spanStart = Math.min(...sides.map((s) => s.start));
  const spanEnd = Math.max(...sides.map((s) => s.end));
  const kept: { start: number; end: number }[] = [];
  if (resolution.keep === 'adjusted') kept.push({ start: resolution.start, end: resolution.end });
  if ((resolution.keep === 'first' || resolution.keep === 'both') && disagreement.first) kept.push(disagreement.first);
  if ((resolution.keep === 'second' || resolution.keep === 'both') && disagreement.second)
    kept.push(disagreement.second);
  const additions = makeCodings(
    transcript,
    consensusCoder,
    kept.map((range) => ({ code: disagreement.code, start: range.start, end: range.end })),
  );
  const keyOf = (c: { code: string; start: number; end: number }) => `${c.code}\u0000${c.start}\u0000${c.end}`;
  const wanted = new Set(additions.map(keyOf));
  const added: Coding[] = [];
  // Always a change (possibly to an empty list): the sidecar records that the transcript went through consensus.
  await changeCodings(
    fs,
    transcript,
    consensusCoder,
    (codings) => {
      added.length = 0;
      // What both coders agree on stays (the seed wrote it); only earlier decisions on this disagreement go.
      const agreed = (c: Coding) => disagreement.agreed?.some((r) => r.start === c.start && r.end === c.end) ?? false;
      const inSpan = (c: Coding) =>
        c.code === disagreement.code && c.start >= spanStart && c.end <= spanEnd && !agreed(c);
      const rest = codings.filter((c) => !inSpan(c) || wanted.has(keyOf(c)));
      const present = new Set(rest.map(keyOf));
      for (const coding of additions) {
        if (present.has(keyOf(coding))) continue;
        present.add(keyOf(coding));
        added.push(coding);
      }
      return [...rest, ...added];
    },
    undefined,
    guard,
  );
  return added;
}
