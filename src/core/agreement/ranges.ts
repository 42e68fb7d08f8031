/** Half-open code-point ranges [start, end), as codings store them. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * Whether both offsets are 32-bit integers, as every loaded coding's are (a text is shorter than 2^31 code points):
 * such offsets fit an Int32Array, whose reads are small integers where a Float64Array's are numbers boxed on the
 * heap until the code is optimized.
 */
export function hasInt32Offsets(range: Range): boolean {
  return (range.start | 0) === range.start && (range.end | 0) === range.end;
}

/** The ranges merged into disjoint, sorted ranges (overlapping and touching ranges become one). */
export function unionOf(ranges: readonly Range[]): Range[] {
  // One range (a code a coder used once in a transcript: the common case) needs no sort.
  if (ranges.length === 1) {
    const only = ranges[0] as Range;
    return only.end > only.start ? [{ start: only.start, end: only.end }] : [];
  }
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

/** Code points covered by disjoint sorted ranges. */
export function lengthOf(disjoint: readonly Range[]): number {
  return disjoint.reduce((sum, r) => sum + (r.end - r.start), 0);
}

/** Code points covered by both of two disjoint sorted range lists (a linear merge). */
export function intersectionLength(a: readonly Range[], b: readonly Range[]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Range;
    const y = b[j] as Range;
    total += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
    if (x.end < y.end) i++;
    else j++;
  }
  return total;
}

/** Intersection over union of two ranges: 1 for the same range, 0 when they do not overlap. */
export function overlapRatio(a: Range, b: Range): number {
  const intersection = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  if (intersection === 0) return 0;
  return intersection / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

// Scratch space for unionLength: grown as needed, never shrunk (a transcript has at most a few thousand codings).
// Offsets are held as 32-bit integers, which every loaded coding's are (a text is shorter than 2^31 code points):
// read back they are small integers, so the lengths worked out from them, kept per code and transcript and added
// up by the agreement counts, are small integers too. Read from a Float64Array they were numbers boxed on the heap,
// one allocation per read and per sum until the code is optimized: a report's first agreement section (100,000
// codings). A range with any other offset makes the lists count through unionOf (see WIDE).
let starts = new Int32Array(256);
let ends = new Int32Array(256);

/** gather's answer for a range with an offset that is not a 32-bit integer: the scratch space cannot hold it. */
const WIDE = -1;

/**
 * Code points covered by any range of any of the lists: lengthOf(unionOf(all of them)), without building the
 * union. The starts and the ends are sorted apart, as plain numbers: a position is covered while more ranges
 * have started than ended, and the union's length is the total length of those stretches.
 */
export function unionLength(...lists: readonly (readonly Range[])[]): number {
  let count = 0;
  for (const list of lists) count += list.length;
  reserve(count);
  let k = 0;
  for (const list of lists) k = gather(list, k);
  return k === WIDE ? wideUnionLength(lists) : coveredLength(k);
}

/**
 * unionLength of one list or two, without the list of lists a call with rest parameters makes (a report's
 * agreement asks three times for every code of every transcript).
 */
export function unionLengthOf(a: readonly Range[], b?: readonly Range[]): number {
  reserve(a.length + (b?.length ?? 0));
  const k = b === undefined ? gather(a, 0) : gather(b, gather(a, 0));
  if (k !== WIDE) return coveredLength(k);
  return wideUnionLength(b === undefined ? [a] : [a, b]);
}

/** unionLength of lists[0, count), for a caller that keeps its list of lists from one call to the next. */
export function unionLengthOfLists(lists: readonly (readonly Range[])[], count: number): number {
  let total = 0;
  for (let i = 0; i < count; i++) total += (lists[i] as readonly Range[]).length;
  reserve(total);
  let k = 0;
  for (let i = 0; i < count; i++) k = gather(lists[i] as readonly Range[], k);
  return k === WIDE ? wideUnionLength(lists.slice(0, count)) : coveredLength(k);
}

/** unionLength of lists with an offset the scratch space cannot hold (never in a loaded study): the union, measured. */
function wideUnionLength(lists: readonly (readonly Range[])[]): number {
  return lengthOf(unionOf(lists.flat()));
}

/** The scratch space holds at least `count` ranges. */
function reserve(count: number): void {
  if (count > starts.length) {
    starts = new Int32Array(count * 2);
    ends = new Int32Array(count * 2);
  }
}

/**
 * Copies the non-empty ranges of the list into the scratch space from position k; returns the next position, or
 * WIDE (also when k is WIDE) for a range with an offset that is not a 32-bit integer.
 */
function gather(list: readonly Range[], k: number): number {
  if (k === WIDE) return WIDE;
  for (let i = 0; i < list.length; i++) {
    const range = list[i] as Range;
    if (!(range.end > range.start)) continue;
    if (!hasInt32Offsets(range)) return WIDE;
    starts[k] = range.start;
    ends[k] = range.end;
    k++;
  }
  return k;
}

/** The union's length of the first k ranges of the scratch space. */
function coveredLength(k: number): number {
  if (k === 0) return 0;
  if (k === 1) return (ends[0] as number) - (starts[0] as number);
  let s = starts;
  let e = ends;
  if (k <= FEW) {
    // A code's few codings in one transcript (most calls): sorted in place, without a view and a native
    // sort call per list. The same order of the same numbers (offsets are never NaN here: those ranges
    // were skipped; −0 and 0 may swap, which changes no sum or comparison below).
    insertionSort(starts, k);
    insertionSort(ends, k);
  } else {
    s = starts.subarray(0, k).sort();
    e = ends.subarray(0, k).sort();
  }
  let covered = 0;
  let open = 0;
  let from = 0;
  let i = 0;
  let j = 0;
  while (j < k) {
    // A range starting where another ends continues the stretch (touching ranges are one in unionOf).
    if (i < k && (s[i] as number) <= (e[j] as number)) {
      if (open === 0) from = s[i] as number;
      open++;
      i++;
    } else {
      open--;
      if (open === 0) covered += (e[j] as number) - from;
      j++;
    }
  }
  return covered;
}

/** Up to this many ranges, unionLength sorts by insertion. */
const FEW = 32;

/** Sorts values[0, count) ascending in place. */
function insertionSort(values: Int32Array, count: number): void {
  for (let i = 1; i < count; i++) {
    const value = values[i] as number;
    let j = i - 1;
    while (j >= 0 && (values[j] as number) > value) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = value;
  }
}
