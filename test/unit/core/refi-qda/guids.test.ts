import assert from 'node:assert/strict';
import { isGuid, stableGuid, uuidV5 } from '../../../../src/core/index';

describe('REFI-QDA GUIDs', () => {
  it('uuidV5 is RFC 9562 version 5 (the DNS namespace test vector)', () => {
    assert.equal(
      uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com'),
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('derived GUIDs are the same for the same key, differ by kind and part boundaries, and fit the schema', () => {
    const guid = stableGuid('source', 'transcripts/P01.txt');
    assert.equal(stableGuid('source', 'transcripts/P01.txt'), guid);
    assert.notEqual(stableGuid('case', 'transcripts/P01.txt'), guid);
    assert.notEqual(stableGuid('coding', 'a', 'bc'), stableGuid('coding', 'ab', 'c'));
    assert.match(guid, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('accepts GUIDs in either case and in braces, as other tools write them, and nothing else', () => {
    assert.ok(isGuid('a18ae3eb-ffa7-4941-b999-31532ebac0ea'));
    assert.ok(isGuid('A18AE3EB-FFA7-4941-B999-31532EBAC0EA'));
    assert.ok(isGuid('{A18AE3EB-FFA7-4941-B999-31532EBAC0EA}'));
    assert.ok(!isGuid('a18ae3eb-ffa7-4941-b999-31532ebac0e'));
    assert.ok(!isGuid('barriers'));
  });
});
