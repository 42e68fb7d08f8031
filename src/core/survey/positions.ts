import { codePointLength } from '../text/canonical';

/**
 * Offset → 1-based line and column (in code points, like every Problem) over the canonical text.
 * Built once per file: surveys can produce a warning per cell, and a scan per problem would be quadratic.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** Position of a UTF-16 offset. */
  at(offset: number): { line: number; column: number } {
    const line = this.lineAt(offset);
    const start = this.starts[line - 1] as number;
    return { line, column: codePointLength(this.text.slice(start, offset)) + 1 };
  }

  /** 1-based line of a UTF-16 offset (at() without the column: a record's line, for every record). */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}

/**
 * Start offset of every field of a row PapaParse has already parsed. PapaParse reports where a row ends but
 * not where its fields start; the parsed values determine it: an unquoted field is its value verbatim, a
 * quoted one is its value with each quote doubled, between quotes (PapaParse tolerates spaces after the
 * closing quote, hence the search for the delimiter). This locates cells for messages; it never reads values.
 */
export function fieldOffsets(text: string, rowStart: number, fields: readonly string[], delimiter: string): number[] {
  const offsets: number[] = [];
  let at = rowStart;
  fields.forEach((value, index) => {
    offsets.push(at);
    const end = text[at] === '"' ? at + 2 + value.length + countQuotes(value) : at + value.length;
    if (index < fields.length - 1) {
      const next = text.indexOf(delimiter, end);
      at = next < 0 ? end : next + delimiter.length;
    }
  });
  return offsets;
}

function countQuotes(value: string): number {
  let count = 0;
  for (const char of value) if (char === '"') count++;
  return count;
}
