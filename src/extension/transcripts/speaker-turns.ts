/**
 * The structure of an interview transcript: an optional header block of "Key: value" lines at the top,
 * then speaker turns such as "[00:01:02] P07: text" or "Interviewer: text". Lines are 0-based.
 * Pure (no vscode), shared by the outline; the TextMate grammar recognises the same shapes.
 */

export interface TranscriptHeader {
  readonly startLine: number;
  readonly endLine: number;
}

export interface SpeakerTurn {
  readonly line: number;
  /** Last line of the turn (before the next turn or header). */
  readonly endLine: number;
  readonly timestamp?: string;
  readonly speaker: string;
  /** Character range of "[timestamp] Speaker:" on the turn's first line. */
  readonly labelEnd: number;
  /** The words the turn starts with. */
  readonly text: string;
}

export interface TranscriptStructure {
  readonly header?: TranscriptHeader;
  readonly turns: readonly SpeakerTurn[];
}

/** [hh:mm:ss] or [mm:ss], optionally with fractions of a second. */
const TIMESTAMP = String.raw`\[(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\]`;
/** A speaker label: a short name starting with a letter or digit (P07, Interviewer, Dr. Lee, R1). */
const TURN = new RegExp(
  String.raw`^(?:(${TIMESTAMP})[ \t]*)?([\p{Lu}\p{N}][\p{L}\p{N} .'’_-]{0,39}?):(?=[ \t]|$)`,
  'u',
);
const TIMED_TURN = new RegExp(
  String.raw`^(${TIMESTAMP})[ \t]*([\p{L}\p{N}][\p{L}\p{N} .'’_-]{0,39}?):(?=[ \t]|$)`,
  'u',
);
const HEADER_LINE = /^[\p{L}][\p{L}\p{N} _-]{0,39}:[ \t]*\S/u;

export function parseTranscriptStructure(text: string): TranscriptStructure {
  const lines = text.split(/\r\n|\r|\n/);
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  let header: TranscriptHeader | undefined;
  let end = first;
  while (end < lines.length && HEADER_LINE.test(lines[end]!) && !TIMED_TURN.test(lines[end]!)) end++;
  // A header is a block of Key: value lines ended by a blank line (or the end of the file); a first
  // line like "Interviewer: So, tell me…" followed directly by text is a turn, not a header.
  if (end > first && (end === lines.length || lines[end]!.trim() === ''))
    header = { startLine: first, endLine: end - 1 };

  const turns: SpeakerTurn[] = [];
  let previousBlank = true;
  for (let line = header ? header.endLine + 1 : 0; line < lines.length; line++) {
    const content = lines[line]!;
    const timed = TIMED_TURN.exec(content);
    // Untimed labels count only at the start of a paragraph, so "Note: …" inside a turn is not a turn.
    const match = timed ?? (previousBlank ? TURN.exec(content) : null);
    previousBlank = content.trim() === '';
    if (!match) continue;
    const last = turns[turns.length - 1];
    if (last) turns[turns.length - 1] = { ...last, endLine: lastNonBlank(lines, last.line, line - 1) };
    turns.push({
      line,
      endLine: line,
      ...(match[1] ? { timestamp: match[1] } : {}),
      speaker: match[2]!.trim(),
      labelEnd: match[0].length,
      text: content.slice(match[0].length).trim(),
    });
  }
  const last = turns[turns.length - 1];
  if (last) turns[turns.length - 1] = { ...last, endLine: lastNonBlank(lines, last.line, lines.length - 1) };
  return header ? { header, turns } : { turns };
}

function lastNonBlank(lines: readonly string[], from: number, to: number): number {
  let line = to;
  while (line > from && lines[line]!.trim() === '') line--;
  return line;
}

/** The first words of a turn, cut at a word boundary: "So, third-year medical student…". */
export function firstWords(text: string, maxLength = 48): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/u, '')}…`;
}
