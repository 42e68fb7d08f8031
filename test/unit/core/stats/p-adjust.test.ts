import assert from 'node:assert/strict';
import { adjustPValues } from '../../../../src/core/stats';
import { assertClose, cases, P_TOLERANCE } from './reference';

describe('stats: p.adjust (holm, BH)', () => {
  cases('pAdjust').forEach((c, i) => {
    for (const method of ['holm', 'BH'] as const) {
      it(`set ${i + 1}, ${method}`, () => {
        const adjusted = adjustPValues(c.p, method);
        assert.equal(adjusted.length, c.p.length);
        adjusted.forEach((value, j) => {
          if (c[method][j] === null) assert.equal(value, null);
          else assertClose(value, c[method][j], P_TOLERANCE, `p[${j}]`);
        });
      });
    }
  });
  it('an empty list stays empty', () => assert.deepEqual(adjustPValues([], 'holm'), []));
});
