import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStudy } from '../../../../../src/core/study/load-study';
import { MemoryStudyCache, type StudyCache } from '../../../../../src/core/study/cache/study-cache';
import { decodeEntry, encodeEntry } from '../../../../../src/core/study/cache/cache-entry';
import { NodeFileSystem, pathToUri } from '../../../../../src/node/node-file-system';
import { generateStudy } from '../../../../../scripts/bench/generate';
import { NodeStudyCache, nodeSha256 } from '../../../../../src/node/node-study-cache';
import type { Study } from '../../../../../src/core/study/study';
import { FILES, P01, diskStudy, type DiskStudy } from '../../../support/disk-study';

const fs = new NodeFileSystem();

/** A cache that counts what loadStudy asks of it. */
class CountingCache implements StudyCache {
  reads = 0;
  hits = 0;
  writes = 0;
  constructor(readonly inner: StudyCache) {}
  async read(key: string) {
    this.reads++;
    const bytes = await this.inner.read(key);
    if (bytes) this.hits++;
    return bytes;
  }
  async write(key: string, bytes: Uint8Array) {
    this.writes++;
    await this.inner.write(key, bytes);
  }
  async retain(keys: ReadonlySet<string>) {
    await this.inner.retain?.(keys);
  }
}

async function plain(study: DiskStudy): Promise<Study> {
  return loadStudy(fs, study.root);
}

describe('study cache: a cached load is the same study as an uncached one', () => {
  let study: DiskStudy;
  let cacheFolder: string;
  beforeEach(async () => {
    study = await diskStudy();
    cacheFolder = await mkdtemp(join(tmpdir(), 'grounded-cache-store-'));
  });
  afterEach(async () => {
    await study.cleanup();
    await rm(cacheFolder, { recursive: true, force: true });
  });

  const cached = (cache: StudyCache) => loadStudy(fs, study.root, { cache, sha256: nodeSha256 });

  it('cold, warm and uncached loads are deep-equal, and the warm one reads every entry from the cache', async () => {
    const expected = await plain(study);
    // The fixture takes every path: problems of each kind are there to be compared.
    assert.deepEqual([...new Set(expected.problems.map((p) => p.kind))].sort(), [
      'coder-mismatch',
      'needs-review',
      'no-transcript',
      'quote-mismatch',
      'unknown-code',
      'yaml-syntax',
    ]);
    const cache = new CountingCache(new NodeStudyCache(cacheFolder, '1.0.0'));
    assert.deepStrictEqual(await cached(cache), expected);
    assert.equal(cache.hits, 0);
    const written = cache.writes;
    assert.equal(
      written,
      8,
      'settings, codebook, every sidecar that loads and the offsets of both texts are cached; the broken sidecar is not',
    );
    assert.deepStrictEqual(await cached(cache), expected);
    assert.equal(cache.hits, written);
    assert.equal(cache.writes, written, 'a warm load writes nothing');
    // The default pure-JS hash and the native one give the same keys and text hashes.
    assert.deepStrictEqual(
      await loadStudy(fs, study.root, { cache: new NodeStudyCache(cacheFolder, '1.0.0') }),
      expected,
    );
  });

  it('sees an edit that keeps size and mtime (a cache keyed by size and mtime alone would not): sidecar and transcript', async () => {
    const cache = new NodeStudyCache(cacheFolder, '1.0.0');
    await cached(cache);
    // The CLI's stat index too (stat-index.test.ts has the rule itself): the change time gives the edit away.
    const trusting = () => loadStudy(fs, study.root, { cache, sha256: nodeSha256, fileStats: 'trust' });
    await trusting();
    const sidecarPath = 'transcripts/P01.amara.codes.yaml';
    const sidecarText = await readFile(join(study.folder, sidecarPath), 'utf8');
    await study.replaceKeepingStat(sidecarPath, 'code: informal', 'code: burnout!', sidecarText);
    let expected = await plain(study);
    assert.ok(expected.transcripts[0]?.sidecars.some((s) => s.sidecar.codings.some((c) => c.code === 'burnout!')));
    assert.deepStrictEqual(await trusting(), expected);
    assert.deepStrictEqual(await cached(cache), expected);

    // The transcript changes under its codings: re-anchoring must run again, not come from the cache.
    const oldHash = expected.transcripts[0]?.textHash;
    await study.replaceKeepingStat('transcripts/P01.txt', 'How did it start?', 'How did it begin?', P01);
    expected = await plain(study);
    assert.notEqual(expected.transcripts[0]?.textHash, oldHash);
    assert.ok(expected.transcripts[0]?.sidecars.some((s) => s.reanchored));
    assert.deepStrictEqual(await trusting(), expected);
    assert.deepStrictEqual(await cached(cache), expected);
    assert.deepStrictEqual(await cached(cache), expected);
  });

  it('recomputes what depends on the codebook, the file name and the folder, not on the sidecar bytes', async () => {
    const cache = new NodeStudyCache(cacheFolder, '1.0.0');
    await cached(cache);
    await study.write('codebook.yaml', '# c\ngrounded: 1\ncodes:\n  - id: mentor\n    name: Mentor\n');
    assert.deepStrictEqual(await cached(cache), await plain(study));
    await study.write('codebook.yaml', 'grounded: 1\ncodes: [\n');
    assert.deepStrictEqual(await cached(cache), await plain(study));
    // Same bytes under another coder's name: the coder-mismatch problem must follow the name.
    await study.write('transcripts/P01.zoe.codes.yaml', FILES['transcripts/P01.amara.codes.yaml'] as string);
    assert.deepStrictEqual(await cached(cache), await plain(study));
  });

  it('ignores corrupted, truncated, foreign and mislabelled entries, and rewrites them', async () => {
    const store = new MemoryStudyCache();
    const expected = await cached(store);
    const keys = [...store.entries.keys()];
    const [first, second, third, fourth] = keys.map((key) => store.entries.get(key) as Uint8Array);
    assert.ok(first && second && third && fourth);
    // A flipped byte in the payload, a truncation, garbage, and one entry stored under another's key.
    const flipped = first.slice();
    flipped[flipped.length - 5] = (flipped[flipped.length - 5] as number) ^ 0x01;
    store.entries.set(keys[0] as string, flipped);
    store.entries.set(keys[1] as string, second.slice(0, second.length >> 1));
    store.entries.set(keys[2] as string, new TextEncoder().encode('not a cache entry at all'));
    store.entries.set(keys[3] as string, first);
    const counting = new CountingCache(store);
    assert.deepStrictEqual(await cached(counting), expected);
    assert.equal(counting.writes, 4);
    assert.deepStrictEqual(await cached(store), expected);
  });

  it('ignores a settings entry in the shape an earlier build wrote (before relation types and analysis)', async () => {
    // Releases between cache formats share a version string while the parser's output grows: an entry of the
    // older shape must be a miss, or the study loads without the settings' newer members.
    const store = new MemoryStudyCache();
    const expected = await cached(store);
    const key = [...store.entries.keys()].find((k) => k.startsWith('settings')) as string;
    assert.ok(key, 'the settings are cached');
    const current = decodeEntry(key, store.entries.get(key) as Uint8Array, nodeSha256) as Record<string, unknown>;
    assert.ok(Array.isArray(current['relationTypes']));
    for (const missing of ['relationTypes', 'analysis']) {
      const older = { ...current };
      delete older[missing];
      store.entries.set(key, encodeEntry(key, older, nodeSha256));
      assert.deepStrictEqual(await cached(store), expected, `without ${missing}`);
    }
  });

  it('ignores a corrupted entry file on disk, and a cache that fails on every call', async () => {
    const cache = new NodeStudyCache(cacheFolder, '1.0.0');
    const expected = await cached(cache);
    const [name] = await readdir(join(cacheFolder));
    assert.ok(name);
    const bytes = await readFile(join(cacheFolder, name));
    await writeFile(join(cacheFolder, name), Buffer.from(bytes.toString('latin1').replace(/"a1"/, '"a9"'), 'latin1'));
    assert.deepStrictEqual(await cached(cache), expected);
    const failing: StudyCache = {
      read: () => Promise.reject(new Error('disk gone')),
      write: () => Promise.reject(new Error('read-only')),
      retain: () => Promise.reject(new Error('nope')),
    };
    assert.deepStrictEqual(await cached(failing), expected);
  });

  it('prunes entries of files that changed or went away, and of other Grounded versions', async () => {
    await cached(new NodeStudyCache(cacheFolder, '0.9.0'));
    const cache = new NodeStudyCache(cacheFolder, '1.0.0');
    await cached(cache);
    let names = await readdir(cacheFolder);
    assert.equal(names.length, 8);
    assert.ok(names.every((n) => n.startsWith('1.0.0_')));
    await rm(join(study.folder, 'transcripts/P02.amara.codes.yaml'));
    await cached(cache);
    names = await readdir(cacheFolder);
    assert.equal(names.length, 7);
  });
});

describe('NodeStudyCache: one pack per study, loose files for the few entries that changed', () => {
  it('packs a first load, reads a warm load from the pack, keeps an edit loose, survives a damaged pack', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'grounded-pack-'));
    const folder = join(parent, 'study');
    const cacheFolder = join(parent, 'cache');
    try {
      generateStudy(folder, {
        name: 'tiny',
        transcripts: 12,
        codingsPerTranscript: 6,
        surveyRows: 12,
        words: [150, 300],
      });
      const root = pathToUri(folder);
      const load = (cache: StudyCache) => loadStudy(fs, root, { cache, sha256: nodeSha256 });
      const expected = await loadStudy(fs, root);
      assert.deepStrictEqual(await load(new NodeStudyCache(cacheFolder, '1.0.0')), expected);
      assert.deepEqual(await readdir(cacheFolder), ['1.0.0.pack']);
      const stored = await new NodeStudyCache(cacheFolder, '1.0.0').storedKeys();
      assert.equal(stored.length, 38, 'settings, codebook, 24 sidecars and the offsets of 12 texts');

      const warm = new CountingCache(new NodeStudyCache(cacheFolder, '1.0.0'));
      assert.deepStrictEqual(await load(warm), expected);
      assert.equal(warm.hits, 38);
      assert.equal(warm.writes, 0);

      const sidecar = join(folder, 'transcripts', 'P0003.amara.codes.yaml');
      await writeFile(sidecar, (await readFile(sidecar, 'utf8')).replace(/code: (\S+)/, 'code: benefits-1'));
      const edited = await loadStudy(fs, root);
      assert.deepStrictEqual(await load(new NodeStudyCache(cacheFolder, '1.0.0')), edited);
      const names = (await readdir(cacheFolder)).sort();
      assert.equal(names.length, 2);
      assert.equal(names[0], '1.0.0.pack');
      assert.ok(names[1]?.startsWith('1.0.0_sidecar'));
      assert.deepStrictEqual(await load(new NodeStudyCache(cacheFolder, '1.0.0')), edited);

      const pack = await readFile(join(cacheFolder, '1.0.0.pack'));
      await writeFile(join(cacheFolder, '1.0.0.pack'), pack.subarray(0, pack.length - 100));
      assert.deepStrictEqual(await load(new NodeStudyCache(cacheFolder, '1.0.0')), edited);
      const again = new CountingCache(new NodeStudyCache(cacheFolder, '1.0.0'));
      assert.deepStrictEqual(await load(again), edited);
      assert.equal(again.hits, 38, 'the damaged pack was rebuilt');
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
