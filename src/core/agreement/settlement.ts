import type { Coding } from '../model';
import type { Resolution } from './consensus';
import type { Disagreement } from './disagreements';

/** What the consensus coder decided on a disagreement, as far as the consensus sidecar shows it. */
export type Settlement =
  | { readonly settled: false }
  | { readonly settled: true; readonly as: 'first' | 'second' | 'both' | 'neither' | 'adjusted' };

/**
 * A name for a disagreement that stays the same while neither coder changes the codings involved (the code,
 * and each side's coding id and range): a decision remembered under it applies to exactly that disagreement.
 */
export function disagreementKey(disagreement: Disagreement): string {
  const side = (s: Disagreement['first']) => (s ? `${s.id}@${s.start}-${s.end}` : '-');
  return [disagreement.transcript, disagreement.code, side(disagreement.first), side(disagreement.second)].join('|');
}

/** The code-point span a disagreement covers: from the first side's start to the last side's end. */
export function disagreementSpan(disagreement: Disagreement): { start: number; end: number } {
  const sides = [disagreement.first, disagreement.second].filter((s) => s !== undefined);
  return { start: Math.min(...sides.map((s) => s.start)), end: Math.max(...sides.map((s) => s.end)) };
}

/**
 * Reads a decision back from the consensus coder's codings of the transcript (`undefined`: no consensus
 * sidecar yet). A consensus coding of the code inside the disagreement's span is the decision
 * (`resolveDisagreement` replaces exactly those): the first coder's range, the second's, both, or another
 * range (adjusted). Two decisions leave nothing inside the span to read — "neither", and a range adjusted
 * beyond the span — so the caller passes the decision it recorded, which counts while the file still shows it.
 */
export function settlementOf(
  disagreement: Disagreement,
  consensus: readonly Coding[] | undefined,
  recorded?: Resolution,
): Settlement {
  if (consensus === undefined) return { settled: false };
  const span = disagreementSpan(disagreement);
  const ofCode = consensus.filter((c) => c.code === disagreement.code);
  const inSpan = ofCode.filter((c) => c.start >= span.start && c.end <= span.end);
  if (inSpan.length === 0) {
    if (recorded?.keep === 'neither') return { settled: true, as: 'neither' };
    if (recorded?.keep === 'adjusted' && ofCode.some((c) => c.start === recorded.start && c.end === recorded.end))
      return { settled: true, as: 'adjusted' };
    return { settled: false };
  }
  const isSide = (side: Disagreement['first']) => (c: { start: number; end: number }) =>
    side !== undefined && c.start === side.start && c.end === side.end;
  const first = inSpan.some(isSide(disagreement.first));
  const second = inSpan.some(isSide(disagreement.second));
  if (inSpan.some((c) => !isSide(disagreement.first)(c) && !isSide(disagreement.second)(c)))
    return { settled: true, as: 'adjusted' };
  if (first && second) return { settled: true, as: 'both' };
  return { settled: true, as: first ? 'first' : 'second' };
}

/** How the consensus sidecar reads once a resolution is written: keeping "both" of a one-sided disagreement keeps its one side. */
export function settlementFor(disagreement: Disagreement, resolution: Resolution): Settlement & { settled: true } {
  const { first, second } = disagreement;
  switch (resolution.keep) {
    case 'neither':
      return { settled: true, as: 'neither' };
    case 'adjusted': {
      const same = (side: Disagreement['first']) =>
        side !== undefined && side.start === resolution.start && side.end === resolution.end;
      return { settled: true, as: same(first) ? 'first' : same(second) ? 'second' : 'adjusted' };
    }
    case 'both':
      return { settled: true, as: first && second ? 'both' : first ? 'first' : 'second' };
    case 'first':
      return { settled: true, as: first ? 'first' : 'neither' };
    case 'second':
      return { settled: true, as: second ? 'second' : 'neither' };
  }
}
