import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, statSync, symlinkSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanStudy, read, readBytes, run, tempFolder, write } from './helpers';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';

/** cleanStudy with a survey and a memo, so every kind of study file is there. */
function fullStudy(): string {
  const study = cleanStudy();
  write(study, 'survey.csv', 'participant_id,group\nP01,a\nP02,b\n');
  write(study, 'memos/ideas.md', '# Ideas\n\nMentors matter.\n');
  return study;
}

/** Every file below `folder` with its bytes, to compare before and after. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(folder, sub), { withFileTypes: true })) {
      const path = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files.set(path, readBytes(folder, path).toString('base64'));
    }
  };
  walk('');
  return files;
}

describe('output files (-o) never replace study files', () => {
  it('export matrix -o codebook.yaml and report -o a sidecar are refused, exit 2, nothing written', async () => {
    const study = fullStudy();
    const before = snapshot(study);
    const exported = await run(study, ['export', 'matrix', '.', '-o', 'codebook.yaml']);
    assert.equal(exported.code, 2, exported.stderr);
    assert.match(exported.stderr, /refusing to write to codebook\.yaml: it is the study's codebook/);
    const reported = await run(resolve(study, '..'), [
      'report',
      study,
      '-o',
      join(study, 'transcripts/P01.amara.codes.yaml'),
    ]);
    assert.equal(reported.code, 2, reported.stderr);
    assert.match(reported.stderr, /it is a coding file \(sidecar\) of the study/);
    assert.deepEqual(snapshot(study), before);
  });

  it('refuses every kind of study file, by relative path, through a link, and names that would be read as one', async () => {
    const study = fullStudy();
    symlinkSync(join(study, 'codebook.yaml'), join(study, 'link-to-codebook.md'));
    const elsewhere = tempFolder();
    symlinkSync(study, join(elsewhere, 'same-study'));
    const before = snapshot(study);
    const refused: [string, string, RegExp][] = [
      [study, 'grounded.yaml', /settings/],
      [study, 'transcripts/P01.txt', /a transcript/],
      [study, 'transcripts/new.txt', /a transcript of the study \(or would be read as one\)/],
      [study, 'survey.csv', /a survey file/],
      [study, 'memos/ideas.md', /a memo/],
      [study, 'memos/new.md', /a memo/],
      [study, 'transcripts/P02.newcoder.codes.yaml', /sidecar/],
      [join(study, 'transcripts'), '../codebook.yaml', /codebook/],
      [study, 'link-to-codebook.md', /codebook/],
      [elsewhere, 'same-study/codebook.yaml', /codebook/],
    ];
    for (const [cwd, output, why] of refused) {
      const result = await run(cwd, ['report', study, '-o', output]);
      assert.equal(result.code, 2, `${output}: ${result.stderr}`);
      assert.match(result.stderr, why, output);
    }
    assert.deepEqual(snapshot(study), before);
    const allowed = await run(study, ['report', '-o', 'report.md']);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(read(study, 'report.md'), /^# /);
  });

  it('a write that fails half-way (file size limit, like a full disk) leaves the old file whole and no temp file', () => {
    const study = fullStudy();
    write(study, 'report.md', 'the old report\n');
    const script = `require(${JSON.stringify(resolve('src/cli/main.ts'))}).main(['report', '-o', 'report.md']).then((c) => { process.exitCode = c; })`;
    let code = 0;
    let stderr = '';
    try {
      // ulimit -f 1: writes past 1 KiB fail with EFBIG, as they would with ENOSPC; the report is larger.
      execFileSync('bash', ['-c', 'ulimit -f 1; exec node -r "$1" -e "$0"', script, require.resolve('tsx/cjs')], {
        cwd: study,
        stdio: 'pipe',
        env: { ...process.env, GROUNDED_CACHE: 'off' },
      });
    } catch (error) {
      code = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    assert.equal(code, 3, stderr); // a file the system would not let Grounded write
    assert.match(stderr, /could not write report\.md: the file would be larger than this system allows \(EFBIG\)/);
    assert.equal(read(study, 'report.md'), 'the old report\n');
    assert.deepEqual(
      readdirSync(study).filter((name) => new NodeFileSystem().isWriteArtifact(pathToUri(join(study, name)))),
      [],
    );
  });

  it('an output path that is a link: the link stays, the file it points to gets the report', async () => {
    const study = fullStudy();
    const outside = tempFolder();
    write(outside, 'shared-report.md', 'old\n');
    symlinkSync(join(outside, 'shared-report.md'), join(study, 'report.md'));
    assert.equal((await run(study, ['report', '-o', 'report.md'])).code, 0);
    assert.ok(lstatSync(join(study, 'report.md')).isSymbolicLink());
    assert.match(read(outside, 'shared-report.md'), /^# /);
  });

  it('a replaced output file keeps its permissions', async () => {
    const study = fullStudy();
    write(study, 'report.md', 'old\n');
    chmodSync(join(study, 'report.md'), 0o640);
    assert.equal((await run(study, ['report', '-o', 'report.md'])).code, 0);
    assert.equal(statSync(join(study, 'report.md')).mode & 0o777, 0o640);
    assert.match(read(study, 'report.md'), /^# /);
  });
});
