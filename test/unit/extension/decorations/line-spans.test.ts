import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { LineSpans } from '../../../../src/extension/decorations/line-spans';

/** Only the lines matter to LineSpans: a range from line `from` to line `to`. */
function lines(from: number, to: number): { start: vscode.Position; end: vscode.Position } {
  return { start: { line: from } as vscode.Position, end: { line: to } as vscode.Position };
}

describe('LineSpans', () => {
  const ranges = [lines(0, 0), lines(2, 9), lines(4, 4), lines(10, 12), lines(12, 12), lines(30, 31)];
  const spans = LineSpans.of(ranges);

  it('picks the items whose range touches the lines asked for, a range reaching in from either side too', () => {
    assert.deepEqual(spans.pick(ranges, 5, 10), [ranges[1], ranges[3]]);
    assert.deepEqual(spans.pick(['a', 'b', 'c', 'd', 'e', 'f'], 12, 12), ['d', 'e']);
    assert.deepEqual(spans.pick(ranges, 0, 100), ranges);
    assert.deepEqual(spans.pick(ranges, 13, 29), []);
    assert.deepEqual(spans.pick(ranges, 31, 31), [ranges[5]]);
  });

  it('picks the same as comparing the ranges themselves, on many random ranges', () => {
    let seed = 7;
    const random = (below: number) => (seed = (seed * 48271) % 2147483647) % below;
    const many = Array.from({ length: 5000 }, () => {
      const from = random(3000);
      return lines(from, from + random(4));
    });
    const manySpans = LineSpans.of(many);
    for (const [first, last] of [
      [0, 200],
      [1500, 1700],
      [2990, 3100],
      [42, 42],
    ] as const) {
      const expected = many.filter(({ start, end }) => end.line >= first && start.line <= last);
      assert.deepEqual(manySpans.pick(many, first, last), expected);
      assert.ok(expected.length > 0);
    }
  });

  it('refuses items that are not the ranges it was made of', () => {
    assert.throws(() => spans.pick([1, 2, 3], 0, 10), /6 ranges given 3 items/);
  });
});
