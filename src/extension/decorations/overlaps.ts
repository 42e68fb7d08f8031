/** A half-open interval of code points. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The stretches covered by two or more spans, merged. Translucent fills already add up where codings
 * overlap, but two pale colours stacked are hard to tell from one dark one: these stretches get their own
 * marker so an overlap is never mistaken for a single coding.
 */
export function overlapSegments(spans: readonly Span[]): Span[] {
  const events: [number, number][] = [];
  for (const span of spans) {
    if (span.end <= span.start) continue;
    events.push([span.start, 1], [span.end, -1]);
  }
  // Ends before starts at the same offset: codings that merely touch do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const result: Span[] = [];
  let depth = 0;
  let openedAt = 0;
  for (const [offset, delta] of events) {
    const before = depth;
    depth += delta;
    if (before < 2 && depth >= 2) openedAt = offset;
    if (before >= 2 && depth < 2 && offset > openedAt) {
      const last = result[result.length - 1];
      if (last && last.end === openedAt) result[result.length - 1] = { start: last.start, end: offset };
      else result.push({ start: openedAt, end: offset });
    }
  }
  return result;
}
