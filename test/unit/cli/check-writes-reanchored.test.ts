import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { sidecarCodec, type Coding } from '../../../src/core/index';
import { Arguments } from '../../../src/cli/command';
import { checkCommand } from '../../../src/cli/commands/check';
import type { CliIo } from '../../../src/cli/io';
import { Output } from '../../../src/cli/output';
import { NodeFileSystem, uriToPath } from '../../../src/node/node-file-system';
import { codePointSlice, copyToTemp, offsetOf, read, readBytes, run, runJson, write } from './helpers';

/**
 * `grounded check` writes the sidecars it re-anchors, and says "written" only when it did. A coding whose
 * offsets no longer fit its quote while the transcript's hash is unchanged (a hand edit, or a clean git merge
 * of one branch's transcript edit with another branch's new coding) used to be reported as re-anchored and
 * written on every run while the file stayed as it was.
 */

const EXAMPLE = join(__dirname, '..', '..', '..', 'examples', 'mentorship-study');
const SIDECAR = 'transcripts/P04.jonas.codes.yaml';
const TRANSCRIPT = 'transcripts/P04.txt';

interface CheckJson {
  problems: { file: string; kind: string; severity: string }[];
  reanchored: { file: string; written: boolean }[];
}

function codingsOf(study: string, path: string): readonly Coding[] {
  const parsed = sidecarCodec.parse(path, read(study, path));
  assert.ok(parsed.ok, `${path} does not parse`);
  return parsed.value.codings;
}

/** Every coding without a status is exactly its quote in the transcript. */
function assertConsistent(study: string, path: string, transcript: string): void {
  const text = read(study, transcript);
  for (const coding of codingsOf(study, path)) {
    if (coding.status !== undefined) continue;
    assert.equal(codePointSlice(text, coding.start, coding.end), coding.quote, `coding ${coding.id} in ${path}`);
  }
}

describe('grounded check writes what it re-anchors', function () {
  this.timeout(60000);

  it('writes a coding whose offsets no longer fit its quote (same transcript), and a second check is clean', async () => {
    const study = copyToTemp(EXAMPLE);
    const original = read(study, SIDECAR);
    const [first] = codingsOf(study, SIDECAR);
    assert.ok(first);
    // Offsets moved by five, the quote and the hash left alone.
    write(
      study,
      SIDECAR,
      original.replace(
        `start: ${first.start}\n    end: ${first.end}\n`,
        `start: ${first.start + 5}\n    end: ${first.end + 5}\n`,
      ),
    );
    const broken = readBytes(study, SIDECAR);

    const dryRun = await run(study, ['check', '--dry-run']);
    assert.match(dryRun.stdout, /codings whose offsets do not fit their quote would be re-anchored/);
    assert.doesNotMatch(dryRun.stdout, /changed since these codings were anchored/, 'the transcript did not change');
    assert.deepEqual(readBytes(study, SIDECAR), broken);

    const result = await runJson<CheckJson>(study, ['check']);
    assert.equal(result.code, 1, 'the quote mismatch is reported');
    assert.deepEqual(
      result.data.problems.map((p) => [p.kind, p.file]),
      [['quote-mismatch', SIDECAR]],
    );
    assert.deepEqual(result.data.reanchored, [{ ...result.data.reanchored[0], file: SIDECAR, written: true }]);
    assert.notDeepEqual(readBytes(study, SIDECAR), broken, 'the file really changed');
    assert.equal(read(study, SIDECAR), original, 'back to the offsets of the quote, byte for byte');

    const again = await run(study, ['check']);
    assert.equal(again.code, 0, again.stdout);
    assert.doesNotMatch(again.stdout, /re-anchored|quote-mismatch/);
  });

  it('says "not written", and why, when the file was brought up to date between loading and writing', async () => {
    // What another process (a second check, the extension) may do meanwhile: write the re-anchored sidecar.
    const upToDate = copyToTemp(EXAMPLE);
    write(upToDate, TRANSCRIPT, 'Revised transcript.\n' + read(upToDate, TRANSCRIPT));
    await run(upToDate, ['check']);
    const study = copyToTemp(EXAMPLE);
    write(study, TRANSCRIPT, read(upToDate, TRANSCRIPT));
    const sidecarPath = join(study, SIDECAR);
    let reads = 0;
    class MeanwhileUpdated extends NodeFileSystem {
      override async readFile(uri: string): Promise<Uint8Array> {
        if (uriToPath(uri) === sidecarPath && ++reads === 2) write(study, SIDECAR, read(upToDate, SIDECAR));
        return super.readFile(uri);
      }
    }
    let stdout = '';
    const io: CliIo = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stdout += text),
      cwd: study,
      env: {},
      gitUserName: () => undefined,
      now: () => performance.now(),
    };
    const out = new Output(io, false);
    await checkCommand.run({ io, out, fs: new MeanwhileUpdated({ blocking: true }) }, new Arguments([], {}));
    // The write path reads while it takes the lock, and once more under it before it says it writes nothing.
    assert.equal(reads, 3, 'loaded, then read by the write path ahead of its lock and under it');
    assert.match(stdout, new RegExp(`${SIDECAR.replace(/\./g, '\\.')}: not written: the file on disk no longer needs`));
    assert.match(stdout, /, 1 of 2 re-anchored sidecar\(s\) written/);
    assert.equal(read(study, SIDECAR), read(upToDate, SIDECAR));
  });

  it('never says "written" for a sidecar it did not write', async () => {
    const study = copyToTemp(EXAMPLE);
    write(study, TRANSCRIPT, 'Revised transcript.\n' + read(study, TRANSCRIPT));
    const result = await run(study, ['check']);
    const written = result.stdout.match(/(\d+) of (\d+) re-anchored sidecar\(s\) written/);
    assert.ok(written, result.stdout);
    assert.deepEqual([written[1], written[2]], ['2', '2']);
    assertConsistent(study, SIDECAR, TRANSCRIPT);
    assertConsistent(study, 'transcripts/P04.amara.codes.yaml', TRANSCRIPT);
    assert.equal((await run(study, ['check'])).code, 0);
  });

  it('after a clean git merge of a transcript edit with a new coding, one check fixes the coding for good', async () => {
    const study = copyToTemp(EXAMPLE);
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        [
          '-c',
          'user.name=Test',
          '-c',
          'user.email=test@example.invalid',
          '-c',
          'commit.gpgsign=false',
          '-c',
          'core.autocrlf=false',
          '-c',
          'init.defaultBranch=main',
          ...args,
        ],
        {
          cwd: study,
          encoding: 'utf8',
          env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'study');

    // Branch "transcript": a line added at the top of P04, codings re-anchored by check.
    git('checkout', '-q', '-b', 'transcript');
    write(study, TRANSCRIPT, '[Transcript checked against the recording]\n' + read(study, TRANSCRIPT));
    await run(study, ['check']);
    git('commit', '-q', '-am', 'transcript edit');

    // Branch "coding", from the study as it was: jonas codes a passage of the old text.
    git('checkout', '-q', 'main');
    git('checkout', '-q', '-b', 'coding');
    const passage = 'Mentoring helps you grow, sponsoring gets you promoted.';
    const start = offsetOf(read(study, TRANSCRIPT), passage);
    const coded = await run(study, [
      'code',
      TRANSCRIPT,
      '--code',
      'sponsorship',
      '--start',
      String(start),
      '--end',
      String(start + passage.length),
      '--by',
      'jonas',
    ]);
    assert.equal(coded.code, 0, coded.stdout + coded.stderr);
    git('commit', '-q', '-am', 'new coding');

    git('checkout', '-q', 'transcript');
    git('merge', '-q', '--no-edit', 'coding'); // throws on a conflict
    const merged = codingsOf(study, SIDECAR).find((c) => c.quote === passage);
    assert.ok(merged, 'the merge kept the new coding');
    assert.notEqual(codePointSlice(read(study, TRANSCRIPT), merged.start, merged.end), passage, 'stale offsets');

    const first = await runJson<CheckJson>(study, ['check']);
    assert.deepEqual(
      first.data.problems.map((p) => [p.kind, p.file]),
      [['quote-mismatch', SIDECAR]],
    );
    assert.deepEqual(
      first.data.reanchored.map((r) => [r.file, r.written]),
      [[SIDECAR, true]],
    );
    const fixed = codingsOf(study, SIDECAR).find((c) => c.id === merged.id);
    assert.ok(fixed);
    assert.equal(fixed.status, undefined, 'an exact quote in its own context anchors cleanly');
    assert.equal(codePointSlice(read(study, TRANSCRIPT), fixed.start, fixed.end), passage);
    assertConsistent(study, SIDECAR, TRANSCRIPT);

    const second = await run(study, ['check']);
    assert.equal(second.code, 0, second.stdout);
    assert.equal(git('status', '--porcelain', '--untracked-files=no').includes('P04.jonas'), true, 'changed on disk');
  });
});
