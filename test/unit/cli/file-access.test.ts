import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeFileSystem, pathToUri, uriToPath } from '../../../src/node/node-file-system';
import { FileLockedError } from '../../../src/core/persistence/errors';
import { SETTINGS, cleanStudy, read, run, tempFolder, type RunResult } from './helpers';

type Operation = 'readFile' | 'writeFile' | 'rename' | 'list';

/**
 * The real files, except that one operation on a matching path fails the way Node fails it: an Error with
 * `code` and `syscall`, and `path` only when Node gives one (a write that fills the disk has none). Tests
 * run as root here, which ignores permissions, so EACCES and friends cannot be produced for real.
 */
class FailingFileSystem extends NodeFileSystem {
  constructor(
    private readonly operation: Operation,
    private readonly matches: (path: string) => boolean,
    private readonly code: string,
    private readonly withPath = true,
  ) {
    super();
  }

  private check(operation: Operation, uri: string): void {
    const path = uriToPath(uri);
    if (operation !== this.operation || !this.matches(path)) return;
    const error = new Error(`${this.code}: simulated, ${operation}${this.withPath ? ` '${path}'` : ''}`);
    Object.assign(error, { code: this.code, syscall: operation, ...(this.withPath ? { path } : {}) });
    throw error;
  }

  override async readFile(uri: string): Promise<Uint8Array> {
    this.check('readFile', uri);
    return super.readFile(uri);
  }

  override async writeFile(uri: string, data: Uint8Array): Promise<void> {
    this.check('writeFile', uri);
    return super.writeFile(uri, data);
  }

  /** Writing the new copy fails as 'writeFile' on the file's URI, swapping it in as 'rename'. */
  override async replaceIfUnchanged(uri: string, expected: Uint8Array | undefined, data: Uint8Array): Promise<boolean> {
    this.check('writeFile', uri);
    this.check('rename', uri);
    return super.replaceIfUnchanged(uri, expected, data);
  }

  override async list(uri: string): ReturnType<NodeFileSystem['list']> {
    this.check('list', uri);
    return super.list(uri);
  }
}

const CODE_P01 = ['code', 'transcripts/P01.txt', '--code', 'burnout', '--start', '0', '--end', '11', '--by', 'amara'];

/** A refusal is a message and exit 3, never a stack trace or "unexpected error". */
function assertRefusal(result: RunResult, message: RegExp): void {
  assert.equal(result.code, 3, result.stderr);
  assert.match(result.stderr, message);
  assert.doesNotMatch(result.stderr, /unexpected error|\n\s+at /);
}

function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** Temp and lock files left behind, as the adapter names them. */
function leftoverTemporaryFiles(folder: string): string[] {
  const fs = new NodeFileSystem();
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) =>
    fs.isWriteArtifact(pathToUri(join(folder, name))),
  );
}

describe('files the system will not let Grounded read or write', () => {
  it('EACCES writing a sidecar: names the sidecar, says permission denied and what to do, exit 3', async () => {
    const study = cleanStudy();
    const before = read(study, 'transcripts/P01.amara.codes.yaml');
    const fs = new FailingFileSystem('writeFile', (path) => path.includes('P01.amara'), 'EACCES');
    const result = await run(study, CODE_P01, { fileSystem: fs });
    assertRefusal(
      result,
      /^grounded code: could not write transcripts\/P01\.amara\.codes\.yaml: permission denied \(EACCES\)\n {2}You are not allowed to change it: check the permissions .*P01\.amara\.codes\.yaml itself was not changed\.\n$/,
    );
    assert.equal(read(study, 'transcripts/P01.amara.codes.yaml'), before);
    assert.deepEqual(leftoverTemporaryFiles(study), []);
  });

  it('ENOSPC without a path (as Node reports a full disk): still names the file', async () => {
    const study = cleanStudy();
    const fs = new FailingFileSystem('writeFile', (path) => path.endsWith('P01.amara.codes.yaml'), 'ENOSPC', false);
    const result = await run(study, CODE_P01, { fileSystem: fs });
    assertRefusal(
      result,
      /could not write transcripts\/P01\.amara\.codes\.yaml: the disk is full \(ENOSPC\)\n {2}Free some space/,
    );
  });

  it('EROFS replacing the codebook: says the drive is read-only', async () => {
    const study = cleanStudy();
    const fs = new FailingFileSystem('rename', (path) => path.endsWith('codebook.yaml'), 'EROFS');
    const result = await run(study, ['codebook', 'add', 'isolation'], { fileSystem: fs });
    assertRefusal(result, /^grounded codebook add: could not replace codebook\.yaml: the drive is read-only \(EROFS\)/);
    assert.doesNotMatch(read(study, 'codebook.yaml'), /isolation/);
  });

  it('check: a transcript it cannot read is an error naming it in plain words, and exit 3 (the check is incomplete)', async () => {
    const study = cleanStudy();
    const fs = new FailingFileSystem('readFile', (path) => path.endsWith('P02.txt'), 'EPERM');
    const result = await run(study, ['check'], { fileSystem: fs });
    assert.equal(result.code, 3, result.stdout + result.stderr);
    assert.match(
      result.stdout,
      /^transcripts\/P02\.txt: error: could not read P02\.txt: permission denied \(EPERM\) — You are not allowed to read it/m,
    );
  });

  it('EMFILE listing a folder: names the folder', async () => {
    const study = cleanStudy();
    const fs = new FailingFileSystem('list', (path) => path.endsWith('transcripts'), 'EMFILE');
    const result = await run(study, ['check'], { fileSystem: fs });
    assertRefusal(
      result,
      /could not list the folder transcripts: too many files are open \(EMFILE\)\n {2}Close other programs/,
    );
  });

  it('ELOOP reading the codebook before an edit: the edit is refused, naming it in plain words, exit 3', async () => {
    const study = cleanStudy();
    const fs = new FailingFileSystem('readFile', (path) => path.endsWith('codebook.yaml'), 'ELOOP');
    const result = await run(study, ['codebook', 'add', 'isolation'], { fileSystem: fs });
    assertRefusal(
      result,
      /^codebook\.yaml: error: could not read codebook\.yaml: its path has a loop of symbolic links \(ELOOP\)/,
    );
  });

  it('real EISDIR (root cannot bypass it): a folder where a sidecar would go', async () => {
    const study = cleanStudy();
    mkdirSync(join(study, 'transcripts/P01.carla.codes.yaml'));
    const result = await run(study, [...CODE_P01.slice(0, -1), 'carla']);
    assertRefusal(
      result,
      /could not replace transcripts\/P01\.carla\.codes\.yaml: it is a folder, not a file \(EISDIR\)/,
    );
    assert.deepEqual(leftoverTemporaryFiles(study), []);
  });

  it('real ENOTDIR (root cannot bypass it): grounded.yaml names a codebook under a file', async () => {
    const study = cleanStudy();
    writeFileSync(join(study, 'notes.txt'), 'not a folder\n');
    writeFileSync(join(study, 'grounded.yaml'), SETTINGS + 'codebook: notes.txt/codebook.yaml\n');
    const result = await run(study, ['check']);
    assertRefusal(
      result,
      /^grounded check: could not look at notes\.txt\/codebook\.yaml: part of its path is a file, not a folder \(ENOTDIR\)/,
    );
  });

  it('real EEXIST (root cannot bypass it): report -o into a path under a file', async () => {
    const study = cleanStudy();
    writeFileSync(join(study, 'notes.txt'), 'not a folder\n');
    const result = await run(study, ['report', '-o', 'notes.txt/report.md']);
    assertRefusal(result, /could not write notes\.txt\/report\.md: a file of that name is in the way \(EEXIST\)/);
    assert.equal(read(study, 'notes.txt'), 'not a folder\n');
  });

  it('grounded --help and check --help document exit code 3', async () => {
    const cwd = tempFolder();
    assert.match(
      (await run(cwd, ['--help'])).stdout,
      /Exit codes: 0 ok, 1 problems found, 2 usage error, 3 a file could not be read or written/,
    );
    assert.match((await run(cwd, ['check', '--help'])).stdout, /3 when a file\s+could not be read/);
  });

  it('real EACCES: a read-only folder, with the CLI run as an unprivileged user (root ignores permissions)', async function () {
    this.timeout(60_000);
    if (process.getuid?.() !== 0 || !commandExists('setpriv')) this.skip(); // can only drop privileges as root
    const study = cleanStudy();
    const before = read(study, 'transcripts/P01.amara.codes.yaml');
    chmodSync(study, 0o755); // a temp folder is private to root: let the unprivileged user in, but not write
    chmodSync(join(study, 'transcripts'), 0o555);
    const cli = join(study, 'run-cli.ts');
    writeFileSync(
      cli,
      `import { main } from ${JSON.stringify(join(__dirname, '../../../src/cli/main'))};\n` +
        'void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n',
    );
    const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
    const child = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', tsx, cli, ...CODE_P01], {
      cwd: study,
      encoding: 'utf8',
      env: { ...process.env, HOME: study, TSX_DISABLE_CACHE: '1' },
    });
    const result = { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
    assertRefusal(
      result,
      /^grounded code: could not (?:write|take the write lock of) (?:codebook\.yaml|transcripts\/P01\.amara\.codes\.yaml): permission denied \(EACCES\)\n {2}You are not allowed to change it/,
    );
    assert.equal(read(study, 'transcripts/P01.amara.codes.yaml'), before);
  });

  describe('on a real full disk and a real read-only drive (needs permission to mount)', () => {
    const mounts: string[] = [];

    /** Mounts with `mount`; false when this machine does not allow it (not root, or in a container without CAP_SYS_ADMIN). */
    function tryMount(args: string[], target: string, { remount = false } = {}): boolean {
      try {
        execFileSync('mount', [...args, target], { stdio: 'ignore' });
        if (!remount) mounts.push(target);
        return true;
      } catch {
        return false;
      }
    }

    after(() => {
      for (const target of mounts.reverse()) execFileSync('umount', [target], { stdio: 'ignore' });
    });

    it('ENOSPC on a full 64 KB tmpfs: a message and exit 3, the sidecar unchanged, no temp file left', async function () {
      const disk = tempFolder();
      if (!tryMount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs'], disk)) {
        this.skip(); // mounting is not permitted here: the simulated ENOSPC above covers the message
      }
      cpSync(cleanStudy(), disk, { recursive: true });
      const before = read(disk, 'transcripts/P01.amara.codes.yaml');
      try {
        writeFileSync(join(disk, 'filler'), Buffer.alloc(128 * 1024));
      } catch {
        // the filler stops where the disk is full: that is the point
      }
      const result = await run(disk, CODE_P01);
      // The codebook's lock is taken first (a coding checks its code against the codebook), so either file may be named.
      assertRefusal(
        result,
        /could not (?:write|take the write lock of) (?:codebook\.yaml|transcripts\/P01\.amara\.codes\.yaml): the disk is full \(ENOSPC\)/,
      );
      assert.equal(read(disk, 'transcripts/P01.amara.codes.yaml'), before);
      rmSync(join(disk, 'filler'));
      assert.deepEqual(leftoverTemporaryFiles(disk), []);
    });

    it('EROFS on a read-only bind mount of the study', async function () {
      const study = cleanStudy();
      const readOnly = tempFolder();
      if (!tryMount(['--bind', study], readOnly) || !tryMount(['-o', 'remount,bind,ro'], readOnly, { remount: true })) {
        this.skip(); // mounting is not permitted here: the simulated EROFS above covers the message
      }
      const result = await run(readOnly, CODE_P01);
      assertRefusal(
        result,
        /could not (?:write|take the write lock of) (?:codebook\.yaml|transcripts\/P01\.amara\.codes\.yaml): the drive is read-only \(EROFS\)/,
      );
    });
  });
});

describe('a file another Grounded process keeps busy', () => {
  /** The real files, but every lock is held by someone else (as after 30 s of waiting for another process). */
  class Busy extends NodeFileSystem {
    override async lock(uri: string): Promise<() => Promise<void>> {
      const holder = { pid: 4242, host: 'lab-laptop', tool: 'grounded codebook merge', since: '2026-12-04T10:00:00Z' };
      throw new FileLockedError(uri, `${uri}.lock`, holder, 30_000);
    }
    override async tryLock(): Promise<undefined> {
      return undefined; // held by someone else: not taken at once either
    }
  }

  it('exit 4, names the holder, writes nothing', async () => {
    const study = cleanStudy();
    const before = read(study, 'transcripts/P01.amara.codes.yaml');
    const result = await run(study, CODE_P01, { fileSystem: new Busy() });
    assert.equal(result.code, 4, result.stderr);
    assert.match(
      result.stderr,
      /is being changed by grounded codebook merge \(process 4242 on lab-laptop, since 2026-12-04T10:00:00Z\); waited 30 s and wrote nothing/,
    );
    assert.doesNotMatch(result.stderr, /unexpected error|\n\s+at /);
    assert.equal(read(study, 'transcripts/P01.amara.codes.yaml'), before);
  });
});
