import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../../src/core/ports/memory-file-system';
import { FileLockedError } from '../../../../src/core/persistence/errors';
import { lockOrder, withFileLocks } from '../../../../src/core/persistence/file-locks';
import { updateFile } from '../../../../src/core/persistence/safe-file';
import type { FileCodec } from '../../../../src/core/persistence/codec';

const TARGET = 'memory:/study/P01.amara.codes.yaml';
const LOCK = 'memory:/study/.P01.amara.codes.yaml.lock';

/** A plain-text codec: the tests here are about locking, not about a format. */
const lines: FileCodec<string[]> = {
  parse: (_uri, t) => ({ ok: true, value: t.split('\n').filter(Boolean), warnings: [] }),
  serialize: (value) => value.map((line) => `${line}\n`).join(''),
};

describe('file locks (the protocol every adapter shares)', () => {
  it('one holder at a time: a second taker waits until the first releases', async () => {
    const fs = new MemoryFileSystem();
    const events: string[] = [];
    const first = await fs.lock(TARGET);
    events.push('first has it');
    const second = fs.lock(TARGET).then((release) => (events.push('second has it'), release));
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(events, ['first has it'], 'the second waits');
    assert.ok(fs.text(LOCK)?.includes('"pid"'), 'the lock file beside the target names its holder');
    await first();
    await (
      await second
    )();
    assert.deepEqual(events, ['first has it', 'second has it']);
    assert.equal(fs.text(LOCK), undefined, 'no lock file left');
    assert.ok(fs.isWriteArtifact(LOCK));
    assert.ok(!fs.isWriteArtifact(TARGET));
  });

  it('a lock held by another process times out with an error naming the holder, and nothing is written', async () => {
    const fs = new MemoryFileSystem({}, { timeoutMs: 80 });
    const since = new Date().toISOString();
    fs.put(LOCK, JSON.stringify({ pid: 4242, host: 'lab-laptop', tool: 'grounded codebook merge', since }));
    const error = await updateFile(fs, TARGET, lines, () => ['x']).then(
      () => assert.fail('expected FileLockedError'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof FileLockedError);
    assert.match(error.message, /grounded codebook merge \(process 4242 on lab-laptop/);
    assert.match(error.message, /delete the lock file memory:\/study\/\.P01\.amara\.codes\.yaml\.lock/);
    assert.equal(fs.text(TARGET), undefined);
  });

  it('takes over a lock whose holder is known to be gone (a process killed while writing)', async () => {
    const fs = new MemoryFileSystem({}, { timeoutMs: 5_000, isAlive: (holder) => holder.pid !== 999 });
    fs.put(LOCK, JSON.stringify({ pid: 999, host: 'memory', tool: 'grounded code', since: '' }));
    await updateFile(fs, TARGET, lines, () => ['written']);
    assert.equal(fs.text(TARGET), 'written\n');
    assert.equal(fs.text(LOCK), undefined);
  });

  it('takes over a lock not renewed for longer than the stale age, even if its holder cannot be asked', async () => {
    const fs = new MemoryFileSystem({}, { timeoutMs: 5_000, staleAfterMs: 30, isAlive: () => undefined });
    fs.put(LOCK, JSON.stringify({ pid: 7, host: 'elsewhere', tool: 'VS Code', since: '' }));
    await new Promise((resolve) => setTimeout(resolve, 60));
    await updateFile(fs, TARGET, lines, () => ['written']);
    assert.equal(fs.text(TARGET), 'written\n');
  });

  it('releasing does not remove a lock that is no longer ours (taken over after we stalled)', async () => {
    const fs = new MemoryFileSystem();
    const release = await fs.lock(TARGET);
    const theirs = JSON.stringify({ pid: 5, host: 'memory', tool: 'grounded code', since: '' });
    fs.put(LOCK, theirs);
    await release();
    assert.equal(fs.text(LOCK), theirs);
  });

  it('withFileLocks takes locks in the order given, skips those already held, and releases all', async () => {
    const fs = new MemoryFileSystem();
    const order = lockOrder('memory:/study/codebook.yaml', [
      'memory:/study/b.codes.yaml',
      'memory:/study/a.codes.yaml',
      'memory:/study/codebook.yaml',
      'memory:/study/a.codes.yaml',
    ]);
    assert.deepEqual(order, [
      'memory:/study/codebook.yaml',
      'memory:/study/a.codes.yaml',
      'memory:/study/b.codes.yaml',
    ]);
    await withFileLocks(fs, order, async (held) => {
      assert.ok(order.every((uri) => held.has(uri)));
      assert.deepEqual(
        fs.uris().filter((uri) => uri.endsWith('.lock')),
        ['memory:/study/.a.codes.yaml.lock', 'memory:/study/.b.codes.yaml.lock', 'memory:/study/.codebook.yaml.lock'],
      );
      // A write under the operation's own lock does not wait for itself.
      await updateFile(fs, 'memory:/study/a.codes.yaml', lines, () => ['a'], held);
    });
    assert.deepEqual(fs.uris(), ['memory:/study/a.codes.yaml']);
  });

  it('tryLock takes a free lock at once, and never waits for one held by another process or by this one', async () => {
    const fs = new MemoryFileSystem();
    const release = await fs.tryLock(TARGET);
    assert.ok(release, 'free: taken');
    assert.ok(fs.text(LOCK)?.includes('"pid"'), 'with the same lock file lock() makes');
    assert.equal(await fs.tryLock(TARGET), undefined, 'held by this process: not taken, not waited for');
    const queued = fs.lock(TARGET);
    await release();
    const next = await queued;
    assert.equal(await fs.tryLock(TARGET), undefined, 'handed over to the queued request');
    await next();
    assert.equal(fs.text(LOCK), undefined);

    fs.put(LOCK, JSON.stringify({ pid: 4242, host: 'lab-laptop', tool: 'grounded codebook merge', since: '' }));
    const started = Date.now();
    assert.equal(await fs.tryLock(TARGET), undefined, 'held by another process');
    assert.ok(Date.now() - started < 1_000);
    assert.ok(fs.text(LOCK)?.includes('4242'), 'their lock untouched');
  });

  it('withFileLocks takes free locks together, and when one is held gives back the others and takes them in order', async () => {
    const fs = new MemoryFileSystem();
    const [first, second] = ['memory:/study/codebook.yaml', 'memory:/study/a.codes.yaml'] as const;
    const asked: string[] = [];
    const port = Object.assign(Object.create(fs) as MemoryFileSystem, {
      lock: (uri: string) => (asked.push(`lock ${uri}`), fs.lock(uri)),
      tryLock: (uri: string) => (asked.push(`try ${uri}`), fs.tryLock(uri)),
    });
    await withFileLocks(port, [first, second], async (held) => assert.ok(held.has(first) && held.has(second)));
    assert.deepEqual(asked, [`try ${first}`, `try ${second}`], 'both free: one wait for the two');

    asked.length = 0;
    const holding = await fs.lock(second);
    let inside = false;
    const operation = withFileLocks(port, [first, second], async () => (inside = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(inside, false, 'waits for the held lock');
    assert.deepEqual(asked, [`try ${first}`, `try ${second}`, `lock ${first}`, `lock ${second}`]);
    await holding();
    await operation;
    assert.equal(inside, true);
    assert.deepEqual(
      fs.uris().filter((uri) => uri.endsWith('.lock')),
      [],
    );
  });

  it('releases the locks taken so far when a later one cannot be taken', async () => {
    const fs = new MemoryFileSystem({}, { timeoutMs: 50 });
    fs.put('memory:/study/.b.lock', JSON.stringify({ pid: 8, host: 'memory', tool: 'other', since: '' }));
    await assert.rejects(
      withFileLocks(fs, ['memory:/study/a', 'memory:/study/b'], async () => 'never'),
      FileLockedError,
    );
    assert.equal(fs.text('memory:/study/.a.lock'), undefined);
  });
});
