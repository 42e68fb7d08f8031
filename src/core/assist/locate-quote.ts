/**
 * Finding a model's quote in the passage. Models copy words faithfully but not always the spacing (a line
 * break becomes a space, two spaces one), so both sides are compared with every run of white space read as
 * one space; nothing else is forgiven: a changed word, letter case or punctuation mark is not the passage.
 * The match is resolved back to exact code-point offsets of the passage's own text, so what is coded is the
 * transcript's text, never the model's copy of it.
 */

/** A text with white space runs collapsed, and for each UTF-16 unit of it the code point it came from. */
interface Collapsed {
  readonly text: string;
  /** Code-point index in the original of each UTF-16 unit of `text`. */
  readonly origin: readonly number[];
}

const SPACE = /\s/u;

function collapse(text: string): Collapsed {
  let out = '';
  const origin: number[] = [];
  let index = 0;
  let inSpace = false;
  for (const char of text) {
    if (SPACE.test(char)) {
      if (!inSpace) {
        out += ' ';
        origin.push(index);
      }
      inSpace = true;
    } else {
      out += char;
      for (let unit = 0; unit < char.length; unit++) origin.push(index);
      inSpace = false;
    }
    index++;
  }
  return { text: out, origin };
}

/** Finds quotes in one passage; the passage is prepared once for all of a model's quotes. */
export class QuoteLocator {
  private readonly haystack: Collapsed;

  constructor(passage: string) {
    this.haystack = collapse(passage);
  }

  /**
   * Code-point offsets (end exclusive) within the passage of the first place `quote` appears in it, white space
   * runs matched loosely; undefined when it does not appear, or is empty once trimmed.
   */
  locate(quote: string): { start: number; end: number } | undefined {
    const wanted = collapse(quote.trim()).text;
    if (wanted === '') return undefined;
    const at = this.haystack.text.indexOf(wanted);
    if (at < 0) return undefined;
    const start = this.haystack.origin[at] as number;
    const end = (this.haystack.origin[at + wanted.length - 1] as number) + 1;
    return { start, end };
  }
}

/** QuoteLocator for a single quote. */
export function locateQuote(passage: string, quote: string): { start: number; end: number } | undefined {
  return new QuoteLocator(passage).locate(quote);
}
