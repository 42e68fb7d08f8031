// The browser workbench `npm start` opens (and the UI test drives the same way): code-server with a scratch
// HOME and user-data folder, the extension under development loaded, and the user's identity handed over.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startCodeServer, workbenchUrl } from '../vscode-test/workbench.mjs';

/**
 * User settings of the scratch workbench. `grounded.coder` carries the identity read on the user's side,
 * since the extension cannot see the user's git config from the scratch HOME; without an identity it is left
 * unset, so the extension asks. The study copy is a repository of its own: VS Code never needs to offer a
 * repository in a parent folder.
 * @param {{ coder: string } | undefined} identity
 */
export function firstRunSettings(identity) {
  return {
    ...(identity ? { 'grounded.coder': identity.coder } : {}),
    'git.openRepositoryInParentFolders': 'never',
  };
}

/** git in the scratch HOME commits as the user (VS Code's Source Control view runs it there). */
function writeGitConfig(home, git) {
  if (!git) return;
  const quote = (value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = ['[user]', `\tname = ${quote(git.name)}`];
  if (git.email) lines.push(`\temail = ${quote(git.email)}`);
  writeFileSync(path.join(home, '.gitconfig'), `${lines.join('\n')}\n`);
}

/**
 * Starts code-server on `folder` with the extension at `extensionDevelopmentPath`. `settings` are added to
 * (and win over) the first-run settings. Returns the server and the URL to open.
 * @param {{ scratch: ReturnType<typeof import('../vscode-test/workbench.mjs').createScratch>, folder: string,
 *   extensionDevelopmentPath: string, identity?: Awaited<ReturnType<typeof import('./identity.mjs').resolveIdentity>>,
 *   settings?: Record<string, unknown>, port?: number, logFile?: string }} options
 */
export async function startFirstRunWorkbench({
  scratch,
  folder,
  extensionDevelopmentPath,
  identity,
  settings = {},
  port,
  logFile,
}) {
  const userDir = scratch.dir('code-server/user-data/User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(
    path.join(userDir, 'settings.json'),
    `${JSON.stringify({ ...firstRunSettings(identity), ...settings }, null, 2)}\n`,
  );
  writeGitConfig(scratch.env.HOME, identity?.git);
  const server = await startCodeServer({
    scratch,
    ...(port ? { port } : {}),
    ...(logFile ? { logFile } : {}),
  });
  return { server, url: workbenchUrl(server, { folder, extensionDevelopmentPath }) };
}
