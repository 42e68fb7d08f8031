import assert from 'node:assert/strict';
import { coderIdFrom } from '../../../../src/core/study/ids';
import { CODER_ID, parseSidecarFileName, sidecarFileName } from '../../../../src/core/sidecar/format';

describe('coder ids', () => {
  it('keep the ids of names made of a–z the same as before', () => {
    assert.equal(coderIdFrom("Amara N'Diaye"), 'amara-ndiaye');
    assert.equal(coderIdFrom('  Jonas  Weber '), 'jonas-weber');
    assert.equal(coderIdFrom('José Núñez'), 'jose-nunez');
    assert.equal(coderIdFrom('amara'), 'amara');
  });

  it('give different names in any script different ids, which read as the name and fit a file name', () => {
    const names = [
      '王芳',
      '李娜',
      'Søren Ødegård',
      'Særen',
      'प्रिया शर्मा',
      'Иван Петров',
      '김민준',
      'محمد',
      'Łukasz',
      '?!',
      '??',
    ];
    const ids = names.map(coderIdFrom);
    assert.deepEqual(ids, [
      '王芳',
      '李娜',
      'søren-ødegard',
      'særen',
      'प्रिया-शर्मा',
      'иван-петров',
      '김민준',
      'محمد',
      'łukasz',
      'u3f-u21',
      'u3f-u3f',
    ]);
    assert.equal(new Set(ids).size, names.length);
    for (const id of ids) {
      assert.match(id, CODER_ID);
      // The file name gives the id back: the loader files the sidecar under this coder.
      assert.deepEqual(parseSidecarFileName(sidecarFileName('P04.txt', id)), { stem: 'P04', coder: id });
    }
  });
});
