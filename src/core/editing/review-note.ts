import type { Coding } from '../model';

/**
 * What a person needs to see to confirm a flagged coding. A coding that needs review points at a best guess
 * while its quote keeps the words that were coded: when the two differ, those words are the evidence
 * ("was …"); when they are the same, the place itself is what is in doubt (found out of its context, or in
 * several places). Undefined for a coding without a status.
 */
export function reviewNote(
  coding: Pick<Coding, 'status' | 'quote'>,
  textAtOffsets: string,
  maxLength = 200,
): string | undefined {
  if (coding.status === 'orphan') return `orphan: “${oneLine(coding.quote, maxLength)}” is no longer in the transcript`;
  if (coding.status !== 'needs-review') return undefined;
  if (textAtOffsets !== coding.quote) return `needs review: was “${oneLine(coding.quote, maxLength)}”`;
  return 'needs review: the same words, found out of their context or in more than one place';
}

function oneLine(text: string, maxLength: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
