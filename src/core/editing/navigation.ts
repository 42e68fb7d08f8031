import type { Span } from './boundaries';

/**
 * The start offset of the next (or previous) coding from `offset`, wrapping around the transcript like
 * "Go to Next Problem". Codings that start at the same offset are one stop. Undefined without codings.
 */
export function nextCodingStart(
  codings: readonly Span[],
  offset: number,
  direction: 'next' | 'previous',
): number | undefined {
  const starts = [...new Set(codings.map((coding) => coding.start))].sort((a, b) => a - b);
  if (starts.length === 0) return undefined;
  if (direction === 'next') return starts.find((start) => start > offset) ?? starts[0];
  return [...starts].reverse().find((start) => start < offset) ?? starts[starts.length - 1];
}

/**
 * Codings under a cursor or selection, innermost (shortest) first. A cursor touches a coding from its
 * start up to and including its end, so a cursor just after the last coded character still finds it.
 */
export function codingsAt<T extends Span>(codings: readonly T[], range: Span): T[] {
  const hits = codings.filter((coding) => touchesCoding(coding, range));
  return hits.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
}

/** Whether a cursor or selection touches a coding, as codingsAt counts it. */
export function touchesCoding(coding: Span, range: Span): boolean {
  return range.start === range.end
    ? coding.start <= range.start && range.start <= coding.end
    : coding.start < range.end && range.start < coding.end;
}
