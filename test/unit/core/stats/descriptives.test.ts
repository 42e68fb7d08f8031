import assert from 'node:assert/strict';
import { describeCategorical, describeNumeric, wilsonInterval } from '../../../../src/core/stats';
import { assertAllClose, assertClose, cases, P_TOLERANCE, STATISTIC_TOLERANCE } from './reference';

describe('stats: describeNumeric matches R (mean, sd, quantile type 7, t CI)', () => {
  for (const c of cases('descriptives')) {
    it(c.label, () => {
      const r = describeNumeric(c.x);
      const e = c.expected;
      assert.equal(r.n, e.n);
      assert.equal(r.missing, e.missing);
      for (const field of ['mean', 'median', 'q1', 'q3', 'iqr', 'min', 'max', 'sd'] as const) {
        if (e[field] === undefined) assert.equal(r[field], null, `${field} should be null`);
        else assertClose(r[field], e[field], STATISTIC_TOLERANCE, field);
      }
      if (e.ci === undefined) {
        assert.equal(r.ci, null);
        assert.ok(r.reason, 'a null CI comes with a reason');
      } else assertAllClose(r.ci, e.ci, P_TOLERANCE, 'ci');
    });
  }

  it('treats NaN and undefined as missing, not as values', () => {
    const r = describeNumeric([1, NaN, undefined, 3]);
    assert.equal(r.n, 2);
    assert.equal(r.missing, 2);
    assert.equal(r.mean, 2);
  });
});

describe('stats: Wilson interval = prop.test(x, n, correct = FALSE)$conf.int', () => {
  for (const c of cases('wilson')) {
    it(`${c.x} of ${c.n}`, () => assertAllClose(wilsonInterval(c.x, c.n), c.ci, P_TOLERANCE, 'ci'));
  }
  it('is null for n = 0', () => assert.equal(wilsonInterval(0, 0), null));
});

describe('stats: describeCategorical', () => {
  it('counts levels in the given order, keeps empty levels, counts blanks as missing', () => {
    const r = describeCategorical(
      ['agree', 'neutral', null, 'agree', '', 'other', undefined],
      ['disagree', 'neutral', 'agree'],
    );
    assert.equal(r.n, 4);
    assert.equal(r.missing, 3);
    assert.deepEqual(
      r.levels.map((l) => [l.level, l.count]),
      [
        ['disagree', 0],
        ['neutral', 1],
        ['agree', 2],
        ['other', 1],
      ],
    );
    assert.equal(r.levels[2]?.proportion, 0.5);
    assertAllClose(r.levels[2]?.ci, [wilsonInterval(2, 4)![0], wilsonInterval(2, 4)![1]], 1e-15, 'ci');
    assert.deepEqual(r.levels[0]?.ci?.[0], 0);
  });
  it('all missing: n = 0, proportion null, no crash', () => {
    const r = describeCategorical([null, ''], ['yes']);
    assert.equal(r.n, 0);
    assert.equal(r.missing, 2);
    assert.equal(r.levels[0]?.proportion, null);
    assert.equal(r.levels[0]?.ci, null);
  });
});
