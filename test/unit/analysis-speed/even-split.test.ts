import assert from 'node:assert/strict';
import { evenSplit } from '../../../src/core/stats/fisher-rxc';
import { Random } from '../support/random';

/** The bound's split as first written: one unit at a time into the lowest cell below its cap, the first on a tie. */
function unitByUnit(total: number, caps: readonly number[]): number[] {
  const cells = caps.map(() => 0);
  for (let unit = 0; unit < total; unit++) {
    let best = -1;
    for (let i = 0; i < caps.length; i++) {
      if ((cells[i] as number) < (caps[i] as number) && (best < 0 || (cells[i] as number) < (cells[best] as number)))
        best = i;
    }
    if (best < 0) break;
    cells[best] = (cells[best] as number) + 1;
  }
  return cells;
}

describe("Fisher's exact test: the most even split found from its level is the one filled unit by unit", () => {
  it('on 20,000 random caps and totals: zero caps, equal caps, totals past the caps, one cell', () => {
    const random = new Random(101);
    for (let round = 0; round < 20000; round++) {
      const spread = random.pick([1, 3, 10, 60, 500]);
      const caps = Array.from({ length: random.int(1, 7) }, () => (random.next() < 0.15 ? 0 : random.int(0, spread)));
      if (round % 5 === 0) caps.fill(random.int(0, spread));
      const sum = caps.reduce((a, b) => a + b, 0);
      const total = random.int(0, sum + random.pick([0, 0, 3]));
      assert.deepEqual(
        evenSplit(total, caps),
        unitByUnit(total, caps),
        `round ${round}: ${total} over ${caps.join(' ')}`,
      );
    }
  });
});
