import assert from 'node:assert/strict';
import { oneSampleTTest, twoSampleTTest, type TTestResult } from '../../../../src/core/stats';
import { assertAllClose, assertClose, cases, P_TOLERANCE, STATISTIC_TOLERANCE, type RCase } from './reference';

function compare(r: TTestResult, e: RCase, n: number, missing: number): void {
  assert.equal(r.n, n);
  assert.equal(r.missing, missing);
  if (e.error) {
    assert.equal(r.p, null, `R refused (${e.error}), so p must be null`);
    assert.equal(r.statistic, null);
    assert.ok(r.reason);
    return;
  }
  assertClose(r.statistic, e.statistic, STATISTIC_TOLERANCE, 'statistic');
  assertClose(r.df as number, e.df, STATISTIC_TOLERANCE, 'df');
  assertClose(r.p, e.p, P_TOLERANCE, 'p');
  assertClose(r.estimate, e.estimate, STATISTIC_TOLERANCE, 'estimate');
  assertAllClose(r.ci, e.ci, P_TOLERANCE, 'ci');
}

const count = (xs: ReadonlyArray<number | null>): [number, number] => {
  const missing = xs.filter((x) => x === null).length;
  return [xs.length - missing, missing];
};

describe('stats: one-sample t-test = t.test(x, mu)', () => {
  for (const c of cases('oneSampleT')) {
    it(c.label, () => {
      const [n, missing] = count(c.x);
      compare(oneSampleTTest(c.x, c.mu), c.expected, n, missing);
    });
  }
  it('constant data says why instead of NaN', () => {
    assert.equal(oneSampleTTest([4, 4, 4], 4).reason, 'constant data');
  });
});

describe('stats: two-sample t-test = t.test(x, y, var.equal)', () => {
  for (const c of cases('twoSampleT')) {
    it(c.label, () => {
      const [nx, mx] = count(c.x);
      const [ny, my] = count(c.y);
      const r = twoSampleTTest(c.x, c.y, { equalVariances: c.equalVariances });
      assert.equal(r.name, c.equalVariances ? 'student-t' : 'welch-t');
      compare(r, c.expected, nx + ny, mx + my);
    });
  }
});
