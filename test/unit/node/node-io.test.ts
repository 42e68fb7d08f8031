import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeUtf8 } from '../../../src/node/node-utf8';
import { NodeFileSystem, pathToUri, uriToPath } from '../../../src/node/node-file-system';
import { fileURLToPath } from 'node:url';
import { joinUri } from '../../../src/core/uri';
import {
  decodeCanonical,
  decodeCanonicalFile,
  NulBytesError,
  strictUtf8,
  TextDecodingError,
} from '../../../src/core/text/canonical';
import { readBytes, readFileText } from '../../../src/core/study/read-files';
import type { FileSystemPort } from '../../../src/core/ports/file-system';
import { MemoryFileSystem } from '../../../src/core/ports/memory-file-system';
import type { Problem } from '../../../src/core/problems';
import { Random } from '../support/random';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** What the reference decoder gives: the string, or 'throws'. */
function reference(bytes: Uint8Array): string {
  try {
    return strictUtf8(bytes);
  } catch {
    return 'throws';
  }
}

/** nodeUtf8's outcome in the reference's terms: a NUL byte in valid UTF-8 is refused (at its offset) rather than decoded. */
function fast(bytes: Uint8Array): string {
  try {
    return nodeUtf8(bytes);
  } catch (error) {
    if (error instanceof NulBytesError) {
      assert.equal(error.byteOffset, bytes.indexOf(0));
      return reference(bytes).includes('\u0000') ? reference(bytes) : 'NUL in invalid UTF-8?';
    }
    return 'throws';
  }
}

describe('nodeUtf8: the same strings as TextDecoder (fatal, BOM kept), NUL bytes refused', () => {
  it('agrees on valid, invalid and edge-case bytes', () => {
    const cases: Uint8Array[] = [
      new Uint8Array(),
      utf8('plain ASCII\n'),
      utf8('\ufeffBOM first, then é and 🙂 and 𝔘\r\n'),
      new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]), // two BOMs: only canonicalize strips one
      utf8('\ufffe\uffff\u{10ffff} noncharacters are valid'),
      new Uint8Array([0x43, 0x61, 0x66, 0xe9]), // Latin-1
      new Uint8Array([0xc0, 0xaf]), // overlong
      new Uint8Array([0xed, 0xa0, 0x80]), // an encoded surrogate
      new Uint8Array([0xf4, 0x90, 0x80, 0x80]), // beyond U+10FFFF
      new Uint8Array([0x6f, 0x6b, 0xf0, 0x9f, 0x98]), // truncated
      new Uint8Array([0x80]), // a lone continuation byte
      new Uint8Array([0xff, 0xfe, 0x48, 0x00]), // UTF-16LE with BOM
      new Uint8Array([0x48, 0x00, 0x69, 0x00]), // NUL is valid UTF-8
    ];
    for (const bytes of cases) assert.equal(fast(bytes), reference(bytes), JSON.stringify([...bytes]));
  });

  it('agrees on random byte strings and on random text, also inside a larger buffer', () => {
    const random = new Random(3);
    const pieces = ['a', ' ', '\n', 'é', 'ß', '—', '€', '🙂', '𝔘', '\u0000', '\ufeff'];
    for (let round = 0; round < 2000; round++) {
      let bytes: Uint8Array;
      if (round % 2 === 0) {
        bytes = utf8(Array.from({ length: random.int(0, 30) }, () => random.pick(pieces)).join(''));
        // Sometimes break it: flip, drop or insert one byte.
        if (bytes.length > 0 && random.next() < 0.5) {
          const at = random.int(0, bytes.length - 1);
          const copy = [...bytes];
          const roll = random.next();
          if (roll < 0.33) copy[at] = random.int(0, 255);
          else if (roll < 0.66) copy.splice(at, 1);
          else copy.splice(at, 0, random.int(0x80, 0xff));
          bytes = new Uint8Array(copy);
        }
      } else {
        bytes = new Uint8Array(Array.from({ length: random.int(0, 12) }, () => random.int(0, 255)));
      }
      const padded = new Uint8Array(bytes.length + 6);
      padded.set(bytes, 3);
      const view = padded.subarray(3, 3 + bytes.length);
      assert.equal(fast(view), reference(bytes), JSON.stringify([...bytes]));
    }
  });

  it('gives decodeCanonical the same texts and the same errors, with byte offsets', () => {
    const samples = [
      utf8('\ufeffa\r\nb\rc🙂\n'),
      new Uint8Array([0x61, 0xe9, 0x62]),
      utf8('H\u0000i'),
      utf8('no change\n'),
    ];
    for (const bytes of samples) {
      const outcome = (decode?: (b: Uint8Array) => string) => {
        try {
          return decodeCanonicalFile(bytes, decode);
        } catch (error) {
          assert.ok(error instanceof TextDecodingError);
          return { message: error.message, at: error.byteOffset };
        }
      };
      assert.deepEqual(outcome(nodeUtf8), outcome());
    }
    assert.deepEqual(decodeCanonicalFile(utf8('no change\n')), { text: 'no change\n', bytesAreCanonical: true });
    assert.deepEqual(decodeCanonicalFile(utf8('\ufeffbom\n')), { text: 'bom\n', bytesAreCanonical: false });
    assert.deepEqual(decodeCanonicalFile(utf8('lone\rCR')), { text: 'lone\nCR', bytesAreCanonical: false });
    assert.throws(
      () => decodeCanonical(utf8('ab\u0000c')),
      (error: TextDecodingError) => error.byteOffset === 2,
    );
  });
});

describe('NodeFileSystem, blocking (the CLI) and not (the extension)', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'grounded-fs-'));
    await mkdir(join(folder, 'sub'));
    await writeFile(join(folder, 'a.txt'), 'alpha 🙂\n');
    await writeFile(join(folder, 'sub', 'b.txt'), '');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('reads, stats and lists the same either way', async () => {
    const uri = (path: string) => pathToUri(join(folder, path));
    const outcomes = async (fs: NodeFileSystem) => {
      const settle = <T>(promise: Promise<T>) =>
        promise.then(
          (value) => ({ value }),
          (error: NodeJS.ErrnoException) => ({ error: error.code }),
        );
      const list = (await fs.list(pathToUri(folder))).slice().sort((a, b) => (a.name < b.name ? -1 : 1));
      const stat = (path: string) => fs.stat(uri(path)).then((s) => s && { type: s.type, size: s.size });
      return {
        read: await settle(fs.readFile(uri('a.txt'))),
        empty: await settle(fs.readFile(uri('sub/b.txt'))),
        missing: await settle(fs.readFile(uri('nope.txt'))),
        folder: await settle(fs.readFile(uri('sub'))),
        stats: [await stat('a.txt'), await stat('sub'), await stat('nope.txt')],
        list,
        listMissing: await settle(fs.list(uri('nope'))),
      };
    };
    const blocking = await outcomes(new NodeFileSystem({ blocking: true }));
    assert.deepEqual(blocking, await outcomes(new NodeFileSystem()));
    assert.deepEqual(blocking.read, { value: utf8('alpha 🙂\n') });
    assert.deepEqual(blocking.stats, [
      { type: 'file', size: 11 },
      { type: 'directory', size: blocking.stats[1]?.size },
      undefined,
    ]);
    assert.deepEqual(blocking.missing, { error: 'ENOENT' });
  });
});

describe("uriToPath: the URL parser's answer, without it for plain paths", () => {
  it('agrees with fileURLToPath on plain, escaped, dotted and odd URIs', () => {
    const root = pathToUri('/tmp/My Study (2024)');
    const uris = [
      root,
      joinUri(root, 'transcripts/P01.amara.codes.yaml'),
      joinUri(root, 'naïve/ü 1.txt'),
      'file:///a/b',
      'file:///a//b/',
      'file:///a/./b',
      'file:///a/../b',
      'file:///a/..',
      'file:///a/.b/c..d',
      'file:///a%20b',
      'file:///a?x#y',
      "file:///a/b!$&'()*+,;=:@~-_.c",
      'file:///',
    ];
    for (const uri of uris) assert.equal(uriToPath(uri), fileURLToPath(uri), uri);
  });
});

describe('reading listed study files without asking first', () => {
  /** A file system that counts stats and can make files vanish or fail between listing and reading. */
  class Racy implements FileSystemPort {
    stats = 0;
    constructor(
      readonly inner: MemoryFileSystem,
      readonly vanish = new Set<string>(),
      readonly failing = new Set<string>(),
    ) {}
    async readFile(uri: string) {
      if (this.vanish.has(uri)) {
        await this.inner.delete(uri);
        this.vanish.delete(uri);
      }
      if (this.failing.has(uri)) throw new Error('EACCES: permission denied');
      return this.inner.readFile(uri);
    }
    writeFile(uri: string, data: Uint8Array) {
      return this.inner.writeFile(uri, data);
    }
    replaceIfUnchanged(uri: string, expected: Uint8Array | undefined, data: Uint8Array) {
      return this.inner.replaceIfUnchanged(uri, expected, data);
    }
    lock(uri: string) {
      return this.inner.lock(uri);
    }
    isWriteArtifact(uri: string) {
      return this.inner.isWriteArtifact(uri);
    }
    delete(uri: string) {
      return this.inner.delete(uri);
    }
    async stat(uri: string) {
      this.stats++;
      return this.inner.stat(uri);
    }
    list(uri: string) {
      return this.inner.list(uri);
    }
  }

  it('reads a listed file with no stat; one that went away meanwhile is skipped; one that fails is a problem', async () => {
    const memory = new MemoryFileSystem();
    for (const name of ['a', 'b', 'c']) await memory.writeFile(`memory:/s/${name}.txt`, utf8(`${name}\n`));
    const fs = new Racy(memory, new Set(['memory:/s/b.txt']), new Set(['memory:/s/c.txt']));
    const problems: Problem[] = [];
    assert.deepEqual(await readFileText(fs, 'memory:/s/a.txt', problems, true), {
      bytes: utf8('a\n'),
      text: 'a\n',
      bytesAreCanonical: true,
    });
    assert.equal(fs.stats, 0);
    assert.equal(await readBytes(fs, 'memory:/s/b.txt', problems, true), undefined);
    assert.deepEqual(problems, []);
    assert.equal(await readBytes(fs, 'memory:/s/c.txt', problems, true), undefined);
    assert.deepEqual(
      problems.map((p: Problem) => [p.kind, p.uri]),
      [['read', 'memory:/s/c.txt']],
    );
    // Not listed (grounded.yaml, the codebook): asked first, so a missing one is no problem at all.
    assert.equal(await readBytes(fs, 'memory:/s/none.txt', problems, false), undefined);
    assert.equal(problems.length, 1);
  });
});
