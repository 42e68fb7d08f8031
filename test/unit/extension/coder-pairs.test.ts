import assert from 'node:assert/strict';
import { coderPairs } from '../../../src/extension/compare-coders/coder-pairs';
import { studyOf } from '../core/agreement/study-builder';

describe('coder pairs offered by Compare Coders', () => {
  it('offers the two coders before pairs with the consensus coder, most transcripts in common first', () => {
    const codes = [{ code: 'x', start: 0, end: 5 }];
    const study = studyOf(
      [{ id: 'x' }],
      [
        { path: 'P01.txt', length: 40, codings: { amara: codes, jonas: codes, consensus: [] } },
        { path: 'P02.txt', length: 40, codings: { amara: codes, jonas: codes, lee: codes } },
        { path: 'P03.txt', length: 40, codings: { amara: codes, lee: codes } },
        { path: 'P04.txt', length: 40, codings: { amara: codes, lee: codes } },
        { path: 'P05.txt', length: 40, codings: { mo: codes } },
      ],
    );
    assert.deepEqual(
      coderPairs(study, 'consensus').map((p) => `${p.first}+${p.second}:${p.both}`),
      ['amara+lee:3', 'amara+jonas:2', 'jonas+lee:1', 'amara+consensus:1', 'consensus+jonas:1'],
    );
  });

  it('offers nothing when no transcript has two coders', () => {
    const study = studyOf([{ id: 'x' }], [{ path: 'P01.txt', length: 40, codings: { amara: [] } }]);
    assert.deepEqual(coderPairs(study, 'consensus'), []);
  });
});
