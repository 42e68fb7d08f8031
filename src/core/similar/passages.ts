import { allTurnSpans, type Span } from '../editing/boundaries';
import { OffsetMap } from '../text/canonical';

/** The two sizes of passage a study is searched by: a sentence, or a whole speaker turn. */
export const PASSAGE_UNITS = ['sentence', 'turn'] as const;
export type PassageUnit = (typeof PASSAGE_UNITS)[number];

/** A passage of a transcript: code-point offsets (as in sidecars) and the UTF-16 ones to slice the text fast. */
export interface PassageSpan extends Span {
  readonly start16: number;
  readonly end16: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * A transcript's passages of one unit, in text order. Turns follow the rule "adjust to turn" uses; sentences
 * are Unicode sentence breaks (Intl.Segmenter) inside each turn, so a sentence never takes in a speaker label.
 */
export function passagesOf(text: string, unit: PassageUnit, locale?: string): PassageSpan[] {
  const map = new OffsetMap(text);
  const passages: PassageSpan[] = [];
  for (const turn of allTurnSpans(text)) {
    const turnStart = map.toUtf16(turn.start);
    const turnEnd = map.toUtf16(turn.end);
    if (unit === 'turn') {
      passages.push({ ...turn, start16: turnStart, end16: turnEnd });
      continue;
    }
    const turnText = text.slice(turnStart, turnEnd);
    for (const segment of sentenceSegmenter(locale).segment(turnText)) {
      let start = segment.index;
      let end = start + segment.segment.length;
      while (start < end && /\s/.test(turnText[start] as string)) start++;
      while (end > start && /\s/.test(turnText[end - 1] as string)) end--;
      if (start === end) continue;
      const start16 = turnStart + start;
      const end16 = turnStart + end;
      passages.push({ start: map.toCodePoint(start16), end: map.toCodePoint(end16), start16, end16 });
    }
  }
  return passages;
}
