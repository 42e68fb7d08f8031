import assert from 'node:assert/strict';
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { FileLockedError, WriteRefusedError } from '../../../src/core/persistence/errors';
import { lockOrder, withFileLocks } from '../../../src/core/persistence/file-locks';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('NodeFileSystem: compare-and-swap and locks on a real disk', () => {
  let folder: string;
  let fs: NodeFileSystem;
  const file = () => join(folder, 'P07.amara.codes.yaml');
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'grounded-node-fs-'));
    fs = new NodeFileSystem();
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('replaces through a temp file in the same folder renamed over the target (new inode, no leftovers)', async () => {
    writeFileSync(file(), 'old\n');
    const before = statSync(file()).ino;
    const created: string[] = [];
    const watcher = watch(folder, (_event, name) => name && created.push(String(name)));
    assert.equal(await fs.replaceIfUnchanged(pathToUri(file()), utf8('old\n'), utf8('new\n')), true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    watcher.close();
    assert.equal(readFileSync(file(), 'utf8'), 'new\n');
    assert.notEqual(statSync(file()).ino, before, 'renamed over, not written in place');
    const temps = [...new Set(created)].filter((name) => name !== 'P07.amara.codes.yaml');
    assert.equal(temps.length, 1, `one temp file: ${temps.join(', ')}`);
    assert.match(temps[0] ?? '', /^\.P07\.amara\.codes\.yaml\.[a-z0-9]+\.tmp$/);
    assert.ok(fs.isWriteArtifact(pathToUri(join(folder, temps[0] ?? ''))));
    assert.deepEqual(readdirSync(folder), ['P07.amara.codes.yaml']);
  });

  it('does nothing and answers false when the file no longer holds the expected bytes', async () => {
    writeFileSync(file(), 'theirs\n');
    assert.equal(await fs.replaceIfUnchanged(pathToUri(file()), utf8('old\n'), utf8('new\n')), false);
    assert.equal(await fs.replaceIfUnchanged(pathToUri(file()), undefined, utf8('new\n')), false, 'expected absent');
    assert.equal(readFileSync(file(), 'utf8'), 'theirs\n');
    assert.deepEqual(readdirSync(folder), ['P07.amara.codes.yaml'], 'the temp file made meanwhile is gone again');
    assert.equal(await fs.replaceIfUnchanged(pathToUri(join(folder, 'sub/new.yaml')), undefined, utf8('x')), true);
    assert.equal(readFileSync(join(folder, 'sub/new.yaml'), 'utf8'), 'x', 'creates missing folders');
  });

  it('compares the whole file: one longer than expected, or as long with other bytes, is kept; an empty one compares', async () => {
    const uri = pathToUri(file());
    writeFileSync(file(), 'old\nand more\n');
    assert.equal(await fs.replaceIfUnchanged(uri, utf8('old\n'), utf8('new\n')), false, 'expected bytes then more');
    writeFileSync(file(), 'olD\n');
    assert.equal(await fs.replaceIfUnchanged(uri, utf8('old\n'), utf8('new\n')), false, 'same length, other bytes');
    writeFileSync(file(), 'ol');
    assert.equal(await fs.replaceIfUnchanged(uri, utf8('old\n'), utf8('new\n')), false, 'shorter');
    assert.equal(readFileSync(file(), 'utf8'), 'ol');
    assert.equal(await fs.replaceIfUnchanged(pathToUri(join(folder, 'gone.yaml')), utf8('x'), utf8('y')), false);
    writeFileSync(file(), '');
    assert.equal(await fs.replaceIfUnchanged(uri, new Uint8Array(0), utf8('new\n')), true, 'empty as expected');
    const big = utf8('x'.repeat(1_300_000));
    assert.equal(await fs.replaceIfUnchanged(uri, utf8('new\n'), big), true);
    assert.equal(await fs.replaceIfUnchanged(uri, big, utf8('small\n')), true, 'a file of 1.3 MB compares equal');
    assert.equal(readFileSync(file(), 'utf8'), 'small\n');
    assert.deepEqual(readdirSync(folder), ['P07.amara.codes.yaml']);
  });

  it('says when it commits: once the bytes compared equal and the rename started, never for a refusal or other bytes', async () => {
    // More than one 512 KiB piece, with a byte pattern that shows a piece written twice or left out.
    const big = Uint8Array.from({ length: 1_300_000 }, (_, i) => (i * 7 + (i >> 9)) % 251);
    writeFileSync(file(), 'old\n');
    let told = 0;
    let resolved = false;
    const replacing = fs.replaceIfUnchanged(pathToUri(file()), utf8('old\n'), big, () => {
      told++;
      assert.equal(resolved, false, 'told before the replace is done');
    });
    void replacing.then(() => (resolved = true));
    assert.equal(await replacing, true);
    assert.equal(told, 1);
    assert.ok(Buffer.from(big).equals(readFileSync(file())), 'every byte written once, in order');

    const never = () => assert.fail('told for a write that does not happen');
    assert.equal(await fs.replaceIfUnchanged(pathToUri(file()), utf8('old\n'), utf8('new\n'), never), false);
    chmodSync(file(), 0o444);
    await assert.rejects(fs.replaceIfUnchanged(pathToUri(file()), big, utf8('new\n'), never), WriteRefusedError);
    assert.deepEqual(readdirSync(folder), ['P07.amara.codes.yaml']);
  });

  it('keeps the file mode', async () => {
    writeFileSync(file(), 'old\n');
    chmodSync(file(), 0o640);
    await fs.replaceIfUnchanged(pathToUri(file()), utf8('old\n'), utf8('new\n'));
    assert.equal(statSync(file()).mode & 0o777, 0o640);
  });

  it('refuses a read-only file and a symbolic link, and leaves both as they were', async () => {
    writeFileSync(file(), 'old\n');
    chmodSync(file(), 0o444);
    await assert.rejects(
      fs.replaceIfUnchanged(pathToUri(file()), utf8('old\n'), utf8('new\n')),
      (error: unknown) => error instanceof WriteRefusedError && /read-only/.test(error.message),
    );
    assert.equal(readFileSync(file(), 'utf8'), 'old\n');
    assert.equal(statSync(file()).mode & 0o777, 0o444);
    const link = join(folder, 'P08.amara.codes.yaml');
    symlinkSync(file(), link);
    await assert.rejects(
      fs.replaceIfUnchanged(pathToUri(link), utf8('old\n'), utf8('new\n')),
      (error: unknown) => error instanceof WriteRefusedError && /symbolic link/.test(error.message),
    );
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.deepEqual(readdirSync(folder).sort(), ['P07.amara.codes.yaml', 'P08.amara.codes.yaml']);
  });

  it('a lock file holds other processes off; a dead holder’s lock is taken over at once', async () => {
    const uri = pathToUri(file());
    const lockPath = join(folder, '.P07.amara.codes.yaml.lock');
    // Another process on this host that holds the lock and is alive: our parent (the test runner's parent shell).
    writeFileSync(lockPath, JSON.stringify({ pid: process.ppid, host: hostname(), tool: 'grounded code', since: '' }));
    const waiting = new NodeFileSystem({ lockTimings: { timeoutMs: 150 } });
    await assert.rejects(
      waiting.lock(uri),
      (error: unknown) => error instanceof FileLockedError && /grounded code \(process/.test(error.message),
    );
    // The same lock left by a process that no longer exists.
    writeFileSync(
      lockPath,
      JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), tool: 'grounded code', since: '' }),
    );
    const release = await waiting.lock(uri);
    assert.match(readFileSync(lockPath, 'utf8'), new RegExp(`"pid":${process.pid}`));
    await release();
    assert.deepEqual(readdirSync(folder), []);
  });

  it('two writers (two lock tables, as two processes) taking one or both of two locks never overlap nor wait for each other', async () => {
    const codebook = pathToUri(join(folder, 'codebook.yaml'));
    const sidecar = pathToUri(file());
    const writers = [new NodeFileSystem(), new NodeFileSystem()];
    const inside = new Map<string, number>([
      [codebook, 0],
      [sidecar, 0],
    ]);
    let overlaps = 0;
    const sets = [[codebook, sidecar], [sidecar], [codebook, sidecar], [codebook]];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const uris = sets[i % sets.length]!;
        return withFileLocks(writers[i % 2]!, lockOrder(codebook, uris), async () => {
          for (const uri of uris) if (inside.set(uri, inside.get(uri)! + 1).get(uri)! > 1) overlaps++;
          await new Promise((resolve) => setTimeout(resolve, i % 3));
          for (const uri of uris) inside.set(uri, inside.get(uri)! - 1);
        });
      }),
    );
    assert.equal(overlaps, 0, 'one holder of each lock at a time');
    assert.deepEqual(readdirSync(folder), [], 'every lock file removed');
  });

  it('a holder renews its lock while it works, so a long operation is not taken for a dead one', async () => {
    const uri = pathToUri(file());
    const holder = new NodeFileSystem({ lockTimings: { staleAfterMs: 80, renewEveryMs: 10 } });
    const other = new NodeFileSystem({ lockTimings: { staleAfterMs: 80, timeoutMs: 250 } });
    const release = await holder.lock(uri);
    await assert.rejects(other.lock(uri), FileLockedError, 'still renewed after 250 ms (> the stale age)');
    await release();
    await (
      await other.lock(uri)
    )();
  });
});
