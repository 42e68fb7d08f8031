import { overlapRatio, type Range } from './ranges';

/** A coding as agreement sees it: where it is, and which coding it is (for the review). */
export interface Segment extends Range {
  readonly id: string;
}

export interface SegmentMatching<S extends Segment> {
  /** One-to-one pairs whose overlap (intersection / union) reaches the threshold. */
  readonly matched: readonly { readonly first: S; readonly second: S; readonly overlap: number }[];
  readonly firstOnly: readonly S[];
  readonly secondOnly: readonly S[];
}

/**
 * Pairs two coders' segments of one code in one transcript, one to one, best overlap first. A segment
 * matches when the other coder has a segment overlapping it by at least `threshold` (intersection over
 * union). Ties are broken by position only, never by which coder is first, so swapping the coders swaps
 * `firstOnly` and `secondOnly` and keeps the same pairs.
 */
export function matchSegments<S extends Segment>(
  first: readonly S[],
  second: readonly S[],
  threshold: number,
): SegmentMatching<S> {
  // A code only one coder used in a transcript: nothing to pair.
  if (first.length === 0 || second.length === 0) return { matched: [], firstOnly: [...first], secondOnly: [...second] };
  if (first.length === 1 && second.length === 1) {
    // One segment each (most codes in most transcripts): they match or they do not.
    const [a, b] = [first[0] as S, second[0] as S];
    const overlap = overlapRatio(a, b);
    return overlap > 0 && overlap >= threshold
      ? { matched: [{ first: a, second: b, overlap }], firstOnly: [], secondOnly: [] }
      : { matched: [], firstOnly: [a], secondOnly: [b] };
  }
  const candidates: { a: S; b: S; overlap: number }[] = [];
  for (const a of first) {
    for (const b of second) {
      const overlap = overlapRatio(a, b);
      if (overlap > 0 && overlap >= threshold) candidates.push({ a, b, overlap });
    }
  }
  candidates.sort(
    (x, y) =>
      y.overlap - x.overlap ||
      Math.min(x.a.start, x.b.start) - Math.min(y.a.start, y.b.start) ||
      Math.max(x.a.end, x.b.end) - Math.max(y.a.end, y.b.end) ||
      x.a.start + x.b.start - (y.a.start + y.b.start),
  );
  const usedFirst = new Set<S>();
  const usedSecond = new Set<S>();
  const matched: { first: S; second: S; overlap: number }[] = [];
  for (const { a, b, overlap } of candidates) {
    if (usedFirst.has(a) || usedSecond.has(b)) continue;
    usedFirst.add(a);
    usedSecond.add(b);
    matched.push({ first: a, second: b, overlap });
  }
  matched.sort((x, y) => Math.min(x.first.start, x.second.start) - Math.min(y.first.start, y.second.start));
  return {
    matched,
    firstOnly: first.filter((s) => !usedFirst.has(s)),
    secondOnly: second.filter((s) => !usedSecond.has(s)),
  };
}
