#!/usr/bin/env node
// `npm start`: builds the extension and opens a copy of the example study with it loaded: playground/mentorship-study
// (ignored by this repository, a git repository of its own with one commit), made on the first start and reused
// after, so codings made there survive; `--fresh` moves the old copy aside and makes a new one.
// Desktop VS Code when `code` is on PATH; otherwise code-server on 127.0.0.1 (installed by
// scripts/vscode-test/setup.mjs), printing the URL and staying in the foreground until Ctrl-C.
//
//   node scripts/start.mjs [--fresh] [--port <port>] [--folder <path>]
//
// --folder opens that folder as it is (your own study), without copying.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFirstRunWorkbench } from './start/code-server-session.mjs';
import { resolveIdentity } from './start/identity.mjs';
import { prepareStudyCopy } from './start/study-copy.mjs';
import { exampleStudy, playgroundStudy, repoRoot } from './vscode-test/paths.mjs';
import { createScratch } from './vscode-test/workbench.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    folder: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});

function runOrExit(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const shown = (folder) => (folder.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, folder) : folder);

/** The folder to open: the given one as it is, else the copy of the example study (made or reused). */
function studyFolder() {
  if (options.folder) return path.resolve(options.folder);
  let copy;
  try {
    copy = prepareStudyCopy({ source: exampleStudy, target: playgroundStudy, fresh: options.fresh });
  } catch (error) {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (copy.movedAside) console.log(`The previous copy, with its codings, is now ${shown(copy.movedAside)}`);
  console.log(
    copy.reused
      ? `Reusing your copy of the example study: ${shown(copy.folder)} (\`npm start -- --fresh\` starts over)`
      : `A fresh copy of the example study, a git repository of its own: ${shown(copy.folder)}`,
  );
  return copy.folder;
}

/**
 * Desktop VS Code reads git's user.name itself; $GROUNDED_CODER reaches it as the copy's grounded.coder
 * workspace setting, kept out of the copy's commits (.git/info/exclude).
 */
function passCoderToDesktop(folder, identity) {
  if (options.folder || identity?.from !== 'GROUNDED_CODER') return;
  const settingsFile = path.join(folder, '.vscode/settings.json');
  const settings = existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : {};
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  writeFileSync(settingsFile, `${JSON.stringify({ ...settings, 'grounded.coder': identity.coder }, null, 2)}\n`);
  const exclude = path.join(folder, '.git/info/exclude');
  if (!(existsSync(exclude) && readFileSync(exclude, 'utf8').split('\n').includes('/.vscode/')))
    appendFileSync(exclude, '/.vscode/\n');
}

function describeIdentity(identity) {
  return identity
    ? `Coding as "${identity.coder}" (from ${identity.from}): your codings go to <transcript>.${identity.coder}.codes.yaml, e.g. transcripts/P07.${identity.coder}.codes.yaml`
    : 'No GROUNDED_CODER and no git user.name: Grounded asks who is coding at your first coding.';
}

runOrExit(process.execPath, [path.join(repoRoot, 'scripts/build.mjs')]);
const folder = studyFolder();
const identity = await resolveIdentity({ cwd: repoRoot });

if (onPath('code')) {
  // Desktop VS Code opens its own window; the extension is loaded from this checkout.
  passCoderToDesktop(folder, identity);
  console.log(describeIdentity(identity));
  runOrExit('code', [`--extensionDevelopmentPath=${repoRoot}`, folder]);
  process.exit(0);
}

runOrExit(process.execPath, [path.join(repoRoot, 'scripts/vscode-test/setup.mjs')]);
const scratch = createScratch('grounded-start-');
/** @type {Awaited<ReturnType<typeof startFirstRunWorkbench>>['server'] | undefined} */
let server;
let url = '';
let starting = true;
let stopping = false;
let exitCode = 0;
async function stop(code) {
  exitCode = Math.max(exitCode, code);
  if (stopping) return;
  stopping = true;
  if (starting) return; // code-server is coming up detached: the startup below stops it once it is there
  await server?.stop();
  scratch.remove();
  process.exit(exitCode);
}
// Installed before code-server starts, so Ctrl-C while it starts leaves no server and no scratch folder behind.
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const started = await startFirstRunWorkbench({
    scratch,
    folder,
    extensionDevelopmentPath: repoRoot,
    identity,
    ...(options.port ? { port: Number(options.port) } : {}),
    logFile: path.join(scratch.root, 'code-server.log'),
  });
  server = started.server;
  url = started.url;
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
  stopping = true;
}
starting = false;
if (stopping) {
  await server?.stop();
  scratch.remove();
  process.exit(exitCode);
}
console.log(`\nGrounded (this checkout) in code-server, opening ${shown(folder)}:\n\n  ${url}\n`);
console.log(describeIdentity(identity));
console.log(`code-server log: ${server?.logFile}\nPress Ctrl-C to stop.`);
server?.child.on('exit', (code) => {
  if (stopping) return;
  console.error(`code-server exited (${code}); log: ${server?.logFile}`);
  void stop(1);
});
// Keeps the process in the foreground; the signal handlers end it.
setInterval(() => undefined, 1 << 30);
