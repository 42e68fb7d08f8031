import assert from 'node:assert/strict';
import { compareNumericColumns } from '../../../src/core/analysis/compare-groups';
import { reportEffect, reportTest } from '../../../src/core/analysis/convert';
import { describeNumeric, hedgesG, pooledRanks, twoSampleTTest } from '../../../src/core/stats/index';
import { Random } from '../support/random';

const LEVELS = ['with code', 'without code'];

/** Values with ties, missing ones, constant stretches and now and then an infinity. */
function randomValues(random: Random, rows: number): (number | null)[] {
  const spread = random.pick([0, 1, 3, 1000]);
  return Array.from({ length: rows }, () => {
    const roll = random.next();
    if (roll < 0.1) return null;
    if (roll < 0.105) return random.pick([Infinity, -Infinity]);
    return random.int(-spread, spread) / random.pick([1, 3, 7]);
  });
}

describe("numeric comparisons: each group's moments worked out once give what each figure computes on its own", () => {
  it('summaries, Welch t-test and Hedges g of two groups equal those of the groups’ values, on 3000 random splits', () => {
    const random = new Random(89);
    let tested = 0;
    for (let round = 0; round < 3000; round++) {
      const values = randomValues(random, random.pick([0, 1, 2, 3, 5, 12, 40, 300]));
      const share = random.next();
      const groups = values.map(() => (random.next() < share ? (LEVELS[0] as string) : (LEVELS[1] as string)));
      const pooled = round % 2 === 0 ? pooledRanks(values) : undefined;
      const result = compareNumericColumns('v', 'numeric', 'code', LEVELS, groups, values, pooled);
      const valuesOf = (level: string) => values.filter((_, i) => groups[i] === level);
      result.groups.forEach((group) => {
        const { n, missing, mean, sd, median, q1, q3, iqr, min, max, ci, reason } = group;
        const summary = { n, missing, mean, sd, median, q1, q3, iqr, min, max, ci, ...(reason ? { reason } : {}) };
        assert.deepStrictEqual(summary, describeNumeric(valuesOf(group.level)), `round ${round}: ${group.level}`);
      });
      if (result.tests.length === 0) continue;
      const x = valuesOf(LEVELS[0] as string).filter((v) => v !== null && !Number.isNaN(v));
      const y = valuesOf(LEVELS[1] as string).filter((v) => v !== null && !Number.isNaN(v));
      const missing = result.missing;
      assert.deepStrictEqual(
        result.tests[0],
        reportTest(twoSampleTTest(x, y), missing, `Welch two-sample t-test (${LEVELS[0]} − ${LEVELS[1]})`),
        `round ${round}: t-test`,
      );
      assert.deepStrictEqual(
        result.effect,
        reportEffect(hedgesG(x, y), missing, `${LEVELS[0]} − ${LEVELS[1]}`),
        `round ${round}: g`,
      );
      if (result.tests[0]?.p !== null) tested++;
    }
    assert.ok(tested > 400, `rounds with a t-test p: ${tested}`);
  });
});
