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
  candidates.sort((x, y) => compareCandidates(x.overlap, x.a, x.b, y.overlap, y.a, y.b));
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

/** How two coders' segments of one code in one transcript pair up: counts of matchSegments' three lists. */
export interface SegmentCounts {
  readonly matched: number;
  readonly firstOnly: number;
  readonly secondOnly: number;
}

// Scratch space for segmentCounts: grown as needed, never shrunk.
let candidateFirst = new Int32Array(64);
let candidateSecond = new Int32Array(64);
let candidateOverlap = new Float64Array(64);
let usedFirst = new Uint8Array(32);
let usedSecond = new Uint8Array(32);
let firstAs = new Int32Array(32);
let secondAs = new Int32Array(32);
const order: number[] = [];

/**
 * The lengths of matchSegments' matched, firstOnly and secondOnly, without building them: a report's agreement
 * section only counts them (every code of every transcript: 21,000 matchings in a big study, each with its
 * own lists, sets and copies). The same pairs in the same order: the candidates are made in the same order
 * and sorted stably by the same comparison; a segment is known by its object, as matchSegments' sets know
 * it (the same object twice in a list is one segment, used once).
 */
export function segmentCounts(first: readonly Range[], second: readonly Range[], threshold: number): SegmentCounts {
  if (first.length === 0 || second.length === 0)
    return { matched: 0, firstOnly: first.length, secondOnly: second.length };
  if (first.length === 1 && second.length === 1) {
    const overlap = overlapRatio(first[0] as Range, second[0] as Range);
    return overlap > 0 && overlap >= threshold
      ? { matched: 1, firstOnly: 0, secondOnly: 0 }
      : { matched: 0, firstOnly: 1, secondOnly: 1 };
  }
  const most = first.length * second.length;
  if (most > candidateFirst.length) {
    candidateFirst = new Int32Array(most * 2);
    candidateSecond = new Int32Array(most * 2);
    candidateOverlap = new Float64Array(most * 2);
  }
  let count = 0;
  for (let i = 0; i < first.length; i++) {
    const a = first[i] as Range;
    for (let j = 0; j < second.length; j++) {
      const overlap = overlapRatio(a, second[j] as Range);
      if (overlap > 0 && overlap >= threshold) {
        candidateFirst[count] = i;
        candidateSecond[count] = j;
        candidateOverlap[count] = overlap;
        count++;
      }
    }
  }
  if (count === 0) return { matched: 0, firstOnly: first.length, secondOnly: second.length };
  order.length = count;
  for (let k = 0; k < count; k++) order[k] = k;
  if (count > 1) order.sort(byCandidate(first, second));
  if (first.length > usedFirst.length) {
    usedFirst = new Uint8Array(first.length * 2);
    firstAs = new Int32Array(first.length * 2);
  }
  if (second.length > usedSecond.length) {
    usedSecond = new Uint8Array(second.length * 2);
    secondAs = new Int32Array(second.length * 2);
  }
  usedFirst.fill(0, 0, first.length);
  usedSecond.fill(0, 0, second.length);
  firstPositions(first, firstAs);
  firstPositions(second, secondAs);
  let matched = 0;
  for (let k = 0; k < count; k++) {
    const candidate = order[k] as number;
    const i = firstAs[candidateFirst[candidate] as number] as number;
    const j = secondAs[candidateSecond[candidate] as number] as number;
    if (usedFirst[i] === 1 || usedSecond[j] === 1) continue;
    usedFirst[i] = 1;
    usedSecond[j] = 1;
    matched++;
  }
  let firstOnly = 0;
  for (let i = 0; i < first.length; i++) if (usedFirst[firstAs[i] as number] === 0) firstOnly++;
  let secondOnly = 0;
  for (let j = 0; j < second.length; j++) if (usedSecond[secondAs[j] as number] === 0) secondOnly++;
  return { matched, firstOnly, secondOnly };
}

/**
 * The order in which candidate pairs are taken: the larger overlap first, then the pair starting earlier, ending
 * earlier, lying earlier overall. One rule for matchSegments and segmentCounts, so they pair the same segments.
 */
function compareCandidates(xOverlap: number, xa: Range, xb: Range, yOverlap: number, ya: Range, yb: Range): number {
  return (
    yOverlap - xOverlap ||
    Math.min(xa.start, xb.start) - Math.min(ya.start, yb.start) ||
    Math.max(xa.end, xb.end) - Math.max(ya.end, yb.end) ||
    xa.start + xb.start - (ya.start + yb.start)
  );
}

/** compareCandidates for candidates given by number (segmentCounts' scratch arrays). */
function byCandidate(first: readonly Range[], second: readonly Range[]) {
  return (x: number, y: number): number =>
    compareCandidates(
      candidateOverlap[x] as number,
      first[candidateFirst[x] as number] as Range,
      second[candidateSecond[x] as number] as Range,
      candidateOverlap[y] as number,
      first[candidateFirst[y] as number] as Range,
      second[candidateSecond[y] as number] as Range,
    );
}

/** Each position's first position of the same object in the list (a segment listed twice is one segment). */
function firstPositions(list: readonly Range[], into: Int32Array): void {
  for (let i = 0; i < list.length; i++) {
    const segment = list[i];
    let k = 0;
    while (list[k] !== segment) k++;
    into[i] = k;
  }
}
