import { CODE_ALIASES } from './bank/types';
import { codePointLength } from '../../src/core/text/canonical';

/** A coded span of a passage, in code points relative to the passage's plain text, end exclusive. */
export interface Span {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

export interface Parsed {
  readonly text: string;
  readonly spans: readonly Span[];
}

/** Strips `{alias,alias:text}` markup (nestable) and returns the plain text with the coded spans. */
export function parseMarkup(source: string, knownCodes: ReadonlySet<string>): Parsed {
  let text = '';
  let length = 0;
  const open: { codes: string[]; start: number }[] = [];
  const spans: Span[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '{') {
      const colon = source.indexOf(':', i);
      if (colon < 0) throw new Error(`Unterminated code list in: ${source}`);
      const codes = source
        .slice(i + 1, colon)
        .split(',')
        .map((alias) => {
          const code = CODE_ALIASES[alias.trim()];
          if (!code || !knownCodes.has(code)) throw new Error(`Unknown code alias "${alias}" in: ${source}`);
          return code;
        });
      open.push({ codes, start: length });
      i = colon + 1;
    } else if (ch === '}') {
      const entry = open.pop();
      if (!entry) throw new Error(`Unbalanced "}" in: ${source}`);
      for (const code of entry.codes) spans.push({ code, start: entry.start, end: length });
      i++;
    } else {
      const cp = source.codePointAt(i) as number;
      const char = String.fromCodePoint(cp);
      text += char;
      length += 1;
      i += char.length;
    }
  }
  if (open.length > 0) throw new Error(`Unclosed "{" in: ${source}`);
  for (const span of spans) {
    const quote = [...text].slice(span.start, span.end).join('');
    if (quote.trim() !== quote || quote.length === 0)
      throw new Error(`Span with outer whitespace: "${quote}" in: ${source}`);
  }
  if (codePointLength(text) !== length) throw new Error('code point count mismatch');
  return { text, spans };
}

/** Positions (UTF-16) just after a sentence end that lie outside any coded span, for inserting notes. */
export function sentenceBreaksOutsideSpans(source: string): number[] {
  const breaks: number[] = [];
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0 && /[.?!]/.test(source[i - 1] ?? '') && source[i + 1] === ' ') breaks.push(i + 1);
    } else if (depth === 0 && (ch === '.' || ch === '?') && source[i + 1] === ' ') breaks.push(i + 1);
  }
  return breaks;
}
