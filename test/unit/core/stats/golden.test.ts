/**
 * Golden values on which R and scipy agree, written out by hand and checked directly: independent of the
 * reference JSON (test/reference/stats-reference.json, see src/core/stats/README.md), so a wrong reference
 * file cannot hide a wrong statistic.
 */
import assert from 'node:assert/strict';
import {
  chiSquareTest,
  cohensKappa,
  fisherExact,
  krippendorffAlpha,
  mannWhitney,
  oneSampleTTest,
  twoSampleTTest,
} from '../../../../src/core/stats';

const near = (actual: number | null, expected: number, digits: number): void => {
  assert.ok(actual !== null, 'value is null');
  assert.ok(Math.abs(actual - expected) <= 0.5 * 10 ** -digits, `${actual} ≠ ${expected} to ${digits} decimals`);
};

describe('stats golden values (R and scipy agree)', () => {
  it('one-sample t: t.test(1:6, mu = 3.385)', () => {
    const r = oneSampleTTest([1, 2, 3, 4, 5, 6], 3.385);
    near(r.statistic, 0.15057, 6);
    near(r.p, 0.886201, 6);
  });
  it('pooled t: t.test(1:4, 3:6, var.equal = TRUE)', () => {
    const r = twoSampleTTest([1, 2, 3, 4], [3, 4, 5, 6], { equalVariances: true });
    assert.equal(r.name, 'student-t');
    near(r.statistic, -2.19089, 6);
    near(r.p, 0.070988, 6);
  });
  it('Welch t by default', () => {
    const r = twoSampleTTest([19.1, 20.5, 22.3, 18.0, 21.7], [24.9, 30.2, 26.1, 41.0, 22.2, 35.3]);
    assert.equal(r.name, 'welch-t');
    near(r.statistic, -3.208414, 6);
    near(r.p, 0.01954, 6);
  });
  it('Fisher exact 2 × 2', () =>
    near(
      fisherExact([
        [3, 1],
        [1, 3],
      ]).p,
      0.485714,
      6,
    ));
  it('χ² with and without Yates', () => {
    const yates = chiSquareTest([
      [20, 30],
      [30, 20],
    ]);
    near(yates.statistic, 3.24, 9);
    near(yates.p, 0.071861, 6);
    const plain = chiSquareTest(
      [
        [20, 30],
        [30, 20],
      ],
      { correct: false },
    );
    near(plain.statistic, 4, 9);
    near(plain.p, 0.0455, 6);
  });
  it('Mann–Whitney W = U of the first group, exact p', () => {
    const r = mannWhitney([1, 4, 8], [9, 12, 15]);
    assert.equal(r.statistic, 0);
    near(r.p, 0.1, 9);
    assert.equal(r.exact, true);
  });
  it("Cohen's κ", () => {
    near(cohensKappa('aabbccabca'.split(''), 'abbbcaabcc'.split('')).value, 0.552239, 6);
  });
  describe("Krippendorff's α on reliability data C (irr::kripp.alpha example)", () => {
    const m = NaN;
    const data = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3],
      [m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m],
    ];
    const golden = { nominal: 0.7434, ordinal: 0.8154, interval: 0.8491, ratio: 0.7974 } as const;
    for (const [level, value] of Object.entries(golden) as [keyof typeof golden, number][]) {
      it(level, () => {
        const r = krippendorffAlpha(data, level);
        near(r.value, value, 4);
        assert.equal(r.missing, 7);
        assert.equal(r.units, 11); // the last unit has a single rating and carries no information
        assert.equal(r.n, 40);
      });
    }
  });
});
