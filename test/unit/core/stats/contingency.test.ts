import assert from 'node:assert/strict';
import { chiSquareTest, chooseContingencyTest, crossTabulate, fisherExact } from '../../../../src/core/stats';
import { assertAllClose, assertClose, cases, P_TOLERANCE, STATISTIC_TOLERANCE } from './reference';

describe('stats: χ² = chisq.test(table, correct)', () => {
  for (const c of cases('chiSquare')) {
    it(`${c.label} (correct = ${c.correct})`, () => {
      const r = chiSquareTest(c.table, { correct: c.correct });
      assert.equal(
        r.n,
        c.table.flat().reduce((a: number, b: number) => a + b, 0),
      );
      assert.equal(r.missing, 0);
      assert.equal(r.yates, c.correct && c.table.length === 2 && c.table[0].length === 2);
      assertClose(r.statistic, c.expected.statistic, STATISTIC_TOLERANCE, 'X²');
      assert.equal(r.df, c.expected.df);
      assertClose(r.p, c.expected.p, P_TOLERANCE, 'p');
      r.expected!.forEach((row, i) =>
        assertAllClose(row, c.expected.expected[i], STATISTIC_TOLERANCE, `expected[${i}]`),
      );
    });
  }
  it('a zero margin gives p = null with a reason, not NaN', () => {
    const r = chiSquareTest([
      [0, 0],
      [3, 4],
    ]);
    assert.equal(r.p, null);
    assert.equal(r.reason, 'a row or column total is zero');
  });
  it('a 1-column table is refused with a reason', () => {
    assert.equal(chiSquareTest([[3], [4]]).reason, 'table needs at least 2 rows and 2 columns');
  });
});

describe('stats: Fisher exact = fisher.test(table)', () => {
  for (const c of cases('fisher')) {
    it(c.label, () => {
      const r = fisherExact(c.table);
      assertClose(r.p, c.expected.p, P_TOLERANCE, 'p');
      if (c.expected.estimate !== undefined) {
        assert.equal(r.oddsRatio?.name, 'conditional-mle-odds-ratio');
        assertClose(r.oddsRatio?.value, c.expected.estimate, P_TOLERANCE, 'conditional MLE odds ratio');
        assertAllClose(r.oddsRatio?.ci, c.expected.ci, P_TOLERANCE, 'odds ratio CI');
      } else {
        assert.equal(r.oddsRatio, null);
      }
    });
  }
  it('past the enumeration bound p is null and the reason says so', () => {
    const r = fisherExact(
      [
        [20, 15, 10, 12],
        [14, 18, 9, 16],
        [11, 13, 17, 10],
      ],
      { maxWork: 1000 },
    );
    assert.equal(r.p, null);
    assert.match(r.reason ?? '', /too large for exact enumeration/);
  });
});

describe('stats: chooseContingencyTest', () => {
  it('uses χ² when every expected count is ≥ 5', () => {
    assert.equal(
      chooseContingencyTest([
        [20, 30],
        [30, 20],
      ]).name,
      'chi-square',
    );
  });
  it('falls back to Fisher when an expected count is < 5', () => {
    const r = chooseContingencyTest([
      [3, 1],
      [1, 3],
    ]);
    assert.equal(r.name, 'fisher-exact');
    assert.ok(r.p !== null && Math.abs(r.p - 0.4857142857) < 1e-9);
  });
});

describe('stats: crossTabulate', () => {
  it('counts pairs, keeps level order, counts a pair with either label missing as missing', () => {
    const r = crossTabulate(['f', 'm', 'f', null, 'm', 'f'], ['yes', 'no', 'no', 'yes', '', 'yes'], {
      columns: ['yes', 'no'],
    });
    assert.deepEqual(r.rowLevels, ['f', 'm']);
    assert.deepEqual(r.columnLevels, ['yes', 'no']);
    assert.deepEqual(r.counts, [
      [2, 1],
      [0, 1],
    ]);
    assert.equal(r.n, 4);
    assert.equal(r.missing, 2);
  });
});
