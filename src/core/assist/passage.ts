import { OffsetMap } from '../text/canonical';

/** A stretch of a transcript that suggestions are asked for: code-point offsets over its canonical text. */
export interface Passage {
  /** The transcript's path as the study shows it (relative to the study root). */
  readonly transcript: string;
  /** The transcript's whole canonical text. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The text's offset map, when the caller has one. */
  readonly map?: OffsetMap;
}

/** The passage's own words. */
export function passageText(passage: Passage): string {
  return (passage.map ?? new OffsetMap(passage.text)).slice(passage.start, passage.end);
}

/**
 * A whole transcript cut into passages of at most `maxChars` code points, at line breaks (a speaker turn is
 * usually a line or a paragraph), so each request stays well inside a model's input and a quote never has to
 * span two requests. A single line longer than the limit is cut at the limit.
 */
export function transcriptPassages(transcript: string, text: string, maxChars = 12_000): Passage[] {
  const map = new OffsetMap(text);
  const length = map.codePointLength;
  const passages: Passage[] = [];
  let start = 0;
  while (start < length) {
    let end = Math.min(length, start + maxChars);
    if (end < length) {
      const cut = text.lastIndexOf('\n', map.toUtf16(end));
      const cutPoint = cut < 0 ? -1 : map.toCodePoint(cut + 1);
      if (cutPoint > start) end = cutPoint;
    }
    if (map.slice(start, end).trim() !== '') passages.push({ transcript, text, start, end, map });
    start = end;
  }
  return passages;
}
