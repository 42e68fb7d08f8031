import { PREFIX_LENGTH, SUFFIX_LENGTH } from '../model';
import { OffsetMap } from '../text/canonical';

/** The W3C TextQuoteSelector of a code-point range: the quote and a little context either side. */
export interface QuoteSelector {
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** Quote, prefix and suffix of [start, end) in `text`; pass an OffsetMap when calling it many times. */
export function quoteSelector(text: string | OffsetMap, start: number, end: number): QuoteSelector {
  const map = typeof text === 'string' ? new OffsetMap(text) : text;
  return {
    quote: map.slice(start, end),
    prefix: map.slice(Math.max(0, start - PREFIX_LENGTH), start),
    suffix: map.slice(end, Math.min(map.codePointLength, end + SUFFIX_LENGTH)),
  };
}
