// The study `npm start` opens: a copy of examples/mentorship-study that is a git repository of its own with one
// commit, so coding in it never touches the repository's example (which the unit tests compare byte for byte),
// and Source Control and `git diff` there show a researcher's first coding as a change.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';

/** Author of the copy's first commit: fixed, so the copy works whether or not git knows who the user is. */
const COMMIT_IDENTITY = ['-c', 'user.name=Grounded', '-c', 'user.email=example-study@grounded.invalid'];

function git(cwd, args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A folder holding a git repository at its root (not one inherited from a parent folder). */
function isOwnRepository(folder) {
  if (!existsSync(path.join(folder, '.git'))) return false;
  try {
    return path.resolve(git(folder, ['rev-parse', '--show-toplevel']).trim()) === path.resolve(folder);
  } catch {
    return false;
  }
}

/** "mentorship-study.previous-2026-12-04T17-10-00" beside the copy: a name no earlier move has taken. */
function asideName(target) {
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  for (let n = 1; ; n++) {
    const candidate = `${target}.previous-${stamp}${n > 1 ? `-${n}` : ''}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Makes `target` a copy of `source` committed in a repository of its own, or reuses the copy already there, so
 * a second `npm start` finds the codings made in the first. `fresh` starts over: the previous copy is moved
 * aside (never deleted: it may hold a researcher's codings), and its new name is returned as `movedAside`.
 * A folder at `target` that is not such a copy is left alone and refused.
 * @param {{ source: string, target: string, fresh?: boolean }} options
 * @returns {{ folder: string, reused: boolean, movedAside?: string }}
 */
export function prepareStudyCopy({ source, target, fresh = false }) {
  if (!existsSync(path.join(source, 'grounded.yaml'))) throw new Error(`${source} is not a Grounded study`);
  let movedAside;
  if (existsSync(target)) {
    if (!isOwnRepository(target) || !existsSync(path.join(target, 'grounded.yaml')))
      throw new Error(
        `${target} exists but is not a copy made by npm start (no grounded.yaml or no git repository of its own): ` +
          'move it away or pass another folder',
      );
    if (!fresh) return { folder: target, reused: true };
    movedAside = asideName(target);
    renameSync(target, movedAside);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true });
  git(target, ['init', '-q', '-b', 'main']);
  git(target, ['add', '-A']);
  git(target, [
    ...COMMIT_IDENTITY,
    '-c',
    'commit.gpgsign=false',
    'commit',
    '-q',
    '--no-verify',
    '-m',
    `The example study, copied from ${path.basename(source)}`,
  ]);
  return { folder: target, reused: false, ...(movedAside ? { movedAside } : {}) };
}
