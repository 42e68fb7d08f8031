import { occurrences } from './snap-to-context';

/**
 * Where a quote's remembered prefix and suffix are now, found without looking at the quote itself.
 * Used when the quote was rewritten beyond the fuzzy search's error budget (or deleted): the context
 * around it usually survives, and the gap between prefix and suffix is the best guess for the quote.
 * All offsets are UTF-16 code units of `text`.
 */
export interface ContextGap {
  /** End of the prefix found (or 0 when the quote started the text). */
  readonly start: number;
  /** Start of the suffix found (or the text's end when the quote ended it). */
  readonly end: number;
}

/**
 * Finds the prefix (the occurrence nearest `hint`) and then the first suffix after it, no further than
 * a rewritten quote could plausibly reach (twice its old length plus some slack). Returns undefined when
 * either piece of context is gone, or when the quote had no context at all (it was the whole text).
 */
export function findContextGap(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number,
): ContextGap | undefined {
  if (prefix.length === 0 && suffix.length === 0) return undefined;
  const start = prefix.length === 0 ? 0 : nearestEnd(text, prefix, hint);
  if (start === undefined) return undefined;
  const reach = start + 2 * quote.length + suffix.length + 64;
  if (suffix.length === 0) return text.length <= reach ? { start, end: text.length } : undefined;
  const window = text.slice(start, Math.min(text.length, reach));
  const found = occurrences(window, suffix);
  const first = found.reduce<number | undefined>(
    (min, m) => (min === undefined || m.start < min ? m.start : min),
    undefined,
  );
  return first === undefined ? undefined : { start, end: start + first };
}

function nearestEnd(text: string, prefix: string, hint: number): number | undefined {
  let best: number | undefined;
  for (const match of occurrences(text, prefix)) {
    if (best === undefined || Math.abs(match.end - hint) < Math.abs(best - hint)) best = match.end;
  }
  return best;
}
