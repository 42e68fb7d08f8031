import type { Coding } from '../model';
import { OffsetMap } from '../text/canonical';

/**
 * Whether a coding's offsets are integers inside the text and the text between them is its quote:
 * what a sidecar loaded against an unchanged transcript must satisfy. Codings flagged needs-review or
 * orphan keep their old quote on purpose, so validation should only call this for codings without a status.
 */
export function isCodingConsistent(coding: Pick<Coding, 'start' | 'end' | 'quote'>, text: string | OffsetMap): boolean {
  const map = typeof text === 'string' ? new OffsetMap(text) : text;
  const { start, end } = coding;
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start <= end &&
    end <= map.codePointLength &&
    map.slice(start, end) === coding.quote
  );
}
