import { OffsetMap } from '../core/index';

/**
 * 1-based line numbers of code-point offsets in one text. Built once per transcript so that listing
 * thousands of codings stays linear (lineColumnAt rescans the text on every call).
 */
export class LineIndex {
  private readonly map: OffsetMap;
  /** UTF-16 index where each line starts, ascending. */
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    this.map = new OffsetMap(text);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  lineOf(codePoint: number): number {
    const utf16 = this.map.toUtf16(Math.min(Math.max(codePoint, 0), this.map.codePointLength));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= utf16) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** The text between two code-point offsets (clamped to the text). */
  slice(start: number, end: number): string {
    const length = this.map.codePointLength;
    return this.map.slice(Math.min(start, length), Math.min(end, length));
  }
}
