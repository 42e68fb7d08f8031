import assert from 'node:assert/strict';
import { medianInPlace } from '../../../src/core/analysis/quotes';
import { Random } from '../support/random';

/** The median as sorting gives it. */
function sortedMedian(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

describe('quotes: the median length found by selection is the one sorting finds', () => {
  it('on 5,000 random lists of lengths: repeats, runs, sorted and reversed, odd and even sizes', () => {
    const random = new Random(83);
    for (let round = 0; round < 5000; round++) {
      const size = round % 250 === 0 ? random.int(1000, 6000) : random.int(1, 60);
      const spread = random.pick([1, 3, 20, 400, 100000]);
      const values = Array.from({ length: size }, () => random.int(1, spread));
      if (round % 7 === 0) values.sort((a, b) => a - b);
      if (round % 11 === 0) values.sort((a, b) => b - a);
      assert.equal(medianInPlace(Float64Array.from(values)), sortedMedian(values), `round ${round}: ${size} values`);
    }
  });
});
