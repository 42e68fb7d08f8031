import { OffsetMap } from '../text/canonical';

/** A code-point range over the canonical text, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const TIMESTAMP = String.raw`\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\]`;
/**
 * A speaker turn's opening: an optional timestamp, then a short label ("P07", "Interviewer", "Dr. Okafor")
 * and a colon; or a timestamp alone. Labels are capitalised and at most three words so that ordinary
 * sentences with a colon ("Well: I think…") are not taken for turns.
 */
const TURN_LABEL = new RegExp(
  String.raw`^[ \t]*(?:(?:${TIMESTAMP}[ \t]*)?(?:\p{Lu}[\p{L}\p{N}.'’-]*(?: \p{Lu}[\p{L}\p{N}.'’-]*){0,2})[ \t]*:[ \t]+|${TIMESTAMP}[ \t]*)`,
  'u',
);

interface Line {
  /** UTF-16 offsets into the text; `end` excludes the line break. */
  readonly start: number;
  readonly end: number;
  readonly blank: boolean;
  /** Length of the speaker label at the start of the line (0: the line does not open a turn). */
  readonly label: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const content = text.slice(start, end);
    const label = TURN_LABEL.exec(content);
    lines.push({ start, end, blank: content.trim() === '', label: label ? label[0].length : 0 });
    if (newline < 0) return lines;
    start = newline + 1;
  }
}

function lineIndexAt(lines: readonly Line[], utf16: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lines[mid] as Line).start <= utf16) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** UTF-16 range of the turn holding the line at `index`: blank lines and speaker labels bound turns. */
function turnAt(lines: readonly Line[], index: number): { start: number; end: number } | undefined {
  let first = index;
  let last = index;
  if ((lines[index] as Line).blank) return undefined;
  while (first > 0 && (lines[first] as Line).label === 0 && !(lines[first - 1] as Line).blank) first--;
  while (last + 1 < lines.length && !(lines[last + 1] as Line).blank && (lines[last + 1] as Line).label === 0) last++;
  const opening = lines[first] as Line;
  return { start: opening.start + opening.label, end: (lines[last] as Line).end };
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

/**
 * The speaker turn(s) a range lies in, without the speaker label and surrounding spaces: transcripts
 * put each turn on its own line or paragraph ("[00:01:02] P07: …"), separated by blank lines. A range
 * spanning several turns grows to all of them. Undefined when the range sits on blank lines only.
 */
export function turnSpan(text: string, range: Span): Span | undefined {
  const map = new OffsetMap(text);
  const lines = linesOf(text);
  const from = map.toUtf16(range.start);
  const to = map.toUtf16(Math.max(range.start, range.end - 1));
  let firstLine = lineIndexAt(lines, from);
  let lastLine = lineIndexAt(lines, to);
  // A range starting or ending on a blank line belongs to the nearest turn inside it.
  while (firstLine < lastLine && (lines[firstLine] as Line).blank) firstLine++;
  while (lastLine > firstLine && (lines[lastLine] as Line).blank) lastLine--;
  const first = turnAt(lines, firstLine);
  const last = turnAt(lines, lastLine);
  if (!first || !last) return undefined;
  const span = trimmed(text, first.start, last.end);
  if (span.start >= span.end) return undefined;
  return { start: map.toCodePoint(span.start), end: map.toCodePoint(span.end) };
}

/**
 * The sentence(s) a range lies in, kept inside its turn (a speaker label is never part of a sentence).
 * Sentence breaks come from Intl.Segmenter (Unicode UAX #29: handles quotes, ellipses, ?!, many
 * languages); surrounding spaces are trimmed.
 */
export function sentenceSpan(text: string, range: Span, locale?: string): Span | undefined {
  const turns = turnSpan(text, range);
  if (!turns) return undefined;
  const map = new OffsetMap(text);
  const turnStart = map.toUtf16(turns.start);
  const turnText = text.slice(turnStart, map.toUtf16(turns.end));
  // Offsets relative to the turn; `last` is the range's last character (its start when empty).
  const from = Math.min(turnText.length, Math.max(0, map.toUtf16(range.start) - turnStart));
  const last = Math.min(turnText.length, Math.max(from, map.toUtf16(range.end) - turnStart - 1));
  let start = 0;
  let end = turnText.length;
  for (const segment of new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(turnText)) {
    const segmentEnd = segment.index + segment.segment.length;
    if (segment.index <= from && from < segmentEnd) start = segment.index;
    if (segment.index <= last && last < segmentEnd) {
      end = segmentEnd;
      break;
    }
  }
  const span = trimmed(turnText, start, end);
  if (span.start >= span.end) return undefined;
  return { start: map.toCodePoint(turnStart + span.start), end: map.toCodePoint(turnStart + span.end) };
}

/** The range without leading and trailing white space (a selection dragged a little too far). */
export function trimSpan(text: string, range: Span): Span {
  const map = new OffsetMap(text);
  const span = trimmed(text, map.toUtf16(range.start), map.toUtf16(range.end));
  return { start: map.toCodePoint(span.start), end: map.toCodePoint(span.end) };
}

/**
 * Every speaker turn of a text, in order, by the rule of turnSpan (blank lines and speaker labels bound turns;
 * the label and surrounding spaces are left out): the units a whole transcript is split into for searching.
 */
export function allTurnSpans(text: string): Span[] {
  const map = new OffsetMap(text);
  const lines = linesOf(text);
  const spans: Span[] = [];
  for (let index = 0; index < lines.length; index++) {
    const turn = turnAt(lines, index);
    if (!turn) continue;
    // turnAt walks from any line of a turn; skip to its last line so each turn is listed once.
    while (index + 1 < lines.length && (lines[index + 1] as Line).end <= turn.end) index++;
    const span = trimmed(text, turn.start, turn.end);
    if (span.start < span.end) spans.push({ start: map.toCodePoint(span.start), end: map.toCodePoint(span.end) });
  }
  return spans;
}
