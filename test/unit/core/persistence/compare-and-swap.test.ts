import assert from 'node:assert/strict';
import type { DirectoryEntry, FileStat, FileSystemPort, ReleaseLock } from '../../../../src/core/ports/file-system';
import { addCodings, removeCodings, type TranscriptRef } from '../../../../src/core/study/coding-operations';
import { loadStudy } from '../../../../src/core/study/load-study';
import { updateFile, readChecked } from '../../../../src/core/persistence/safe-file';
import { ConcurrentChangeError, FileLoadError } from '../../../../src/core/persistence/errors';
import { sidecarCodec } from '../../../../src/core/sidecar/format';
import {
  ADAPTERS,
  CODEBOOK,
  TRANSCRIPT,
  bytesEqual,
  externalAdd,
  fromUtf8,
  memoryFixture,
  rangeOf,
  utf8,
  type Fixture,
} from '../helpers';
import { hashBytes } from '../../../../src/core/text/hash';

const SIDECAR = 'P07.amara.codes.yaml';
const MENTOR = rangeOf(TRANSCRIPT, 'My assigned mentor was a chief I had never met');
const ROUNDS = rangeOf(TRANSCRIPT, 'An attending stayed after rounds');
const BURNOUT = rangeOf(TRANSCRIPT, 'close to burning out');

/** Delegates to a real port and lets a test act at chosen moments of updateFile's sequence. */
class HookedFileSystem implements FileSystemPort {
  /** Every replaceIfUnchanged call, and the ones that replaced the file. */
  attempts: string[] = [];
  replaced: string[] = [];
  writes: string[] = [];
  constructor(
    readonly inner: FileSystemPort,
    readonly hooks: {
      /** After updateFile read the file and built the new content, before the compare-and-swap. */
      beforeReplace?: (uri: string) => Promise<void>;
      afterRead?: (uri: string) => Promise<void>;
      /** Before the lock of `uri` is taken (updateFile has started reading the file by then). */
      beforeLock?: (uri: string) => Promise<void>;
    } = {},
  ) {}
  async readFile(uri: string): Promise<Uint8Array> {
    const bytes = await this.inner.readFile(uri);
    await this.hooks.afterRead?.(uri);
    return bytes;
  }
  async writeFile(uri: string, data: Uint8Array): Promise<void> {
    this.writes.push(uri);
    await this.inner.writeFile(uri, data);
  }
  /** Inside the inner port's replaceIfUnchanged. */
  replacing = false;
  async replaceIfUnchanged(
    uri: string,
    expected: Uint8Array | undefined,
    data: Uint8Array,
    committing?: () => void,
  ): Promise<boolean> {
    this.attempts.push(uri);
    await this.hooks.beforeReplace?.(uri);
    this.replacing = true;
    try {
      const done = await this.inner.replaceIfUnchanged(uri, expected, data, committing);
      if (done) this.replaced.push(uri);
      return done;
    } finally {
      this.replacing = false;
    }
  }
  async lock(uri: string): Promise<ReleaseLock> {
    await this.hooks.beforeLock?.(uri);
    return this.inner.lock(uri);
  }
  isWriteArtifact(uri: string): boolean {
    return this.inner.isWriteArtifact(uri);
  }
  delete(uri: string): Promise<void> {
    return this.inner.delete(uri);
  }
  stat(uri: string): Promise<FileStat | undefined> {
    return this.inner.stat(uri);
  }
  list(uri: string): Promise<readonly DirectoryEntry[]> {
    return this.inner.list(uri);
  }
}

async function idsIn(study: Fixture): Promise<string[]> {
  const result = await readChecked(study.fs, study.uri(SIDECAR), sidecarCodec);
  return (result?.value.codings ?? []).map((c) => c.id).sort();
}

/** Temp and lock files left behind (the adapter knows which files are its own). */
async function tempFiles(study: Fixture): Promise<string[]> {
  return (await study.files()).filter((path) => study.fs.isWriteArtifact(study.uri(path)));
}

describe('readChecked', () => {
  it('returns undefined for a missing file, and the value, canonical text and a hash of the exact bytes otherwise', async () => {
    const study = await memoryFixture({ 'P07.txt': TRANSCRIPT });
    assert.equal(await readChecked(study.fs, study.uri(SIDECAR), sidecarCodec), undefined);
    const transcript = await study.transcript('P07.txt');
    await addCodings(study.fs, transcript, 'amara', [{ id: 'x', code: 'burnout', ...BURNOUT }]);
    const bytes = (await study.read(SIDECAR)) as Uint8Array;
    const read = await readChecked(study.fs, study.uri(SIDECAR), sidecarCodec);
    assert.ok(read);
    assert.equal(read.bytesHash, hashBytes(bytes));
    assert.equal(read.text, fromUtf8(bytes));
    assert.deepEqual(
      read.value.codings.map((c) => c.id),
      ['x'],
    );
    await study.write(SIDECAR, fromUtf8(bytes).replace(/\n/g, '\r\n'));
    const crlf = await readChecked(study.fs, study.uri(SIDECAR), sidecarCodec);
    assert.equal(crlf?.text, fromUtf8(bytes), 'canonical text');
    assert.notEqual(crlf?.bytesHash, read.bytesHash, 'but the hash is of the bytes on disk');
  });

  it('FileLoadError lists every problem compiler-style, sorted by line and column', async () => {
    const study = await memoryFixture({
      [SIDECAR]:
        'grounded: 1\ntranscript: P07.txt\ncoder: Amara\ntextHash: h\ncodings:\n  - id: a\n    code: x\n    start: 5\n    end: 2\n    extra: 1\n',
    });
    const error = await readChecked(study.fs, study.uri(SIDECAR), sidecarCodec).then(
      () => assert.fail('expected a FileLoadError'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof FileLoadError);
    assert.equal(error.uri, study.uri(SIDECAR));
    assert.deepEqual(
      error.message.split('\n').map((line) => line.replace(/: error: .*/, '')),
      [
        'memory:/study/P07.amara.codes.yaml:3:8',
        'memory:/study/P07.amara.codes.yaml:9:10',
        'memory:/study/P07.amara.codes.yaml:10:5',
      ],
    );
    assert.deepEqual(
      error.problems.map((p) => p.kind),
      ['schema', 'offsets', 'unknown-key'],
    );
  });
});

describe('compare-and-swap writes', () => {
  for (const adapter of ADAPTERS) {
    describe(adapter.name, () => {
      let study: Fixture;
      let transcript: TranscriptRef;
      beforeEach(async () => {
        study = await adapter.make({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
        transcript = await study.transcript('P07.txt');
        await addCodings(study.fs, transcript, 'amara', [{ id: 'existing', code: 'assigned-mentor', ...MENTOR }]);
      });
      afterEach(() => study.cleanup());

      it('an external write between the read and the rename loses neither side', async () => {
        let injected = 0;
        const fs = new HookedFileSystem(study.fs, {
          beforeReplace: async () => {
            if (injected++ === 0) await externalAdd(study.fs, study.uri(SIDECAR), transcript, 'theirs', ROUNDS);
          },
        });
        const added = await addCodings(fs, transcript, 'amara', [{ id: 'ours', code: 'burnout', ...BURNOUT }]);
        assert.deepEqual(
          added.map((c) => c.id),
          ['ours'],
        );
        assert.equal(injected, 2, 'the first attempt saw the change and retried');
        assert.deepEqual(await idsIn(study), ['existing', 'ours', 'theirs']);
        assert.deepEqual(await tempFiles(study), []);
        const loaded = await loadStudy(study.fs, study.root);
        assert.deepEqual(loaded.problems, []);
        assert.equal(loaded.transcripts[0]?.sidecars[0]?.sidecar.codings.length, 3);
      });

      it('tells what it writes once, as the file system commits it: not for an attempt that found other bytes, and a failure after it is thrown', async () => {
        const told: string[][] = [];
        let toldWhileReplacing = 0;
        let injected = 0;
        const fs = new HookedFileSystem(study.fs, {
          beforeReplace: async () => {
            if (injected++ === 0) await externalAdd(study.fs, study.uri(SIDECAR), transcript, 'theirs', ROUNDS);
          },
        });
        const tell = (sidecar: { codings: readonly { id: string }[] }) => {
          if (fs.replacing) toldWhileReplacing++;
          told.push(sidecar.codings.map((c) => c.id).sort());
        };
        await addCodings(fs, transcript, 'amara', [{ id: 'ours', code: 'burnout', ...BURNOUT }], tell);
        assert.equal(injected, 2, 'the first attempt found their bytes and wrote nothing');
        assert.deepEqual(told, [['existing', 'ours', 'theirs']], 'told once, what is on disk');
        assert.deepEqual(await idsIn(study), ['existing', 'ours', 'theirs']);
        // The Node adapter tells as its rename starts (the drawing runs while it does); the memory one cannot
        // tell that moment, and the value is told once the replace is done.
        assert.equal(toldWhileReplacing, adapter.name === 'NodeFileSystem' ? 1 : 0);

        // A write that fails after it was told (the rename refused): the caller learns it from the rejection.
        const refusing = new HookedFileSystem(study.fs);
        refusing.replaceIfUnchanged = async (_uri, _expected, _data, committing) => {
          committing?.();
          throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES', syscall: 'rename' });
        };
        const before = await study.read(SIDECAR);
        await assert.rejects(
          addCodings(refusing, transcript, 'amara', [{ code: 'burnout', ...ROUNDS }], tell),
          /rename/,
        );
        assert.equal(told.length, 2, 'told once more, then it failed');
        bytesEqual(await study.read(SIDECAR), before as Uint8Array);
      });

      it('an external write right after updateFile read the file is caught too', async () => {
        let injected = false;
        const fs = new HookedFileSystem(study.fs, {
          afterRead: async (uri) => {
            if (!injected && uri === study.uri(SIDECAR)) {
              injected = true;
              await externalAdd(study.fs, uri, transcript, 'theirs', ROUNDS);
            }
          },
        });
        await removeCodings(fs, transcript, 'amara', new Set(['existing']));
        assert.deepEqual(await idsIn(study), ['theirs'], 'our removal applied to their version');
      });

      /** A port whose first read of the sidecar is followed, before the sidecar's lock is taken, by `meanwhile`. */
      function changedWhileLocking(meanwhile: () => Promise<void>): HookedFileSystem {
        let firstRead: () => void;
        const read = new Promise<void>((resolve) => (firstRead = resolve));
        let changed = false;
        return new HookedFileSystem(study.fs, {
          afterRead: async (uri) => {
            if (uri === study.uri(SIDECAR)) firstRead();
          },
          beforeLock: async (uri) => {
            if (changed || uri !== study.uri(SIDECAR)) return;
            changed = true;
            await read; // the read made ahead of the lock has its bytes: now another writer changes the file
            await meanwhile();
          },
        });
      }

      it('a coding the sidecar held when read ahead of the lock, removed before the lock, is added again', async () => {
        const fs = changedWhileLocking(async () => {
          const sidecar = fromUtf8((await study.read(SIDECAR)) as Uint8Array);
          await study.write(SIDECAR, sidecar.replace(/codings:\n[\s\S]*$/, 'codings: []\n'));
        });
        // On the bytes read ahead this is the coding already there (nothing to write); on the file it is not.
        const added = await addCodings(fs, transcript, 'amara', [{ code: 'assigned-mentor', ...MENTOR }]);
        assert.equal(added.length, 1, 'judged on the file under the lock, not on the bytes read ahead');
        const codings = (await readChecked(study.fs, study.uri(SIDECAR), sidecarCodec))?.value.codings ?? [];
        assert.deepEqual(
          codings.map((c) => [c.code, c.start, c.end]),
          [['assigned-mentor', MENTOR.start, MENTOR.end]],
        );
      });

      it('a sidecar that did not load when read ahead of the lock, mended before it, takes the change', async () => {
        const before = (await study.read(SIDECAR)) as Uint8Array;
        await study.write(SIDECAR, '<<<<<<< HEAD\ngrounded: 1\n=======\ngrounded: 1\n>>>>>>> other\n');
        const fs = changedWhileLocking(() => study.write(SIDECAR, fromUtf8(before)));
        await addCodings(fs, transcript, 'amara', [{ id: 'ours', code: 'burnout', ...BURNOUT }]);
        assert.deepEqual(await idsIn(study), ['existing', 'ours']);
        assert.deepEqual(fs.attempts, [study.uri(SIDECAR)], 'one replace, of the mended file');
      });

      it('an external change that breaks the file mid-write stops the write and keeps their bytes', async () => {
        const conflicted = utf8('<<<<<<< HEAD\ngrounded: 1\n=======\ngrounded: 1\n>>>>>>> other\n');
        const fs = new HookedFileSystem(study.fs, { beforeReplace: async () => study.write(SIDECAR, conflicted) });
        await assert.rejects(
          addCodings(fs, transcript, 'amara', [{ code: 'burnout', ...BURNOUT }]),
          (error: unknown) => error instanceof FileLoadError && error.problems[0]?.kind === 'conflict-marker',
        );
        bytesEqual(await study.read(SIDECAR), conflicted);
        assert.deepEqual(await tempFiles(study), []);
      });

      it('20 concurrent addCodings on one file keep all 20', async () => {
        const words = [...new Set(TRANSCRIPT.match(/\p{L}{4,}/gu) ?? [])].slice(0, 20);
        assert.equal(words.length, 20);
        const added = await Promise.all(
          words.map((word, i) =>
            addCodings(study.fs, transcript, 'amara', [
              { id: `w${String(i).padStart(2, '0')}`, code: 'burnout', ...rangeOf(TRANSCRIPT, word) },
            ]),
          ),
        );
        assert.deepEqual(
          added.map((a) => a.length),
          Array(20).fill(1),
        );
        assert.deepEqual(
          await idsIn(study),
          ['existing', ...words.map((_, i) => `w${String(i).padStart(2, '0')}`)].sort(),
        );
        assert.deepEqual(await tempFiles(study), []);
      });

      it('20 concurrent writers, each racing an external edit, keep everything', async () => {
        // Every other temp write (10 in all) races an external edit: each writer retries at least once.
        let tempWrites = 0;
        let external = 0;
        const fs = new HookedFileSystem(study.fs, {
          beforeReplace: async () => {
            if (tempWrites++ % 2 === 0 && external < 10)
              await externalAdd(study.fs, study.uri(SIDECAR), transcript, `ext${external++}`, {
                start: external,
                end: external + 3,
              });
          },
        });
        const words = [...new Set(TRANSCRIPT.match(/\p{L}{4,}/gu) ?? [])].slice(0, 20);
        await Promise.all(
          words.map((word, i) =>
            addCodings(fs, transcript, 'amara', [
              { id: `w${String(i).padStart(2, '0')}`, code: 'burnout', ...rangeOf(TRANSCRIPT, word) },
            ]),
          ),
        );
        const ids = await idsIn(study);
        assert.equal(external, 10);
        assert.equal(ids.length, 1 + 20 + 10);
        assert.ok(['ext0', 'ext9', 'existing', 'w00', 'w19'].every((id) => ids.includes(id)));
        assert.deepEqual(await tempFiles(study), []);
      });

      it('throws ConcurrentChangeError and writes nothing when the file changes on every attempt', async () => {
        let external = 0;
        const fs = new HookedFileSystem(study.fs, {
          beforeReplace: () =>
            externalAdd(study.fs, study.uri(SIDECAR), transcript, `ext${external++}`, {
              start: external,
              end: external + 2,
            }),
        });
        await assert.rejects(
          addCodings(fs, transcript, 'amara', [{ id: 'ours', code: 'burnout', ...BURNOUT }]),
          ConcurrentChangeError,
        );
        assert.equal(fs.replaced.length, 0, 'never replaced the file');
        assert.deepEqual(
          await idsIn(study),
          ['existing', 'ext0', 'ext1', 'ext2', 'ext3', 'ext4'],
          'every external change kept, ours not half-applied',
        );
        assert.deepEqual(await tempFiles(study), []);
      });

      it('replaces the sidecar only through the compare-and-swap operation', async () => {
        const fs = new HookedFileSystem(study.fs);
        await addCodings(fs, transcript, 'amara', [{ code: 'burnout', ...BURNOUT }]);
        assert.deepEqual(fs.replaced, [study.uri(SIDECAR)]);
        assert.deepEqual(fs.writes, [], 'the sidecar itself is never written in place');
        assert.deepEqual(await tempFiles(study), []);
      });

      it('a failing replace leaves the sidecar as it was, and no temp or lock file', async () => {
        const before = await study.read(SIDECAR);
        const fs = new HookedFileSystem(study.fs, {
          beforeReplace: async () => {
            throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
          },
        });
        await assert.rejects(addCodings(fs, transcript, 'amara', [{ code: 'burnout', ...BURNOUT }]), /EACCES/);
        bytesEqual(await study.read(SIDECAR), before);
        assert.deepEqual(await tempFiles(study), []);
      });

      it('writes nothing when the change is a no-op', async () => {
        const before = await study.read(SIDECAR);
        const fs = new HookedFileSystem(study.fs);
        const again = await addCodings(fs, transcript, 'amara', [{ code: 'assigned-mentor', ...MENTOR }]);
        assert.deepEqual(again, [], 'the identical coding is not added twice');
        const removed = await removeCodings(fs, transcript, 'amara', new Set(['no-such-id']));
        assert.deepEqual(removed, []);
        assert.deepEqual(fs.attempts, []);
        bytesEqual(await study.read(SIDECAR), before);
      });

      it('does not create a sidecar when removing from a transcript that has none', async () => {
        const fs = new HookedFileSystem(study.fs);
        const removed = await removeCodings(fs, transcript, 'jonas', new Set(['x']));
        assert.deepEqual(removed, []);
        assert.deepEqual(fs.attempts, []);
        assert.equal(await study.read('P07.jonas.codes.yaml'), undefined);
      });

      it('rewrites a CRLF sidecar (checked out on Windows) as LF and keeps its codings', async () => {
        const lf = fromUtf8((await study.read(SIDECAR)) ?? new Uint8Array());
        await study.write(SIDECAR, '\ufeff' + lf.replace(/\n/g, '\r\n'));
        assert.ok((await loadStudy(study.fs, study.root)).problems.length === 0, 'a CRLF sidecar loads');
        await addCodings(study.fs, transcript, 'amara', [{ id: 'ours', code: 'burnout', ...BURNOUT }]);
        const text = fromUtf8((await study.read(SIDECAR)) ?? new Uint8Array());
        assert.doesNotMatch(text, /[\r\ufeff]/);
        assert.deepEqual(await idsIn(study), ['existing', 'ours']);
      });

      it('updateFile creates a missing file and serializes writes per file', async () => {
        const uri = study.uri('new.amara.codes.yaml');
        const order: string[] = [];
        const results = await Promise.all(
          ['a', 'b', 'c'].map((id) =>
            updateFile(study.fs, uri, sidecarCodec, (current) => {
              order.push(`${id}:${current?.codings.length ?? 'none'}`);
              const base = current ?? { transcript: 'new.txt', coder: 'amara', textHash: 'h', codings: [] };
              return {
                ...base,
                codings: [
                  ...base.codings,
                  { id, code: 'x', start: 0, end: 1, quote: 'q', prefix: '', suffix: '', by: 'amara' },
                ],
              };
            }),
          ),
        );
        assert.deepEqual(order, ['a:none', 'b:1', 'c:2']);
        assert.ok(results.every((r) => r.written));
        assert.equal((await readChecked(study.fs, uri, sidecarCodec))?.value.codings.length, 3);
      });
    });
  }
});
