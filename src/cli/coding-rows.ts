import type { Coding, StudyTranscript } from '../core/index';
import { LineIndex } from './line-index';

/** A coding as `retrieve` and `code` report it; the JSON shape scripts (R, Python) read. */
export interface CodingRow {
  /** Transcript path relative to the study root, '/' separated: stable whatever folder the CLI runs in. */
  readonly transcript: string;
  readonly participant: string | null;
  readonly code: string;
  readonly start: number;
  readonly end: number;
  /** The coded quote. For 'ok' codings it is exactly the transcript text at [start, end) in code points. */
  readonly quote: string;
  readonly by: string;
  /** 'ok' when anchored; 'needs-review' or 'orphan' when re-anchoring could not place it with confidence. */
  readonly status: 'ok' | 'needs-review' | 'orphan';
  readonly id: string;
  readonly memo: string | null;
  /** 1-based line of the transcript where the coding starts. */
  readonly line: number;
  /** For codings that are not 'ok': the text now at their offsets, which differs from the coded quote. */
  readonly currentText?: string;
}

/** Rows of one transcript's codings; the line index is shared by all of them. */
export function codingRows(
  transcript: StudyTranscript,
  codings: readonly Coding[],
  lines = new LineIndex(transcript.text),
): CodingRow[] {
  return codings.map((coding) => {
    const status = coding.status ?? 'ok';
    return {
      transcript: transcript.path,
      participant: transcript.participant ?? null,
      code: coding.code,
      start: coding.start,
      end: coding.end,
      quote: coding.quote,
      by: coding.by,
      status,
      id: coding.id,
      memo: coding.memo ?? null,
      line: lines.lineOf(coding.start),
      ...(status !== 'ok' ? { currentText: lines.slice(coding.start, coding.end) } : {}),
    };
  });
}

/** Quotes on one line for terminals: newlines shown as ⏎, long quotes cut in the middle. */
export function oneLineQuote(quote: string, max = 160): string {
  const flat = quote.replace(/\n/g, ' ⏎ ');
  const points = [...flat];
  if (points.length <= max) return flat;
  const half = Math.floor((max - 3) / 2);
  return points.slice(0, half).join('') + ' … ' + points.slice(points.length - half).join('');
}
