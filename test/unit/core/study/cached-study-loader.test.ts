import assert from 'node:assert/strict';
import { MemoryStudyCache } from '../../../../src/core/study/cache/study-cache';
import { CachedStudyLoader } from '../../../../src/core/study/cached-study-loader';
import type { Study } from '../../../../src/core/study/study';
import { CODEBOOK, TRANSCRIPT, memoryFixture, type Fixture } from '../helpers';
import { writeCodings } from './scheduler-harness';

const P01 = 'transcripts/P01.txt';
const P02 = 'transcripts/P02.txt';

/** A memory cache that counts what it had to store (what a load parsed instead of finding). */
class CountingCache extends MemoryStudyCache {
  writes = 0;
  override async write(key: string, bytes: Uint8Array): Promise<void> {
    this.writes++;
    return super.write(key, bytes);
  }
}

describe('CachedStudyLoader', () => {
  let fixture: Fixture;
  let cache: CountingCache;
  let loader: CachedStudyLoader;
  let study: Study;

  const code = (path: string, ids: readonly string[]) => writeCodings(fixture, path, ids);

  async function reload(...paths: string[]): Promise<Study> {
    const reloaded = await loader.reloadTranscripts(fixture.root, study, paths.map(fixture.uri));
    assert.ok(reloaded, 'the partial reload applied');
    return (study = reloaded);
  }

  beforeEach(async () => {
    fixture = await memoryFixture({
      'codebook.yaml': CODEBOOK,
      [P01]: TRANSCRIPT.replace(/P07/g, 'P01'),
      [P02]: TRANSCRIPT.replace(/P07/g, 'P02'),
    });
    await code(P01, ['a1']);
    await code(P02, ['b1']);
    cache = new CountingCache();
    loader = new CachedStudyLoader(fixture.fs, undefined, () => cache);
    study = await loader.load(fixture.root);
  });

  afterEach(() => fixture.cleanup());

  it("a transcript's partial reloads drop the older versions of its sidecars: memory does not grow", async () => {
    await code(P01, ['a1', 'a2']);
    await reload(P01);
    const size = cache.entries.size;
    for (const id of ['a3', 'a4', 'a5']) {
      await code(P01, ['a1', 'a2', id]);
      await reload(P01);
    }
    assert.equal(cache.entries.size, size);
  });

  it('a partial reload of several transcripts at once drops nothing the others still use', async () => {
    await code(P01, ['a1', 'a2']);
    await code(P02, ['b1', 'b2']);
    await reload(P01, P02);
    await code(P01, ['a1', 'a3']);
    await reload(P01);
    cache.writes = 0;
    const unchanged = study;
    assert.equal(await reload(P02), unchanged, 'P02 loads as before');
    assert.equal(cache.writes, 0, "P02's sidecar came from the cache, not parsed again");
  });
});
