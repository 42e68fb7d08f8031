import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../../src/core/ports/memory-file-system';
import { readChecked, updateFile } from '../../../../src/core/persistence/safe-file';
import type { FileCodec } from '../../../../src/core/persistence/codec';
import { FileLoadError } from '../../../../src/core/persistence/errors';
import { utf8 } from '../helpers';

// updateFile remembers the bytes it wrote and their text, so the next change of that file does not decode it
// again. What a later read gets must still be exactly what decoding the file gives.

const URI = 'file:///study/notes.txt';

/** A file as a plain string, written exactly as the value says (so a test can write what no Grounded codec would). */
const plain: FileCodec<string> = {
  parse: (_uri, text) => ({ ok: true, value: text, warnings: [] }),
  serialize: (value) => value,
};

/** Writes `value` through updateFile, then changes the file again and reports the text that change was given. */
async function writtenThenSeen(fs: MemoryFileSystem, value: string): Promise<string | undefined> {
  await updateFile(fs, URI, plain, () => value);
  let seen: string | undefined;
  await updateFile(fs, URI, plain, (current) => {
    seen = current;
    return undefined;
  });
  return seen;
}

describe('updateFile after its own write', () => {
  it('sees the text it wrote', async () => {
    const fs = new MemoryFileSystem({ [URI]: 'old\n' });
    assert.equal(await writtenThenSeen(fs, 'new — text ✓ 😀\n'), 'new — text ✓ 😀\n');
  });

  it('sees what another writer put there since, even with the same length', async () => {
    const fs = new MemoryFileSystem({ [URI]: 'old\n' });
    await updateFile(fs, URI, plain, () => 'ours\n');
    await fs.writeFile(URI, utf8('them\n'));
    let seen: string | undefined;
    await updateFile(fs, URI, plain, (current) => ((seen = current), undefined));
    assert.equal(seen, 'them\n');
  });

  it('sees written CRs and a BOM as a read canonicalizes them', async () => {
    const fs = new MemoryFileSystem({ [URI]: 'old\n' });
    assert.equal(await writtenThenSeen(fs, '\ufeffone\r\ntwo\rthree\n'), 'one\ntwo\nthree\n');
    assert.equal((await readChecked(fs, URI, plain))?.value, 'one\ntwo\nthree\n');
  });

  it('sees a written lone surrogate as the replacement character UTF-8 stores', async () => {
    const fs = new MemoryFileSystem({ [URI]: 'old\n' });
    assert.equal(await writtenThenSeen(fs, 'a\ud800b\n'), 'a\ufffdb\n');
  });

  it('refuses a written NUL as not text, as any read does', async () => {
    const fs = new MemoryFileSystem({ [URI]: 'old\n' });
    await updateFile(fs, URI, plain, () => 'a\u0000b\n');
    await assert.rejects(
      updateFile(fs, URI, plain, () => undefined),
      (error: unknown) => error instanceof FileLoadError && /NUL bytes/.test(error.message),
    );
  });
});
