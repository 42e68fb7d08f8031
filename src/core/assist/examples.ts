import { allCodings, type Study } from '../study/study';

/**
 * Up to `perCode` quotes already coded with each code, for the prompt when the researcher allows examples:
 * distinct quotes, the shortest first (a short quote shows a code's core; a long one mostly adds text to
 * send), ties in transcript order. Codings that need review or lost their text are left out.
 */
export function exampleQuotes(study: Study, perCode: number): ReadonlyMap<string, readonly string[]> {
  const byCode = new Map<string, string[]>();
  if (perCode <= 0) return byCode;
  for (const { coding } of allCodings(study)) {
    if (coding.status !== undefined || coding.quote.trim() === '') continue;
    const quotes = byCode.get(coding.code) ?? [];
    if (!quotes.includes(coding.quote)) quotes.push(coding.quote);
    byCode.set(coding.code, quotes);
  }
  const chosen = new Map<string, readonly string[]>();
  for (const [code, quotes] of byCode)
    chosen.set(
      code,
      quotes
        .map((quote, index) => ({ quote, index }))
        .sort((a, b) => [...a.quote].length - [...b.quote].length || a.index - b.index)
        .slice(0, perCode)
        .map((entry) => entry.quote),
    );
  return chosen;
}
