import { LINE_BREAK, structureOfLines, TIMESTAMP } from './transcript-structure';

/** What a highlighted stretch of a transcript is; the editor gives each kind its own colour. */
export type HighlightKind =
  'headerKey' | 'headerValue' | 'timestamp' | 'interviewer' | 'participant' | 'inaudible' | 'note';

export const HIGHLIGHT_KINDS: readonly HighlightKind[] = [
  'headerKey',
  'headerValue',
  'timestamp',
  'interviewer',
  'participant',
  'inaudible',
  'note',
];

/** One highlighted stretch: 0-based line, start and length in UTF-16 units within the line. */
export interface Highlight {
  readonly line: number;
  readonly start: number;
  readonly length: number;
  readonly kind: HighlightKind;
}

/** The labels interviewers go by: their turns are told apart from the participant's. */
const INTERVIEWER = /^(?:interviewer|moderator|facilitator|researcher|int|i|q)$/i;
/** A bracketed passage inside a turn: a timestamp, something inaudible, or a transcriber's note. */
const BRACKETED = /\[[^\]\n]*\]/g;
const INLINE_TIMESTAMP = new RegExp(`^${TIMESTAMP}$`);
const INAUDIBLE = /^\[(?:inaudible|unclear|indistinct|unintelligible|incomprehensible)\b/i;

/**
 * The stretches of a transcript to colour, in document order, none overlapping: the header's keys and values,
 * each turn's timestamp and speaker (interviewers apart from participants), and bracketed timestamps,
 * inaudible passages and notes ("[laughs]") in what is said. Turns and headers are found exactly as the outline,
 * the speaker commands and the CLI find them.
 */
export function transcriptHighlights(text: string): Highlight[] {
  const lines = text.split(LINE_BREAK);
  const { header, turns } = structureOfLines(lines);
  const highlights: Highlight[] = [];
  const from = header ? header.endLine + 1 : 0;
  if (header) {
    for (let line = header.startLine; line <= header.endLine; line++) {
      const content = lines[line]!;
      const colon = content.indexOf(':');
      highlights.push({ line, start: 0, length: colon, kind: 'headerKey' });
      const valueStart = colon + 1 + (/^[ \t]*/.exec(content.slice(colon + 1))?.[0].length ?? 0);
      const valueEnd = content.trimEnd().length;
      if (valueEnd > valueStart)
        highlights.push({ line, start: valueStart, length: valueEnd - valueStart, kind: 'headerValue' });
    }
  }
  let turn = 0;
  for (let line = from; line < lines.length; line++) {
    const content = lines[line]!;
    let said = 0;
    while (turns[turn] !== undefined && turns[turn]!.line < line) turn++;
    const opening = turns[turn]?.line === line ? turns[turn] : undefined;
    if (opening) {
      if (opening.timestamp) {
        highlights.push({ line, start: 1, length: opening.timestamp.length - 2, kind: 'timestamp' });
      }
      if (opening.speaker) {
        const start = content.indexOf(opening.speaker, opening.timestamp?.length ?? 0);
        highlights.push({
          line,
          start,
          length: opening.speaker.length,
          kind: INTERVIEWER.test(opening.speaker) ? 'interviewer' : 'participant',
        });
      }
      said = opening.labelEnd;
    }
    if (!content.includes('[', said)) continue;
    BRACKETED.lastIndex = said;
    for (let match = BRACKETED.exec(content); match; match = BRACKETED.exec(content)) {
      const bracketed = match[0];
      if (INLINE_TIMESTAMP.test(bracketed)) {
        highlights.push({ line, start: match.index + 1, length: bracketed.length - 2, kind: 'timestamp' });
      } else {
        const kind = INAUDIBLE.test(bracketed) ? 'inaudible' : 'note';
        highlights.push({ line, start: match.index, length: bracketed.length, kind });
      }
    }
  }
  return highlights;
}
