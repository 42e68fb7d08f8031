import { OffsetMap } from '../text/canonical';
import type { NewCoding } from '../study/coding-operations';
import { LINE_BREAK, parseTranscriptStructure } from './transcript-structure';

/** What one speaker said in one turn: the text after the "Speaker:" label, as code-point offsets. */
export interface TurnSpeech {
  readonly speaker: string;
  /** The turn's first line, 0-based. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** A speaker of a transcript and how many turns they have, in the order they first speak. */
export interface SpeakerCount {
  readonly speaker: string;
  readonly turns: number;
}

/**
 * The speech of every turn that names its speaker, from after the label to the end of the turn (its
 * continuation lines included), without surrounding white space. Turns without a speaker (subtitle cues)
 * and turns with nothing said are left out.
 */
export function turnSpeeches(text: string): TurnSpeech[] {
  const starts = lineStarts(text);
  const map = new OffsetMap(text);
  const speeches: TurnSpeech[] = [];
  for (const turn of parseTranscriptStructure(text).turns) {
    if (turn.speaker === undefined) continue;
    let start = starts[turn.line]! + turn.labelEnd;
    let end = lineEnd(text, starts, turn.endLine);
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end > start)
      speeches.push({
        speaker: turn.speaker,
        line: turn.line,
        start: map.toCodePoint(start),
        end: map.toCodePoint(end),
      });
  }
  return speeches;
}

/** Every speaker who says something, with their number of turns, in the order they first speak. */
export function speakersOf(text: string): SpeakerCount[] {
  const counts = new Map<string, number>();
  for (const { speaker } of turnSpeeches(text)) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
  return [...counts].map(([speaker, turns]) => ({ speaker, turns }));
}

/** A speaker across several transcripts: their turns in all, and in how many of the transcripts they speak. */
export interface SpeakerAcross extends SpeakerCount {
  readonly transcripts: number;
}

/** The speakers of several transcripts, in the order they first speak (transcript by transcript). */
export function speakersAcross(texts: Iterable<string>): SpeakerAcross[] {
  const found = new Map<string, { turns: number; transcripts: number }>();
  for (const text of texts)
    for (const { speaker, turns } of speakersOf(text)) {
      const entry = found.get(speaker) ?? { turns: 0, transcripts: 0 };
      found.set(speaker, { turns: entry.turns + turns, transcripts: entry.transcripts + 1 });
    }
  return [...found].map(([speaker, counts]) => ({ speaker, ...counts }));
}

/**
 * The codings that code every turn of `speaker` with each of `codes`: one per turn and code, over the
 * turn's speech. The write path adds nothing for a turn already coded so (same code, same passage).
 */
export function speakerTurnCodings(
  text: string,
  speaker: string,
  codes: readonly string[],
  memo?: string,
): NewCoding[] {
  return turnSpeeches(text)
    .filter((speech) => speech.speaker === speaker)
    .flatMap(({ start, end }) => codes.map((code) => ({ code, start, end, ...(memo ? { memo } : {}) })));
}

/**
 * The speaker a person typed, among those found: the exact name, else the one name equal to it ignoring
 * case ("interviewer" for "Interviewer"). Undefined when none or several match.
 */
export function matchSpeaker(found: Iterable<string>, typed: string): string | undefined {
  const wanted = typed.trim();
  const names = [...new Set(found)];
  if (names.includes(wanted)) return wanted;
  const folded = names.filter((name) => name.toLocaleLowerCase() === wanted.toLocaleLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
}

/** UTF-16 offset where each line starts, for the same line breaks the structure splits on. */
function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = new RegExp(LINE_BREAK.source, 'g');
  for (let found = breaks.exec(text); found !== null; found = breaks.exec(text))
    starts.push(found.index + found[0].length);
  return starts;
}

/** UTF-16 offset of the end of a line, before its line break. */
function lineEnd(text: string, starts: readonly number[], line: number): number {
  const next = starts[line + 1];
  if (next === undefined) return text.length;
  return text[next - 2] === '\r' && text[next - 1] === '\n' ? next - 2 : next - 1;
}
