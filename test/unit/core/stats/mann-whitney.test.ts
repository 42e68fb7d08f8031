import assert from 'node:assert/strict';
import { mannWhitney } from '../../../../src/core/stats';
import { assertClose, cases, P_TOLERANCE, STATISTIC_TOLERANCE } from './reference';

describe('stats: Mann–Whitney = wilcox.test(x, y) (W, exact/normal switch, ties)', () => {
  for (const c of cases('mannWhitney')) {
    it(c.label, () => {
      const r = mannWhitney(c.x, c.y);
      assert.equal(r.name, 'mann-whitney');
      assert.equal(r.missing, [...c.x, ...c.y].filter((v) => v === null).length);
      assert.equal(r.n, c.x.length + c.y.length - r.missing);
      assertClose(r.statistic, c.expected.statistic, STATISTIC_TOLERANCE, 'W');
      if (c.expected.p === null) {
        assert.equal(r.p, null);
        assert.equal(r.reason, 'constant data');
      } else {
        assertClose(r.p, c.expected.p, P_TOLERANCE, 'p');
        assert.equal(r.exact, c.expected.exact);
      }
    });
  }
  it('an empty group gives p = null with a reason', () => {
    const r = mannWhitney([null, null], [1, 2, 3]);
    assert.equal(r.p, null);
    assert.equal(r.missing, 2);
    assert.ok(r.reason);
  });
});
