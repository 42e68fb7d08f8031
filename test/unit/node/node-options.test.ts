import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeStudyCache, nodeLoadOptions, nodeSha256, userCacheFolder } from '../../../src/node/node-study-cache';
import { hashBytes } from '../../../src/core/text/hash';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { diskStudy } from '../support/disk-study';

describe('study cache in Node and the CLI', () => {
  it('uses the platform cache folder from the environment, or none', () => {
    assert.equal(userCacheFolder({}, 'linux'), undefined);
    assert.equal(userCacheFolder({ HOME: '/home/me' }, 'linux'), join('/home/me', '.cache', 'grounded'));
    assert.equal(userCacheFolder({ HOME: '/home/me', XDG_CACHE_HOME: '/xdg' }, 'linux'), join('/xdg', 'grounded'));
    assert.equal(userCacheFolder({ HOME: '/Users/me' }, 'darwin'), join('/Users/me', 'Library', 'Caches', 'grounded'));
    assert.equal(
      userCacheFolder({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'win32'),
      join('C:\\Users\\me\\AppData\\Local', 'grounded', 'Cache'),
    );
    assert.equal(userCacheFolder({ HOME: '/home/me', GROUNDED_CACHE_DIR: '/elsewhere' }, 'linux'), '/elsewhere');
  });

  it('passes the native hash always and the cache unless switched off; one folder per study path', () => {
    assert.equal(nodeLoadOptions('/s', {}, '1').cache, undefined);
    assert.equal(nodeLoadOptions('/s', { HOME: '/h', GROUNDED_CACHE: 'off' }, '1').cache, undefined);
    assert.equal(nodeLoadOptions('/s', { HOME: '/h' }, '1').fileStats, 'trust');
    assert.equal(
      nodeLoadOptions('/s', { HOME: '/h', GROUNDED_CACHE: 'verify' }, '1').fileStats,
      'record',
      'verify: read and hash every file',
    );
    assert.ok(nodeLoadOptions('/s', { HOME: '/h', GROUNDED_CACHE: 'verify' }, '1').cache);
    const a = nodeLoadOptions('/studies/a', { HOME: '/h' }, '1').cache as NodeStudyCache;
    const b = nodeLoadOptions('/other/a', { HOME: '/h' }, '1').cache as NodeStudyCache;
    assert.ok(a.folder.startsWith(join('/h', '.cache', 'grounded', 'studies', 'a-')));
    assert.notEqual(a.folder, b.folder);
    const bytes = new TextEncoder().encode('Interviewer: ünïcode 🙂\n');
    assert.equal('sha256:' + nodeSha256(bytes), hashBytes(bytes));
  });

  it('the CLI loads through the cache: entries appear, and a second run gives the same output', async () => {
    const study = await diskStudy();
    const cacheDir = await mkdtemp(join(tmpdir(), 'grounded-cli-cache-'));
    try {
      const runCli = async (argv: string[]) => {
        let stdout = '';
        let stderr = '';
        const io: CliIo = {
          stdout: (t) => (stdout += t),
          stderr: (t) => (stderr += t),
          cwd: study.folder,
          env: { GROUNDED_CACHE_DIR: cacheDir },
          gitUserName: () => undefined,
          now: () => 0,
        };
        const code = await main(argv, io);
        return { code, stdout, stderr };
      };
      const first = await runCli(['codes', '--json']);
      const [studyFolder] = await readdir(join(cacheDir, 'studies'));
      assert.ok(studyFolder);
      assert.equal(
        (await readdir(join(cacheDir, 'studies', studyFolder))).length,
        9,
        'settings, codebook, 4 sidecars, 2 texts and the stat index',
      );
      assert.deepEqual(await runCli(['codes', '--json']), first);
    } finally {
      await study.cleanup();
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
