// `npm start`'s launcher pieces (scripts/start/): the copy of the example study it opens, and the identity it
// hands to the workbench. The UI test (scripts/vscode-test/ui-test.mjs) runs them end to end in code-server.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = path.resolve(__dirname, '../../..');
const example = path.join(repoRoot, 'examples/mentorship-study');

interface StudyCopy {
  folder: string;
  reused: boolean;
  movedAside?: string;
}
interface Identity {
  coder: string;
  from: 'GROUNDED_CODER' | 'git user.name';
  git?: { name: string; email?: string };
}
interface Launcher {
  prepareStudyCopy(options: { source: string; target: string; fresh?: boolean }): StudyCopy;
  resolveIdentity(options: { env?: NodeJS.ProcessEnv; cwd: string }): Promise<Identity | undefined>;
}

/** The launcher's ES modules, loaded the way start.mjs loads them. */
async function launcher(): Promise<Launcher> {
  const load = (file: string) => import(pathToFileURL(path.join(repoRoot, 'scripts/start', file)).href);
  const [copy, identity] = await Promise.all([load('study-copy.mjs'), load('identity.mjs')]);
  return { prepareStudyCopy: copy.prepareStudyCopy, resolveIdentity: identity.resolveIdentity };
}

function tree(folder: string, skip = new Set(['.git'])): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(folder, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(folder);
  return files;
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });

describe('npm start: the copy of the example study', () => {
  let parent: string;
  beforeEach(() => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'grounded-first-run-'));
  });

  it('is a repository of its own with one commit holding the example byte for byte, which stays as it was', async () => {
    const { prepareStudyCopy } = await launcher();
    const exampleBefore = tree(example);
    const target = path.join(parent, 'playground/mentorship-study');

    const copy = prepareStudyCopy({ source: example, target });

    assert.deepEqual(copy, { folder: target, reused: false });
    assert.equal(git(target, 'rev-parse', '--show-toplevel').trim(), target);
    assert.equal(git(target, 'rev-list', '--count', 'HEAD').trim(), '1');
    assert.equal(git(target, 'status', '--porcelain'), '');
    assert.deepEqual(tree(target), exampleBefore);
    assert.deepEqual(tree(example), exampleBefore);
  });

  it('is reused by the next start, codings and all; a new sidecar shows in git status', async () => {
    const { prepareStudyCopy } = await launcher();
    const target = path.join(parent, 'mentorship-study');
    prepareStudyCopy({ source: example, target });
    writeFileSync(path.join(target, 'transcripts/P07.ana.codes.yaml'), 'codings: []\n');

    const again = prepareStudyCopy({ source: example, target });

    assert.deepEqual(again, { folder: target, reused: true });
    assert.equal(git(target, 'status', '--porcelain'), '?? transcripts/P07.ana.codes.yaml\n');
  });

  it('--fresh moves the previous copy aside, with its codings, and makes a new one', async () => {
    const { prepareStudyCopy } = await launcher();
    const target = path.join(parent, 'mentorship-study');
    prepareStudyCopy({ source: example, target });
    writeFileSync(path.join(target, 'transcripts/P07.ana.codes.yaml'), 'codings: []\n');

    const fresh = prepareStudyCopy({ source: example, target, fresh: true });

    assert.equal(fresh.reused, false);
    assert.ok(fresh.movedAside, 'the previous copy is moved, not deleted');
    assert.match(path.basename(fresh.movedAside), /^mentorship-study\.previous-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d$/);
    assert.equal(readFileSync(path.join(fresh.movedAside, 'transcripts/P07.ana.codes.yaml'), 'utf8'), 'codings: []\n');
    assert.equal(git(target, 'status', '--porcelain'), '');
    assert.equal(existsSync(path.join(target, 'transcripts/P07.ana.codes.yaml')), false);
  });

  it('refuses a folder in the way that it did not make, and leaves it alone', async () => {
    const { prepareStudyCopy } = await launcher();
    const target = path.join(parent, 'mentorship-study');
    mkdirSync(target);
    writeFileSync(path.join(target, 'notes.txt'), 'mine\n');

    for (const fresh of [false, true])
      assert.throws(() => prepareStudyCopy({ source: example, target, fresh }), /is not a copy made by npm start/);

    assert.deepEqual(readdirSync(target), ['notes.txt']);
    assert.deepEqual(readdirSync(parent), ['mentorship-study']);
  });
});

describe('npm start: who is coding', () => {
  /** A machine whose only git configuration is `config` (no system config, a scratch HOME). */
  function machine(config: string | undefined, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const home = mkdtempSync(path.join(os.tmpdir(), 'grounded-first-run-home-'));
    const gitConfig = path.join(home, '.gitconfig');
    if (config !== undefined) writeFileSync(gitConfig, config);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      GIT_CONFIG_GLOBAL: gitConfig,
      GIT_CONFIG_NOSYSTEM: '1',
      ...extra,
    };
    if (!('GROUNDED_CODER' in extra)) delete env['GROUNDED_CODER'];
    return env;
  }

  it("takes git's user.name as the coder id the extension makes of it, and keeps name and email for commits", async () => {
    const { resolveIdentity } = await launcher();
    const env = machine("[user]\n\tname = Amara N'Diaye\n\temail = amara@example.invalid\n");
    assert.deepEqual(await resolveIdentity({ env, cwd: os.tmpdir() }), {
      coder: 'amara-ndiaye',
      from: 'git user.name',
      git: { name: "Amara N'Diaye", email: 'amara@example.invalid' },
    });
  });

  it('lets GROUNDED_CODER win over git, as the CLI does', async () => {
    const { resolveIdentity } = await launcher();
    const env = machine('[user]\n\tname = Amara\n', { GROUNDED_CODER: 'Søren Ødegård' });
    const identity = await resolveIdentity({ env, cwd: os.tmpdir() });
    assert.equal(identity?.coder, 'søren-ødegard');
    assert.equal(identity?.from, 'GROUNDED_CODER');
    assert.deepEqual(identity?.git, { name: 'Amara' });
  });

  it('knows nobody without GROUNDED_CODER and git user.name (the extension then asks)', async () => {
    const { resolveIdentity } = await launcher();
    assert.equal(await resolveIdentity({ env: machine(undefined), cwd: os.tmpdir() }), undefined);
  });
});
