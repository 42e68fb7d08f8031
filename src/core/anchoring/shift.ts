import type { Coding } from '../model';
import { OffsetMap } from '../text/canonical';
import { quoteSelector } from './selector';

/**
 * Live offset shifting while a transcript is edited, so decorations follow the text between saves without
 * a full re-anchoring. Offsets are code points; the caller converts VS Code's UTF-16 ranges at the edge.
 */

/** One replacement: [start, end) of the text before it is replaced by `insertedLength` code points. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly insertedLength: number;
}

/**
 * Applies edits SEQUENTIALLY: each edit's offsets refer to the text produced by the previous edits (the
 * first to the original text), the order in which VS Code's contentChanges can be replayed. Rules for a
 * coding [s, e) and an edit [a, b) inserting n:
 * - edit before the coding (b ≤ s) shifts it, and an insertion exactly at s goes before it;
 * - edit after it (a ≥ e) leaves it, and an insertion exactly at e goes after it;
 * - edit inside it (s ≤ a, b ≤ e) grows or shrinks it;
 * - edit over one boundary clips the coding to its surviving part;
 * - edit over all its text collapses it to zero length at a, flagged needs-review (never dropped).
 * Quote, prefix and suffix are left alone: refresh them from the new text with refreshSelectors.
 * Unchanged codings are returned as the same objects.
 */
export function shiftCodings(codings: readonly Coding[], edits: readonly TextEdit[]): Coding[] {
  let current = [...codings];
  for (const edit of edits) {
    const safe = sanitize(edit);
    current = current.map((coding) => shiftCoding(coding, safe));
  }
  return current;
}

function shiftCoding(coding: Coding, edit: TextEdit): Coding {
  const { start: s, end: e } = coding;
  const { start: a, end: b, insertedLength: n } = edit;
  const delta = n - (b - a);
  if (b <= s) return moved(coding, s + delta, e + delta);
  if (a >= e) return coding;
  if (a <= s && b >= e) return { ...moved(coding, a, a), status: 'needs-review' };
  // The inserted text replaces text outside the coding, so it stays outside.
  if (a < s) return moved(coding, a + n, e + delta);
  if (b > e) return moved(coding, s, a);
  return moved(coding, s, e + delta);
}

function moved(coding: Coding, start: number, end: number): Coding {
  return start === coding.start && end === coding.end ? coding : { ...coding, start, end };
}

/** Defends the invariants (0 ≤ start ≤ end) against a malformed edit rather than corrupting offsets. */
function sanitize(edit: TextEdit): TextEdit {
  const start = Math.max(0, Math.trunc(edit.start));
  const end = Math.max(start, Math.trunc(edit.end));
  return { start, end, insertedLength: Math.max(0, Math.trunc(edit.insertedLength)) };
}

/**
 * Takes quote, prefix and suffix from the current text for every cleanly anchored coding (no status).
 * Flagged codings keep their old quote: it is the evidence a reviewer needs.
 */
export function refreshSelectors(codings: readonly Coding[], text: string | OffsetMap): Coding[] {
  const map = typeof text === 'string' ? new OffsetMap(text) : text;
  return codings.map((coding) => {
    if (coding.status !== undefined) return coding;
    const selector = quoteSelector(map, coding.start, coding.end);
    const same =
      selector.quote === coding.quote && selector.prefix === coding.prefix && selector.suffix === coding.suffix;
    return same ? coding : { ...coding, ...selector };
  });
}
