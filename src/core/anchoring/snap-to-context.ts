import search from 'approx-string-match';

/**
 * A fuzzy match's ends are where the edit distance is lowest, which is not always where the quote ends:
 * for "never met" → "never ever met" the match "never ev" costs 2 edits, the whole phrase 5. The stored
 * prefix and suffix mark the real ends, so a boundary is moved to where its context is found nearby.
 * Offsets are UTF-16 code units of `text`.
 */

/** Tolerated edits in a prefix or suffix, as a share of its length: context must mostly survive to count. */
const CONTEXT_ERROR_SHARE = 0.25;

export function snapToContext(
  text: string,
  match: { start: number; end: number },
  prefix: string,
  suffix: string,
  slack: number,
): { start: number; end: number } {
  const start = prefix.length === 0 ? match.start : (nearest(text, prefix, match.start, slack, 'end') ?? match.start);
  const end = suffix.length === 0 ? match.end : (nearest(text, suffix, match.end, slack, 'start') ?? match.end);
  return start <= end ? { start, end } : match;
}

/** The `side` of the occurrence of `context` nearest `at`, looking no further than `slack` either way. */
function nearest(text: string, context: string, at: number, slack: number, side: 'start' | 'end'): number | undefined {
  const from = Math.max(0, at - slack - (side === 'end' ? context.length : 0));
  const to = Math.min(text.length, at + slack + (side === 'start' ? context.length : 0));
  let best: number | undefined;
  for (const m of occurrences(text.slice(from, to), context)) {
    const position = from + m[side];
    if (Math.abs(position - at) <= slack && (best === undefined || Math.abs(position - at) < Math.abs(best - at)))
      best = position;
  }
  return best;
}

/** Exact occurrences, or else the closest approximate ones within the tolerated share of edits. */
export function occurrences(text: string, pattern: string): { start: number; end: number }[] {
  const exact: { start: number; end: number }[] = [];
  for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length });
  }
  if (exact.length > 0) return exact;
  return search(text, pattern, Math.floor(pattern.length * CONTEXT_ERROR_SHARE));
}
