import type { TranscriptConversion } from './conversion';

/**
 * A text or Markdown transcript, normalised: LF line ends, trailing spaces removed, runs of blank lines
 * collapsed to one, no blank lines at the start or end. Words and line breaks inside a paragraph are kept
 * as written (a typist's line breaks may matter), so nothing is reworded.
 */
export function convertPlainText(text: string): TranscriptConversion {
  const paragraphs = text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/u, ''))
    .join('\n')
    .split(/\n{2,}/u)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/gu, ''))
    .filter((paragraph) => paragraph.trim() !== '');
  return {
    text: paragraphs.length === 0 ? '' : paragraphs.join('\n\n') + '\n',
    format: 'text',
    dropped: [],
    turns: paragraphs.length,
  };
}
