import search from 'approx-string-match';

/**
 * Text similarity measures used to rank anchoring candidates. All work on JavaScript strings (UTF-16 code
 * units), like approx-string-match: an astral character therefore counts as two edits, which only makes
 * scores slightly stricter around emoji and never moves an offset (offsets are converted separately).
 */

/**
 * How well `stored` (a quote's remembered prefix or suffix) is found inside `window` (the text that now
 * surrounds a candidate): 1 − edits / length of the best-matching substring, as the Hypothesis client does.
 * Searching inside the window rather than comparing aligned strings tolerates a context that moved by a
 * few characters, which is still good evidence.
 */
export function contextSimilarity(window: string, stored: string): number {
  if (stored.length === 0) {
    // No remembered context means the quote touched the start or end of the text. Still touching it is
    // agreement; no longer touching it is no evidence either way (text was added before or after).
    return window.length === 0 ? 1 : 0.5;
  }
  if (window.length === 0) return 0;
  // Unchanged context is the common case; it skips a search per candidate (thousands for a short quote).
  if (window.includes(stored)) return 1;
  return substringSimilarity(window, stored);
}

/** 1 − edits / pattern length of the substring of `text` closest to `pattern`; 0 when either is empty. */
export function substringSimilarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  if (pattern.length * text.length <= SMALL_TABLE) return 1 - editDistance(text, pattern, true) / pattern.length;
  // With a budget of the whole pattern, search always returns at least one match.
  const best = search(text, pattern, pattern.length)[0];
  return best === undefined ? 0 : 1 - best.errors / pattern.length;
}

/**
 * Contexts are 32 characters, and a short quote can have thousands of exact occurrences to score: for
 * such small tables a plain dynamic programme is ~20× faster than approx-string-match's per-call setup.
 */
const SMALL_TABLE = 64 * 64;

/**
 * Levenshtein distance between `pattern` and `text` (global), or between `pattern` and the closest
 * substring of `text` (Sellers' semi-global variant, where skipping text before and after is free).
 */
function editDistance(text: string, pattern: string, substring: boolean): number {
  // row[j]: edits for the pattern so far against text ending at j.
  let row = new Uint32Array(text.length + 1);
  let next = new Uint32Array(text.length + 1);
  if (!substring) for (let j = 0; j <= text.length; j++) row[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    next[0] = i;
    const unit = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= text.length; j++) {
      const substitute = (row[j - 1] as number) + (text.charCodeAt(j - 1) === unit ? 0 : 1);
      next[j] = Math.min(substitute, (row[j] as number) + 1, (next[j - 1] as number) + 1);
    }
    [row, next] = [next, row];
  }
  if (!substring) return row[text.length] as number;
  let best = pattern.length;
  for (const value of row) best = Math.min(best, value);
  return best;
}

/**
 * Similarity of a whole string to a pattern: 1 − edit distance / pattern length, floored at 0. Exact for
 * quotes up to a few hundred characters; beyond, an upper bound of the distance (the best substring
 * match's edits plus the characters of `text` outside that match), so extra text around a rewritten quote
 * lowers the score as it should.
 */
export function wholeStringSimilarity(text: string, pattern: string): number {
  if (pattern.length === 0) return text.length === 0 ? 1 : 0;
  if (text.length === 0) return 0;
  if (pattern.length * text.length <= LARGE_TABLE)
    return Math.max(0, 1 - editDistance(text, pattern, false) / pattern.length);
  const best = search(text, pattern, pattern.length)[0];
  if (best === undefined) return 0;
  const distance = best.errors + (text.length - (best.end - best.start));
  return Math.max(0, 1 - distance / pattern.length);
}

/** Largest table (characters × characters) computed cell by cell: a few milliseconds at most. */
const LARGE_TABLE = 600 * 600;
