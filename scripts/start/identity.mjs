// Who is coding, for the workbench `npm start` opens. code-server runs with a scratch HOME, so neither the
// extension nor VS Code's git can see the user's git identity there: it is read here, on the user's side, and
// handed over (see code-server-session.mjs).
import { execFileSync } from 'node:child_process';
import { tsImport } from 'tsx/esm/api';

function gitConfig(key, cwd, env) {
  try {
    const value = execFileSync('git', ['config', key], {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return value === '' ? undefined : value;
  } catch {
    return undefined; // not set (exit 1), or no git
  }
}

/**
 * Who the user is, the way the CLI resolves it: $GROUNDED_CODER, else git's user.name (as git sees it from
 * `cwd`). `coder` is the coder id the extension makes of that name (the same core function); `git` is the
 * user's git name and email when set, for commits made in the workbench. Undefined when nothing says who.
 * @param {{ env?: NodeJS.ProcessEnv, cwd: string }} options
 * @returns {Promise<{ coder: string, from: 'GROUNDED_CODER' | 'git user.name', git?: { name: string, email?: string } } | undefined>}
 */
export async function resolveIdentity({ env = process.env, cwd }) {
  const fromEnv = env.GROUNDED_CODER?.trim();
  const gitName = gitConfig('user.name', cwd, env);
  const name = fromEnv || gitName;
  if (!name) return undefined;
  const { coderIdFrom } = await tsImport('../../src/core/study/ids.ts', import.meta.url);
  const email = gitConfig('user.email', cwd, env);
  return {
    coder: coderIdFrom(name),
    from: fromEnv ? 'GROUNDED_CODER' : 'git user.name',
    ...(gitName ? { git: { name: gitName, ...(email ? { email } : {}) } } : {}),
  };
}
