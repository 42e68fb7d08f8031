import assert from 'node:assert/strict';
import { momentsOf, twoSampleTTestOfMoments } from '../../../src/core/stats/index';
import { Random } from '../support/random';

/** A sample with ties, constant stretches and now and then one value or none. */
function randomSample(random: Random): number[] {
  const spread = random.pick([0, 1, 3, 1000]);
  return Array.from({ length: random.pick([0, 1, 2, 3, 8, 40, 300]) }, () => random.int(-spread, spread) / 7);
}

describe('t-test: left without its CI, the test is the one with it', () => {
  it('on 3,000 random pairs of samples, Welch and pooled: t, df, p and reason the same, the CI null', () => {
    const random = new Random(103);
    let tested = 0;
    for (let round = 0; round < 3000; round++) {
      const x = momentsOf(randomSample(random));
      const y = momentsOf(randomSample(random));
      const equalVariances = round % 3 === 0;
      const full = twoSampleTTestOfMoments(x, y, round % 4, { equalVariances });
      const without = twoSampleTTestOfMoments(x, y, round % 4, { equalVariances, confidence: null });
      assert.deepStrictEqual(without, { ...full, ci: null }, `round ${round}`);
      if (full.p !== null) tested++;
    }
    assert.ok(tested > 1500, `rounds with a p: ${tested}`);
  });
});
