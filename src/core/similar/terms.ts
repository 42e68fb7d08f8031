/**
 * Words as the similar-passage search compares them: lower-cased runs of letters and digits (with inner
 * apostrophes, so "don't" stays one word), in any script. Single letters and bare numbers (timestamps, dates,
 * "[inaudible 00:12:04]") carry no meaning for similarity and are left out. No stemming: a stemmer is
 * language-specific, and transcripts come in many languages.
 */
const SEPARATORS = /[^\p{L}\p{N}\p{M}'’]+/u;
const DIGITS = /^\p{N}+$/u;
const EDGE_APOSTROPHES = /^['’]+|['’]+$/g;

export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const piece of text.toLowerCase().split(SEPARATORS)) {
    if (piece.length < 2) continue;
    const word =
      piece.includes("'") || piece.includes('’') ? piece.replace(EDGE_APOSTROPHES, '').replace(/’/g, "'") : piece;
    if (word.length < 2 || DIGITS.test(word)) continue;
    terms.push(word);
  }
  return terms;
}
