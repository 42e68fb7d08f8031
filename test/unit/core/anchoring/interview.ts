import type { Coding } from '../../../../src/core/model';
import { quoteSelector } from '../../../../src/core/anchoring/selector';
import { OffsetMap } from '../../../../src/core/text/canonical';

/** A canonical (LF, no BOM) excerpt of a semi-structured interview with a surgical resident. */
export const INTERVIEW = [
  'Interviewer: Thank you for taking the time today. Could you start by telling me how you were assigned a mentor?',
  '',
  'P07: Sure. In the first month of residency the program just gave us a list. My assigned mentor was a chief I had never met, and honestly we met twice in the whole year. It felt like a box to tick.',
  '',
  'Interviewer: What did you do instead?',
  '',
  'P07: I found my own people. There was an attending in the trauma service who would stay after rounds and walk through cases with me. She never called it mentoring, but that is what it was.',
  '',
  'Interviewer: How did that affect your wellbeing?',
  '',
  'P07: A lot. During the second year I was close to burning out, sleeping four hours, skipping meals. Having someone who asked how I was doing, not just how the patients were doing, kept me in the program.',
  '',
  'Interviewer: Anything else you would change?',
  '',
  'P07: I would let residents choose. Give us a few names, let us have coffee with them, and then choose.',
  '',
].join('\n');

/** Code-point start of the n-th (0-based) occurrence of `quote` in `text`. */
export function offsetOf(text: string, quote: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`quote not in text: ${quote}`);
  }
  return new OffsetMap(text).toCodePoint(at);
}

/** A coding of `quote` (its first occurrence unless told) with selectors taken from `text`. */
export function codingOf(text: string, quote: string, id: string, code = 'mentoring', occurrence = 0): Coding {
  const start = offsetOf(text, quote, occurrence);
  const end = start + [...quote].length;
  return { id, code, start, end, by: 'ana', ...quoteSelector(text, start, end) };
}
