/** A half-open interval of code points. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The stretches covered by two or more spans, merged. Translucent fills already add up where codings
 * overlap, but two pale colours stacked are hard to tell from one dark one: these stretches get their own
 * marker so an overlap is never mistaken for a single coding.
 *
 * Runs on every redraw of a transcript (after each coding action), over all its codings: the starts and the
 * ends are sorted apart as plain numbers (a typed array's own numeric sort, no comparator, no pair per
 * boundary) and walked together, which at 2,000 codings is a fraction of sorting pairs.
 */
export function overlapSegments(spans: readonly Span[]): Span[] {
  let count = 0;
  for (const span of spans) if (span.end > span.start) count++;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  let next = 0;
  for (const span of spans) {
    if (span.end <= span.start) continue;
    starts[next] = span.start;
    ends[next] = span.end;
    next++;
  }
  starts.sort();
  ends.sort();
  const result: Span[] = [];
  let depth = 0;
  let openedAt = 0;
  let s = 0;
  let e = 0;
  while (e < count) {
    // Ends before starts at the same offset: codings that merely touch do not overlap.
    const ending = s >= count || (ends[e] as number) <= (starts[s] as number);
    const offset = (ending ? ends[e++] : starts[s++]) as number;
    const before = depth;
    depth += ending ? -1 : 1;
    if (before < 2 && depth >= 2) openedAt = offset;
    if (before >= 2 && depth < 2 && offset > openedAt) {
      const last = result[result.length - 1];
      if (last && last.end === openedAt) result[result.length - 1] = { start: last.start, end: offset };
      else result.push({ start: openedAt, end: offset });
    }
  }
  return result;
}
