import type * as vscode from 'vscode';

/**
 * The first and last line of each range of a list, read once into a typed array. Cutting the part near the screen
 * out of a kept layout of 10,000 codings (a transcript shown again: a tab switched back to, an editor reopened)
 * then compares integers, instead of calling four getters on three objects for each of some 25,000 ranges: 1–4 ms
 * of the task that shows the transcript, and several times that when the window's own drawing takes the CPU.
 */
export class LineSpans {
  private constructor(private readonly lines: Int32Array) {}

  static of(ranges: readonly { readonly start: vscode.Position; readonly end: vscode.Position }[]): LineSpans {
    const lines = new Int32Array(ranges.length * 2);
    ranges.forEach(({ start, end }, index) => {
      lines[2 * index] = start.line;
      lines[2 * index + 1] = end.line;
    });
    return new LineSpans(lines);
  }

  /** How many ranges it was made of. */
  get length(): number {
    return this.lines.length / 2;
  }

  /**
   * The items whose range touches a line from `first` to `last`, in their order; `items[i]` belongs to the i-th
   * range this was made of.
   */
  pick<T>(items: readonly T[], first: number, last: number): T[] {
    if (items.length !== this.length) throw new Error(`LineSpans of ${this.length} ranges given ${items.length} items`);
    const picked: T[] = [];
    for (let index = 0; index < items.length; index++) {
      if ((this.lines[2 * index + 1] as number) >= first && (this.lines[2 * index] as number) <= last)
        picked.push(items[index] as T);
    }
    return picked;
  }
}
