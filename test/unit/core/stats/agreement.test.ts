import assert from 'node:assert/strict';
import { cohensKappa, krippendorffAlpha } from '../../../../src/core/stats';
import { assertClose, cases, STATISTIC_TOLERANCE } from './reference';

describe("stats: Cohen's κ (confusion-table formula run in R)", () => {
  for (const c of cases('kappa')) {
    it(c.label, () => {
      const r = cohensKappa(c.r1, c.r2);
      assertClose(r.value, c.value, STATISTIC_TOLERANCE, 'κ');
      const missing = c.r1.filter((a: string | null, i: number) => a === null || c.r2[i] === null).length;
      assert.equal(r.missing, missing);
      assert.equal(r.n, c.r1.length - missing);
    });
  }
  it('one shared category only: κ undefined, with a reason', () => {
    const r = cohensKappa(['a', 'a'], ['a', 'a']);
    assert.equal(r.value, null);
    assert.ok(r.reason);
  });
});

describe("stats: Krippendorff's α edge cases", () => {
  it('perfect agreement is 1 at every level', () => {
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      assert.equal(
        krippendorffAlpha(
          [
            [1, 2, 3, 4],
            [1, 2, 3, 4],
          ],
          level,
        ).value,
        1,
      );
    }
  });
  it('no pairable values: null with a reason', () => {
    const r = krippendorffAlpha(
      [
        [1, null],
        [null, 2],
      ],
      'nominal',
    );
    assert.equal(r.value, null);
    assert.equal(r.missing, 2);
    assert.ok(r.reason);
  });
  it('a single value everywhere: null with a reason', () => {
    assert.equal(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3],
        ],
        'interval',
      ).value,
      null,
    );
  });
});
