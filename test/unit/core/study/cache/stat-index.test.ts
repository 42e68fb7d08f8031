import assert from 'node:assert/strict';
import { mkdtemp, rm, utimes, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DirectoryEntry, FileStat, FileSystemPort } from '../../../../../src/core/ports/file-system';
import { MemoryFileSystem } from '../../../../../src/core/ports/memory-file-system';
import { loadStudy } from '../../../../../src/core/study/load-study';
import { MemoryStudyCache, type LoadStudyOptions } from '../../../../../src/core/study/cache/study-cache';
import { encodeEntry } from '../../../../../src/core/study/cache/cache-entry';
import {
  RACY_MARGIN_MS,
  STAT_INDEX_KEY,
  StatIndexBuilder,
  statIndexFromPayload,
  statIndexPayload,
  trustedSha256,
  type StatIndex,
} from '../../../../../src/core/study/cache/stat-index';
import { NodeFileSystem, pathToUri } from '../../../../../src/node/node-file-system';
import { nodeSha256 } from '../../../../../src/node/node-study-cache';
import { FILES } from '../../../support/disk-study';

const SHA = 'a'.repeat(64);
const stat = (over: Partial<FileStat> = {}): FileStat => ({
  type: 'file',
  size: 10,
  mtime: 1_000,
  changeTime: 1_000,
  inode: 7,
  ...over,
});

function indexOf(records: [string, FileStat][], newest?: number): StatIndex {
  const builder = new StatIndexBuilder();
  for (const [uri, s] of records) builder.add(uri, s, SHA);
  const built = builder.build();
  return newest === undefined ? built : { ...built, newest };
}

describe('stat index: the rule', () => {
  it('trusts a record only when size, mtime, change time and inode are unchanged and settled', () => {
    const index = indexOf([['f:/a', stat()]], 1_000 + RACY_MARGIN_MS + 1);
    assert.equal(trustedSha256(index, 'f:/a', stat()), SHA);
    assert.equal(trustedSha256(index, 'f:/b', stat()), undefined, 'no record');
    assert.equal(trustedSha256(index, 'f:/a', stat({ size: 11 })), undefined);
    assert.equal(trustedSha256(index, 'f:/a', stat({ mtime: 1_001 })), undefined);
    assert.equal(
      trustedSha256(index, 'f:/a', stat({ changeTime: 5_000 })),
      undefined,
      'written since (mtime restored by cp -p, tar, utimes)',
    );
    assert.equal(trustedSha256(index, 'f:/a', stat({ inode: 8 })), undefined, 'replaced by rename');
    assert.equal(
      trustedSha256(index, 'f:/a', { type: 'file', size: 10, mtime: 1_000 }),
      undefined,
      'a host without change times',
    );
    assert.equal(trustedSha256(undefined, 'f:/a', stat()), undefined);
  });

  it('never trusts a racy record: one written within the margin of the newest change seen', () => {
    // The same-second edit: recorded in the tick it was written, rewritten in that tick with the same size.
    assert.equal(trustedSha256(indexOf([['f:/a', stat()]]), 'f:/a', stat()), undefined, 'the newest file itself');
    assert.equal(
      trustedSha256(indexOf([['f:/a', stat()]], 1_000 + RACY_MARGIN_MS), 'f:/a', stat()),
      undefined,
      'exactly at the margin',
    );
    const index = indexOf([
      ['f:/a', stat({ mtime: 900 })],
      ['f:/b', stat({ changeTime: 1_000 + RACY_MARGIN_MS + 1 })],
    ]);
    assert.equal(
      trustedSha256(index, 'f:/a', stat({ mtime: 900 })),
      SHA,
      'settled once another file changed well after it',
    );
    assert.equal(
      trustedSha256(
        indexOf([['f:/a', stat({ mtime: 9_999 })]], 1_000 + RACY_MARGIN_MS + 1),
        'f:/a',
        stat({ mtime: 9_999 }),
      ),
      undefined,
      'an mtime in the future',
    );
  });

  it('records only stats that have change time and inode, and reads back only intact payloads', () => {
    const builder = new StatIndexBuilder();
    builder.add('f:/a', stat(), SHA);
    builder.add('f:/b', { type: 'file', size: 1, mtime: 1 }, SHA);
    builder.add('f:/c', undefined, SHA);
    const index = builder.build();
    assert.deepEqual([...index.records.keys()], ['f:/a']);
    assert.deepEqual(statIndexFromPayload(JSON.parse(JSON.stringify(statIndexPayload(index)))), index);
    const good = statIndexPayload(index) as [number, unknown[][]];
    const row = good[1][0] as unknown[];
    const bad: unknown[] = [
      null,
      [good[0]],
      ['1', good[1]],
      [good[0], [row.slice(0, 5)]],
      [good[0], [[...row.slice(0, 5), 'not a sha']]],
      [good[0], [[row[0], -1, ...row.slice(2)]]],
      [good[0], [row, row]],
    ];
    for (const payload of bad) assert.equal(statIndexFromPayload(payload), undefined, JSON.stringify(payload));
  });
});

/**
 * A file system with a clock the test moves: every write stamps mtime and change time with `now`; `setMtime`
 * is utimes (change time becomes `now`); `rename` gives a new inode. Counts sidecar reads.
 */
class ClockedFileSystem implements FileSystemPort {
  now = 1_000_000;
  readonly reads: string[] = [];
  private readonly meta = new Map<string, { mtime: number; changeTime: number; inode: number }>();
  private inodes = 1;
  readonly inner = new MemoryFileSystem();

  async put(uri: string, content: string | Uint8Array, keep: 'inode' | 'new inode' = 'inode'): Promise<void> {
    await this.inner.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    const old = this.meta.get(uri);
    this.meta.set(uri, {
      mtime: this.now,
      changeTime: this.now,
      inode: old && keep === 'inode' ? old.inode : this.inodes++,
    });
  }
  setTimes(uri: string, mtime: number, changeTime = this.now): void {
    const m = this.meta.get(uri);
    if (m) this.meta.set(uri, { ...m, mtime, changeTime });
  }
  times(uri: string): { mtime: number; changeTime: number; inode: number } {
    return this.meta.get(uri) as { mtime: number; changeTime: number; inode: number };
  }
  async readFile(uri: string): Promise<Uint8Array> {
    if (uri.endsWith('.codes.yaml')) this.reads.push(uri.slice(uri.lastIndexOf('/') + 1));
    return this.inner.readFile(uri);
  }
  writeFile(uri: string, data: Uint8Array): Promise<void> {
    return this.put(uri, data);
  }
  async rename(from: string, to: string): Promise<void> {
    await this.inner.rename(from, to);
    this.meta.set(to, { ...this.times(from), inode: this.inodes++ });
    this.meta.delete(from);
  }
  async delete(uri: string): Promise<void> {
    await this.inner.delete(uri);
    this.meta.delete(uri);
  }
  /** As the Node adapter does: a new file renamed over the old one (a new inode). */
  async replaceIfUnchanged(uri: string, expected: Uint8Array | undefined, data: Uint8Array): Promise<boolean> {
    const current = (await this.inner.stat(uri)) ? await this.inner.readFile(uri) : undefined;
    if (Buffer.compare(Buffer.from(current ?? []), Buffer.from(expected ?? [])) !== 0 || !current !== !expected)
      return false;
    await this.put(uri, data, 'new inode');
    return true;
  }
  lock(uri: string) {
    return this.inner.lock(uri);
  }
  isWriteArtifact(uri: string): boolean {
    return this.inner.isWriteArtifact(uri);
  }
  async stat(uri: string): Promise<FileStat | undefined> {
    const found = await this.inner.stat(uri);
    const m = this.meta.get(uri);
    return found && m && found.type === 'file' ? { ...found, ...m } : found;
  }
  list(uri: string): Promise<readonly DirectoryEntry[]> {
    return this.inner.list(uri);
  }
}

describe('stat index: loads', () => {
  const ROOT = 'memory:/study';
  const uri = (path: string) => `${ROOT}/${path}`;
  // Every sidecar but the stray (P09 has no transcript, so it is never read).
  const sidecars = Object.keys(FILES).filter((path) => path.endsWith('.codes.yaml') && !path.includes('P09'));
  let fs: ClockedFileSystem;
  let cache: MemoryStudyCache;
  const load = (fileStats: LoadStudyOptions['fileStats'] = 'trust') =>
    loadStudy(fs, ROOT, { cache, sha256: nodeSha256, fileStats });
  const plain = () => loadStudy(fs.inner, ROOT);
  /** Loads through the index, checks it is the study a plain load sees, and gives the sidecars it read. */
  const readsOfLoad = async (fileStats: LoadStudyOptions['fileStats'] = 'trust') => {
    fs.reads.length = 0;
    assert.deepStrictEqual(await load(fileStats), await plain());
    return [...fs.reads].sort();
  };

  beforeEach(async () => {
    fs = new ClockedFileSystem();
    cache = new MemoryStudyCache();
    for (const [path, content] of Object.entries(FILES)) await fs.put(uri(path), content);
    // P01's sidecar by amara is edited a minute later: the newest file, so the others are settled.
    fs.now += 60_000;
    await fs.put(uri('transcripts/P01.amara.codes.yaml'), FILES['transcripts/P01.amara.codes.yaml'] as string);
    fs.now += 60_000;
    assert.deepEqual(
      await readsOfLoad(),
      sidecars.map((p) => p.slice('transcripts/'.length)).sort(),
      'a first load reads everything',
    );
  });

  /**
   * amara's P01 is the newest (racy); jonas's P02 does not parse, so it has no derived entry to find; bob's
   * P01 says another coder, an error whose line is read from the file (a study with none reads neither).
   */
  const WARM_READS = ['P01.amara.codes.yaml', 'P01.bob.codes.yaml', 'P02.jonas.codes.yaml'];

  it('reads only the racy and the uncacheable sidecars on a warm load', async () => {
    assert.deepEqual(await readsOfLoad(), WARM_READS);
    assert.deepEqual(await readsOfLoad(), WARM_READS);
  });

  it('sees a same-size edit in the same tick as the recording (the racy case)', async () => {
    const path = 'transcripts/P01.amara.codes.yaml';
    const before = fs.times(uri(path));
    fs.now = before.changeTime; // the clock has not moved on: same mtime, same change time, same inode
    await fs.put(uri(path), (FILES[path] as string).replace('code: informal', 'code: burnout!'));
    assert.deepEqual(fs.times(uri(path)), before);
    assert.ok(await readsOfLoad().then((reads) => reads.includes('P01.amara.codes.yaml')));
    assert.ok(
      (await load()).transcripts[0]?.sidecars.some((s) => s.sidecar.codings.some((c) => c.code === 'burnout!')),
    );
  });

  it('sees a same-size edit whose old mtime was restored (cp -p, tar, git-restore-mtime, utimes)', async () => {
    const path = 'transcripts/P02.amara.codes.yaml';
    const before = fs.times(uri(path));
    await fs.put(uri(path), (FILES[path] as string).replace('code: burnout', 'code: burnouT'));
    fs.setTimes(uri(path), before.mtime);
    assert.equal(fs.times(uri(path)).mtime, before.mtime);
    assert.ok((await readsOfLoad()).includes('P02.amara.codes.yaml'));
  });

  it('sees a file replaced by rename even with every time the same (atomic save)', async () => {
    const path = 'transcripts/P02.amara.codes.yaml';
    const before = fs.times(uri(path));
    await fs.put(uri('transcripts/tmp'), (FILES[path] as string).replace('code: burnout', 'code: burnouT'));
    await fs.rename(uri('transcripts/tmp'), uri(path));
    fs.setTimes(uri(path), before.mtime, before.changeTime);
    assert.notEqual(fs.times(uri(path)).inode, before.inode);
    assert.ok((await readsOfLoad()).includes('P02.amara.codes.yaml'));
  });

  it('reads and hashes everything when the index is truncated, corrupt, foreign or missing, and writes it anew', async () => {
    const stored = cache.entries.get(STAT_INDEX_KEY) as Uint8Array;
    const everything = sidecars.map((p) => p.slice('transcripts/'.length)).sort();
    const damaged = [
      stored.subarray(0, stored.length >> 1),
      new TextEncoder().encode('garbage'),
      encodeEntry('stat-index1', statIndexPayload({ newest: 0, records: new Map() }), nodeSha256),
      encodeEntry(STAT_INDEX_KEY, [1, [['x']]], nodeSha256),
    ];
    for (const bytes of damaged) {
      cache.entries.set(STAT_INDEX_KEY, bytes);
      assert.deepEqual(await readsOfLoad(), everything);
      assert.deepEqual(cache.entries.get(STAT_INDEX_KEY), stored, 'rebuilt');
    }
    cache.entries.delete(STAT_INDEX_KEY);
    assert.deepEqual(await readsOfLoad(), everything);
    assert.deepEqual(await readsOfLoad(), WARM_READS);
  });

  it("'record' (GROUNDED_CACHE=verify) reads everything but keeps the index; a deleted sidecar is just gone", async () => {
    const everything = sidecars.map((p) => p.slice('transcripts/'.length)).sort();
    assert.deepEqual(await readsOfLoad('record'), everything);
    assert.ok(cache.entries.has(STAT_INDEX_KEY));
    assert.deepEqual(await readsOfLoad(), WARM_READS);
    await fs.delete(uri('transcripts/P02.amara.codes.yaml'));
    assert.deepEqual(await readsOfLoad(), WARM_READS);
  });
});

describe('stat index on a real file system', () => {
  it('Node reports what the rule needs, and a restored mtime still shows as a change', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'grounded-stat-'));
    try {
      const path = join(folder, 'P01.amara.codes.yaml');
      await writeFile(path, 'code: informal\n');
      const fs = new NodeFileSystem({ blocking: true });
      const before = (await fs.stat(pathToUri(path))) as FileStat;
      assert.equal(typeof before.changeTime, 'number');
      assert.equal(typeof before.inode, 'number');
      const builder = new StatIndexBuilder();
      builder.add(pathToUri(path), before, SHA);
      // As if other files had been written well after it: the record is settled.
      const index = { ...builder.build(), newest: (before.changeTime as number) + 10 * RACY_MARGIN_MS };
      assert.equal(trustedSha256(index, pathToUri(path), (await fs.stat(pathToUri(path))) as FileStat), SHA);
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Same size, old mtime put back: the change time moved on (nobody can set it).
      const old = await readFile(path, 'utf8');
      await writeFile(path, old.replace('informal', 'burnout!'));
      await utimes(path, new Date(before.mtime), new Date(before.mtime));
      const after = (await fs.stat(pathToUri(path))) as FileStat;
      assert.equal(after.size, before.size);
      assert.ok(Math.abs(after.mtime - before.mtime) < 1, 'utimes takes whole milliseconds');
      assert.notEqual(after.changeTime, before.changeTime);
      // Even with the mtime put back to the exact value recorded, the record is not trusted.
      assert.equal(trustedSha256(index, pathToUri(path), { ...after, mtime: before.mtime }), undefined);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
