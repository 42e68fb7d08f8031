import assert from 'node:assert/strict';
import { compareNumericColumns, tabulate } from '../../../src/core/analysis/compare-groups';
import { pooledRanks } from '../../../src/core/stats/index';
import { Random } from '../support/random';

const LEVELS = ['with code', 'without code'];

/** A value column with ties, missing values and, now and then, NaN, −0 or infinities. */
function randomValues(random: Random, rows: number): (number | null)[] {
  const spread = random.pick([3, 10, 1000]);
  return Array.from({ length: rows }, () => {
    const roll = random.next();
    if (roll < 0.1) return null;
    if (roll < 0.11) return random.pick([Number.NaN, -0, Infinity, -Infinity, 0]);
    return random.int(-spread, spread) / random.pick([1, 2, 4]);
  });
}

describe('numeric comparisons: ranking a column once gives exactly what ranking each comparison gives', () => {
  it('compareNumericColumns with the pooled ranks equals it without, on 3000 random splits', () => {
    const random = new Random(53);
    let pooledUsed = 0;
    let exact = 0;
    for (let round = 0; round < 3000; round++) {
      // Small columns take the exact test; larger ones the normal approximation.
      const values = randomValues(random, random.pick([0, 1, 2, 5, 12, 40, 120, 300]));
      const pooled = pooledRanks(values);
      if (pooled) pooledUsed++;
      for (let split = 0; split < 3; split++) {
        const share = random.next();
        // Now and then a row in no group or in a third group: the ranks then do not apply.
        const groups = values.map(() => {
          const roll = random.next();
          if (roll < 0.02) return null;
          if (roll < 0.03) return 'third';
          return random.next() < share ? (LEVELS[0] as string) : (LEVELS[1] as string);
        });
        const expected = compareNumericColumns('v', 'numeric', 'code', LEVELS, groups, values);
        const actual = compareNumericColumns('v', 'numeric', 'code', LEVELS, groups, values, pooled);
        assert.deepStrictEqual(actual, expected, `round ${round}, split ${split}`);
        if (expected.tests[1]?.method === 'exact p') exact++;
      }
    }
    assert.ok(pooledUsed > 1500 && exact > 500, `pooled ranks ${pooledUsed} times, exact p ${exact} times`);
  });

  it('a column with NaN or −0 is not ranked once (native and comparator sorts order them differently)', () => {
    assert.equal(pooledRanks([1, Number.NaN, 2]), undefined);
    assert.equal(pooledRanks([1, -0, 2]), undefined);
    assert.deepStrictEqual(pooledRanks([2, null, 1, 2]), {
      order: Int32Array.from([2, 0, 3]),
      rank: Float64Array.from([2.5, 0, 1, 2.5]),
      tieSizes: [1, 2],
    });
  });
});

describe('categorical comparisons: one pass over the observations counts what a filter per cell counts', () => {
  it('tabulate equals filtering, also with a label twice and labels outside the table', () => {
    const random = new Random(59);
    let twice = 0;
    for (let round = 0; round < 2000; round++) {
      const labels = ['a', 'b', 'c', 'd', '', 'é'];
      const rows = Array.from({ length: random.int(0, 4) }, () => random.pick(labels));
      const columns = Array.from({ length: random.int(0, 4) }, () => random.pick(labels));
      if (new Set(rows).size !== rows.length || new Set(columns).size !== columns.length) twice++;
      const observations = Array.from({ length: random.int(0, 40) }, () => ({
        group: random.pick(labels),
        value: random.pick(labels),
      }));
      assert.deepStrictEqual(
        tabulate(rows, columns, observations),
        {
          counts: rows.map((row) =>
            columns.map((column) => observations.filter((o) => o.group === row && o.value === column).length),
          ),
          valuesOf: rows.map((row) => observations.filter((o) => o.group === row).map((o) => o.value)),
        },
        `round ${round}`,
      );
    }
    assert.ok(twice > 300, `rounds with a label twice: ${twice}`);
  });
});
