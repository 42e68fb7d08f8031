/**
 * The structure of an interview transcript: an optional header block of "Key: value" lines at the top,
 * then turns such as "[00:01:02] P07: text", "Interviewer: text", or — in subtitles, which name no
 * speaker — "[00:01:02] text". Lines are 0-based. Shared by the outline, the speaker coding command, the
 * CLI and the transcript language's highlighting (transcript-highlights.ts).
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
  /** Who speaks; absent for a timed line that names nobody (a subtitle cue). */
  readonly speaker?: string;
  /** Where the turn's label ("[timestamp] Speaker:", or the timestamp alone) ends on its first line, in UTF-16 units. */
  readonly labelEnd: number;
  /** The words the turn starts with. */
  readonly text: string;
}

export interface TranscriptStructure {
  readonly header?: TranscriptHeader;
  readonly turns: readonly SpeakerTurn[];
}

/** [hh:mm:ss] or [mm:ss], optionally with fractions of a second. */
export const TIMESTAMP = String.raw`\[(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\]`;
/** A speaker label: a short name starting with a letter or digit (P07, Interviewer, Dr. Lee, R1). */
const UNTIMED_TURN = new RegExp(String.raw`^([\p{Lu}\p{N}][\p{L}\p{N} .'’_-]{0,39}?):(?=[ \t]|$)`, 'u');
/**
 * A timestamp at the start of a line opens a turn, with a speaker label or (subtitles) without one. After a
 * timestamp the label may be longer and hold the commas, brackets and slashes of names as Zoom and Teams show
 * them ("Okafor, Rebecca (she/her)").
 */
const TIMED_TURN = new RegExp(
  String.raw`^(${TIMESTAMP})[ \t]*(?:([\p{L}\p{N}][\p{L}\p{N} .,'’_()/&-]{0,59}?):(?=[ \t]|$))?`,
  'u',
);
const HEADER_LINE = /^[\p{L}][\p{L}\p{N} _-]{0,39}:[ \t]*\S/u;
/** The line breaks a transcript may have before it is made canonical (LF). */
export const LINE_BREAK = /\r\n|\r|\n/;

export function parseTranscriptStructure(text: string): TranscriptStructure {
  return structureOfLines(text.split(LINE_BREAK));
}

/** The structure of a transcript already split into lines at LINE_BREAK (for callers that need the lines too). */
export function structureOfLines(lines: readonly string[]): TranscriptStructure {
  const header = headerBlock(lines);
  const turns = turnsFrom(lines, header ? header.endLine + 1 : 0);
  // A transcript without a header may open with a one-line turn ("Interviewer: Hello." then a blank line),
  // which looks like a one-line header: it is that speaker's first turn when they speak again later.
  if (header && header.startLine === header.endLine) {
    const key = lines[header.startLine]!.slice(0, lines[header.startLine]!.indexOf(':')).trim();
    if (turns.some((turn) => turn.speaker === key)) return { turns: turnsFrom(lines, 0) };
  }
  return header ? { header, turns } : { turns };
}

/**
 * The header: a block of Key: value lines at the top ended by a blank line (or the end of the file); a first
 * line like "Interviewer: So, tell me…" followed directly by text is a turn, not a header.
 */
function headerBlock(lines: readonly string[]): TranscriptHeader | undefined {
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  let end = first;
  while (end < lines.length && HEADER_LINE.test(lines[end]!) && !TIMED_TURN.test(lines[end]!)) end++;
  return end > first && (end === lines.length || lines[end]!.trim() === '')
    ? { startLine: first, endLine: end - 1 }
    : undefined;
}

function turnsFrom(lines: readonly string[], start: number): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  let previousBlank = true;
  for (let line = start; line < lines.length; line++) {
    const content = lines[line]!;
    const label = turnLabel(content, previousBlank);
    previousBlank = content.trim() === '';
    if (!label) continue;
    const last = turns[turns.length - 1];
    if (last) turns[turns.length - 1] = { ...last, endLine: lastNonBlank(lines, last.line, line - 1) };
    turns.push({
      line,
      endLine: line,
      ...(label.timestamp ? { timestamp: label.timestamp } : {}),
      ...(label.speaker ? { speaker: label.speaker } : {}),
      labelEnd: label.end,
      text: content.slice(label.end).trim(),
    });
  }
  const last = turns[turns.length - 1];
  if (last) turns[turns.length - 1] = { ...last, endLine: lastNonBlank(lines, last.line, lines.length - 1) };
  return turns;
}

/** The label that opens a turn on this line, if any. */
function turnLabel(
  content: string,
  atParagraphStart: boolean,
): { timestamp?: string; speaker?: string; end: number } | undefined {
  const timed = TIMED_TURN.exec(content);
  if (timed) {
    const speaker = timed[2]?.trim();
    // A bare timestamp ends where its spaces end, so the label never swallows the first word.
    return { timestamp: timed[1]!, ...(speaker ? { speaker } : {}), end: timed[0].length };
  }
  // Untimed labels count only at the start of a paragraph, so "Note: …" inside a turn is not a turn.
  const untimed = atParagraphStart ? UNTIMED_TURN.exec(content) : null;
  return untimed ? { speaker: untimed[1]!.trim(), end: untimed[0].length } : undefined;
}

function lastNonBlank(lines: readonly string[], from: number, to: number): number {
  let line = to;
  while (line > from && lines[line]!.trim() === '') line--;
  return line;
}
