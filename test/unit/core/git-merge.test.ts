import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { addCodings, removeCodings, type TranscriptRef } from '../../../src/core/study/coding-operations';
import { loadStudy } from '../../../src/core/study/load-study';
import { codebookEdits, editCodebook } from '../../../src/core/study/codebook-operations';
import { decodeCanonical } from '../../../src/core/text/canonical';
import { hashText } from '../../../src/core/text/hash';
import { joinUri } from '../../../src/core/uri';
import { CODEBOOK, TRANSCRIPT, rangeOf } from './helpers';

/** Git with no user or system configuration, so the test behaves the same on every machine. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Test Coder',
      '-c',
      'user.email=coder@example.invalid',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'core.autocrlf=false',
      '-c',
      'init.defaultBranch=main',
      '-c',
      'merge.conflictStyle=merge',
      ...args,
    ],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Two interviews, so there is room for codings in many places. */
const P07 =
  TRANSCRIPT +
  [
    'Interviewer: Who would you call a mentor today?',
    '',
    'P07: Probably the attending. She checked in every few weeks, even after I rotated off trauma.',
    '',
    'Interviewer: And the program?',
    '',
    'P07: They should let residents choose. Give us names, let us have coffee with them, and then choose.',
    '',
  ].join('\n');

const q = (quote: string, occurrence = 0) => rangeOf(P07, quote, occurrence);

describe('two coders, real git: plain git merge never conflicts on codings', function () {
  this.timeout(60000);
  let dir: string;
  let root: string;
  const fs = new NodeFileSystem();
  let transcript: TranscriptRef;

  async function ref(): Promise<TranscriptRef> {
    const uri = joinUri(root, 'transcripts/P07.txt');
    const text = decodeCanonical(await fs.readFile(uri));
    return { uri, text, textHash: hashText(text) };
  }

  function commitAll(message: string): void {
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', message);
  }

  /** `git merge` with the default strategy; fails the test on a conflict, with git's output. */
  function merge(branch: string): void {
    try {
      git(dir, 'merge', '--no-edit', '-q', branch);
    } catch (error) {
      const status = git(dir, 'status', '--porcelain');
      assert.fail(
        `git merge ${branch} conflicted:\n${status}\n${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`,
      );
    }
    assert.equal(git(dir, 'status', '--porcelain'), '', 'a clean tree after the merge');
  }

  async function codingIds(): Promise<Record<string, string[]>> {
    const study = await loadStudy(fs, root);
    assert.deepEqual(study.problems, [], 'the merged study loads with no problems');
    const result: Record<string, string[]> = {};
    for (const t of study.transcripts) {
      for (const s of t.sidecars) {
        assert.equal(s.reanchored, false);
        for (const c of s.sidecar.codings)
          assert.equal(c.quote, [...t.text].slice(c.start, c.end).join(''), `${c.id} quote matches its offsets`);
        result[s.coder] = s.sidecar.codings.map((c) => c.id).sort();
      }
    }
    return result;
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grounded-git-'));
    root = pathToUri(dir);
    git(dir, 'init', '-q');
    await writeFile(join(dir, 'codebook.yaml'), CODEBOOK);
    await fs.writeFile(joinUri(root, 'transcripts/P07.txt'), new TextEncoder().encode(P07));
    transcript = await ref();
    await addCodings(fs, transcript, 'amara', [
      { id: 'a-base-1', code: 'assigned-mentor', ...q('My assigned mentor was a chief') },
      { id: 'a-base-2', code: 'informal-mentor', ...q('An attending stayed after rounds') },
      { id: 'a-base-3', code: 'burnout', ...q('close to burning out') },
      { id: 'a-base-4', code: 'mentoring', ...q('Probably the attending') },
      { id: 'a-base-5', code: 'mentoring', ...q('let residents choose') },
    ]);
    commitAll('study with amara’s first codings');
  });

  afterEach(() => rm(dir, { recursive: true, force: true, maxRetries: 3 }));

  it('amara on branch a, jonas on branch b (overlapping her passages): merges cleanly, every coding loads', async () => {
    git(dir, 'checkout', '-q', '-b', 'a');
    await addCodings(fs, transcript, 'amara', [
      { id: 'a-1', code: 'burnout', ...q('sleeping four hours') },
      { id: 'a-2', code: 'mentoring', ...q('She checked in every few weeks') },
    ]);
    commitAll('amara codes more');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'checkout', '-q', '-b', 'b');
    await addCodings(fs, transcript, 'jonas', [
      { id: 'j-1', code: 'assigned-mentor', ...q('My assigned mentor was a chief I had never met') }, // overlaps a-base-1
      { id: 'j-2', code: 'burnout', ...q('close to burning out, sleeping four hours') }, // overlaps a-base-3 and a-1
      { id: 'j-3', code: 'mentoring', ...q('every few weeks, even after I rotated off trauma') }, // overlaps a-2
    ]);
    commitAll('jonas codes');
    git(dir, 'checkout', '-q', 'main');
    merge('a');
    merge('b');
    assert.deepEqual(await codingIds(), {
      amara: ['a-1', 'a-2', 'a-base-1', 'a-base-2', 'a-base-3', 'a-base-4', 'a-base-5'],
      jonas: ['j-1', 'j-2', 'j-3'],
    });
  });

  it('both coders add to their own existing sidecars on two branches: merges cleanly', async () => {
    await addCodings(fs, transcript, 'jonas', [{ id: 'j-base', code: 'burnout', ...q('skipping meals') }]);
    commitAll('jonas starts');
    git(dir, 'checkout', '-q', '-b', 'amara-work');
    await addCodings(fs, transcript, 'amara', [{ id: 'a-1', code: 'burnout', ...q('skipping meals') }]);
    await removeCodings(fs, transcript, 'amara', new Set(['a-base-4']));
    commitAll('amara');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'checkout', '-q', '-b', 'jonas-work');
    await addCodings(fs, transcript, 'jonas', [
      { id: 'j-1', code: 'assigned-mentor', ...q('My assigned mentor') },
      { id: 'j-2', code: 'mentoring', ...q('They should let residents choose') },
    ]);
    commitAll('jonas');
    // Merge in either order: both branches into main.
    git(dir, 'checkout', '-q', 'main');
    merge('jonas-work');
    merge('amara-work');
    assert.deepEqual(await codingIds(), {
      amara: ['a-1', 'a-base-1', 'a-base-2', 'a-base-3', 'a-base-5'],
      jonas: ['j-1', 'j-2', 'j-base'],
    });
  });

  it('amara edits different places of her own sidecar on main and on a branch: merges cleanly', async () => {
    git(dir, 'checkout', '-q', '-b', 'later');
    // On the branch: codings late in the transcript, between her existing ones.
    await addCodings(fs, transcript, 'amara', [
      { id: 'a-late-1', code: 'mentoring', ...q('She checked in every few weeks') },
      { id: 'a-late-2', code: 'burnout', ...q('skipping meals') },
    ]);
    commitAll('amara, later passages');
    git(dir, 'checkout', '-q', 'main');
    // On main: codings early in the transcript, and one existing coding removed.
    await addCodings(fs, transcript, 'amara', [
      { id: 'a-early', code: 'mentoring', ...q('How were you assigned a mentor?') },
    ]);
    await removeCodings(fs, transcript, 'amara', new Set(['a-base-2']));
    commitAll('amara, early passages');
    merge('later');
    assert.deepEqual(await codingIds(), {
      amara: ['a-base-1', 'a-base-3', 'a-base-4', 'a-base-5', 'a-early', 'a-late-1', 'a-late-2'],
    });
    const log = git(dir, 'log', '--oneline', '--merges');
    assert.equal(log.trim().split('\n').length, 1, 'a real (non-fast-forward) merge happened');
  });

  it('codebook additions by two coders on two branches merge cleanly too', async () => {
    const codebookUri = joinUri(root, 'codebook.yaml');
    git(dir, 'checkout', '-q', '-b', 'x');
    await editCodebook(fs, codebookUri, (c) =>
      codebookEdits.add(c, 'coffee', { name: 'Coffee with mentors', parent: 'mentoring' }),
    );
    commitAll('add coffee');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'checkout', '-q', '-b', 'y');
    await editCodebook(fs, codebookUri, (c) => codebookEdits.add(c, 'sleep', { name: 'Sleep' }));
    commitAll('add sleep');
    git(dir, 'checkout', '-q', 'main');
    merge('x');
    merge('y');
    const study = await loadStudy(fs, root);
    assert.deepEqual(study.problems, []);
    assert.deepEqual(
      study.codebook.codes.map((c) => c.id),
      ['assigned-mentor', 'burnout', 'coffee', 'informal-mentor', 'mentoring', 'sleep'],
    );
  });
});
