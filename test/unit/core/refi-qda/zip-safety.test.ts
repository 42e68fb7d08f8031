import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { readZipSafely, RefiImportError, unsafePathReason } from '../../../../src/core/index';

describe('zip safety', () => {
  it('accepts plain relative entry names and refuses those that leave the folder', () => {
    for (const name of ['project.qde', 'sources/a.txt', 'Sources/My file..txt', 'a/./b.txt'])
      assert.equal(unsafePathReason(name), undefined, name);
    assert.match(unsafePathReason('../x') ?? '', /climbs out/);
    assert.match(unsafePathReason('sources\\..\\..\\x') ?? '', /climbs out/);
    assert.match(unsafePathReason('/etc/passwd') ?? '', /absolute/);
    assert.match(unsafePathReason('\\\\server\\share\\x') ?? '', /absolute/);
    assert.match(unsafePathReason('C:\\Windows\\x') ?? '', /drive letter/);
    assert.match(unsafePathReason('a\u0000b') ?? '', /NUL/);
  });

  it('inflates only the entries asked for, and lists every entry with its declared size', () => {
    const zip = zipSync({ 'project.qde': strToU8('<Project/>'), 'sources/v.mp4': new Uint8Array(1000) });
    const read = readZipSafely(zip, 'p.qdpx', (entry) => entry.name.endsWith('.qde'));
    assert.deepEqual([...read.files.keys()], ['project.qde']);
    assert.deepEqual(
      read.entries.map((e) => [e.name, e.size]),
      [
        ['project.qde', 10],
        ['sources/v.mp4', 1000],
      ],
    );
  });

  it('does not count entries it will not inflate against the size cap', () => {
    const zip = zipSync({ 'project.qde': strToU8('<Project/>'), 'sources/v.mp4': new Uint8Array(5000) });
    const limits = { maxEntries: 10, maxTotalBytes: 100 };
    assert.equal(readZipSafely(zip, 'p.qdpx', (e) => e.name.endsWith('.qde'), limits).files.size, 1);
    assert.throws(() => readZipSafely(zip, 'p.qdpx', () => true, limits), RefiImportError);
  });
});
