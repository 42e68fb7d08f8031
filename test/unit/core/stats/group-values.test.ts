import assert from 'node:assert/strict';
import { groupValues, kruskalWallis } from '../../../../src/core/stats';

describe('stats: groupValues', () => {
  it('splits by label, keeps given level order, counts rows without a group, keeps missing values', () => {
    const r = groupValues(
      [3, 4, null, 5, 2, 1],
      ['resident', 'chief', 'resident', null, 'student', 'chief'],
      ['student', 'resident'],
    );
    assert.deepEqual(r.levels, ['student', 'resident', 'chief']);
    assert.deepEqual(r.values, [[2], [3, null], [4, 1]]);
    assert.equal(r.missingGroup, 1);
    const test = kruskalWallis(r.values);
    assert.equal(test.missing, 1);
    assert.equal(test.n, 4);
  });
  it('refuses columns of different lengths', () => {
    assert.throws(() => groupValues([1, 2], ['a']), /differ in length/);
  });
});
