#!/usr/bin/env node
// `npm start`: builds the extension and opens the example study with it loaded.
// Desktop VS Code when `code` is on PATH; otherwise code-server on 127.0.0.1 (installed by
// scripts/vscode-test/setup.mjs), printing the URL and staying in the foreground until Ctrl-C.
//
//   node scripts/start.mjs [--port <port>] [--folder <path>]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exampleStudy, repoRoot } from './vscode-test/paths.mjs';
import { createScratch, startCodeServer, workbenchUrl } from './vscode-test/workbench.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    folder: { type: 'string' },
  },
});

function runOrExit(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

runOrExit(process.execPath, [path.join(repoRoot, 'scripts/build.mjs')]);
const folder = path.resolve(repoRoot, options.folder ?? (existsSync(exampleStudy) ? exampleStudy : '.'));

if (onPath('code')) {
  // Desktop VS Code opens its own window; the extension is loaded from this checkout.
  runOrExit('code', [`--extensionDevelopmentPath=${repoRoot}`, folder]);
  process.exit(0);
}

runOrExit(process.execPath, [path.join(repoRoot, 'scripts/vscode-test/setup.mjs')]);
const scratch = createScratch('grounded-start-');
const server = await startCodeServer({
  scratch,
  ...(options.port ? { port: Number(options.port) } : {}),
  logFile: path.join(scratch.root, 'code-server.log'),
});
const url = workbenchUrl(server, { folder, extensionDevelopmentPath: repoRoot });
console.log(
  `\nGrounded (this checkout) in code-server, opening ${path.relative(repoRoot, folder) || '.'}:\n\n  ${url}\n`,
);
console.log(`code-server log: ${server.logFile}\nPress Ctrl-C to stop.`);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await server.stop();
  scratch.remove();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
server.child.on('exit', (code) => {
  if (stopping) return;
  console.error(`code-server exited (${code}); log: ${server.logFile}`);
  void stop(1);
});
// Keeps the process in the foreground; the signal handlers end it.
setInterval(() => undefined, 1 << 30);
