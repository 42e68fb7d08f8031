#!/usr/bin/env node
// Runs the integration tests inside a real VS Code, offline: code-server hosts VS Code 1.100.3, headless
// Debian Chromium (playwright-core) opens the workbench with the extension-test payload, and the
// workbench reports the outcome through window.codeAutomationExit. Prerequisites: setup.mjs, build.
//
//   node scripts/vscode-test/run.mjs [--grep <pattern>] [--timeout <seconds>] [--screenshots <dir>] [--keep]
//
// Env: GROUNDED_VSCODE_TEST_TIMEOUT (seconds, default 600), GROUNDED_SCREENSHOT_DIR (also passed to
// the tests as GROUNDED_TEST_SCREENSHOT_DIR; a test logging "[screenshot] <name>" gets <name>.png there), GROUNDED_VSCODE_TEST_VERBOSE=1 (show workbench noise).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exampleStudy, repoRoot, testRunnerPath } from './paths.mjs';
import {
  createScratch,
  harnessSession,
  launchBrowser,
  openWorkbench,
  prepareWorkspace,
  startCodeServer,
  workbenchUrl,
} from './workbench.mjs';

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    timeout: { type: 'string' },
    screenshots: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const timeoutSeconds = Number(options.timeout ?? process.env.GROUNDED_VSCODE_TEST_TIMEOUT ?? 600);
const screenshotDir = options.screenshots ?? process.env.GROUNDED_SCREENSHOT_DIR;
const verbose = process.env.GROUNDED_VSCODE_TEST_VERBOSE === '1';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const note = (message) => console.log(`[vscode-test] ${message}`);

if (!existsSync(testRunnerPath)) {
  console.error(`[vscode-test] ${path.relative(repoRoot, testRunnerPath)} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const scratch = createScratch();
const resultsFile = path.join(scratch.root, 'results.json');
const workspace = prepareWorkspace(scratch);
const screenshots = screenshotDir ? path.resolve(screenshotDir) : undefined;
if (screenshots) mkdirSync(screenshots, { recursive: true });

// The overall deadline covers every phase (code-server, browser, workbench, tests): a hang fails the run.
const session = harnessSession({
  scratch,
  keep: options.keep,
  note,
  timeoutSeconds,
  onTimeout: () => {
    console.error(`[vscode-test] FAILED: no result within ${timeoutSeconds} s`);
    console.log('0 passed, 1 failed');
  },
});

function readResults() {
  try {
    return JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    return undefined;
  }
}

async function main() {
  const testEnv = {
    GROUNDED_TEST_RESULTS: resultsFile,
    GROUNDED_TEST_WORKSPACE: workspace,
    GROUNDED_TEST_EXAMPLE: existsSync(exampleStudy) ? path.basename(exampleStudy) : '',
    ...(options.grep ? { GROUNDED_TEST_GREP: options.grep } : {}),
    ...(screenshots ? { GROUNDED_TEST_SCREENSHOT_DIR: screenshots } : {}),
  };
  const server = (session.server = await startCodeServer({ scratch, env: testEnv }));
  note(`code-server on ${server.url} (${elapsed()})`);
  const browser = (session.browser = await launchBrowser({ scratch }));
  note(`chromium started (${elapsed()})`);

  /** @type {(code: number) => void} */
  let reportExit = () => undefined;
  const exited = new Promise((resolve) => {
    reportExit = resolve;
  });
  // Settles a little before the watchdog so a late run still prints its partial results.
  const remaining = Math.max(0, timeoutSeconds * 1000 - (Date.now() - started) - 2000);
  const timedOut = new Promise((resolve) => setTimeout(() => resolve('timeout'), remaining).unref());

  const url = workbenchUrl(server, {
    folder: workspace,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testRunnerPath,
  });
  await openWorkbench(browser.page, url, {
    showNoise: verbose,
    onExit: (code) => reportExit(code),
    onLog: (_level, line) => {
      console.log(line);
      // A test asks for a screenshot of what is on screen now (the extension host still running) by logging
      // "[screenshot] <name>"; it waits until <name>.png exists.
      const asked = /^\[screenshot\] ([\w.-]+)$/.exec(line.trim());
      if (asked && screenshots)
        void browser.page.screenshot({ path: path.join(screenshots, `${asked[1]}.png`) }).catch(() => undefined);
    },
  });
  note(`workbench opened ${workspace} (${elapsed()})`);

  const outcome = await Promise.race([exited, timedOut]);
  if (screenshots) {
    const file = path.join(screenshots, 'workbench-final.png');
    await browser.page.screenshot({ path: file }).catch(() => undefined);
  }

  const problems = [];
  if (outcome === 'timeout') problems.push(`no result within ${timeoutSeconds} s`);
  else if (outcome !== 0) problems.push(`the workbench reported exit code ${outcome}`);
  const results = readResults();
  if (!results) problems.push('the test runner wrote no results');
  else if (results.passed + results.failed === 0) problems.push('no test ran');
  if (results?.failures?.length) {
    console.log('\nFailures:');
    for (const failure of results.failures)
      console.log(`  ${failure.title}\n    ${String(failure.error).split('\n').join('\n    ')}`);
  }
  if (problems.length > 0 || verbose) {
    const log = server.readLog().trim().split('\n').slice(-40).join('\n');
    if (problems.length > 0) console.log(`\ncode-server log (last lines):\n${log}`);
  }
  for (const problem of problems) console.error(`[vscode-test] FAILED: ${problem}`);
  note(`suite finished in ${elapsed()}`);
  const passed = results?.passed ?? 0;
  const failed = results ? results.failed : 1;
  const skipped = results?.skipped ?? 0;
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return problems.length === 0 && failed === 0 ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[vscode-test] FAILED: ${error instanceof Error ? error.stack : String(error)}`);
  if (session.server)
    console.error(
      `code-server log (last lines):\n${session.server.readLog().trim().split('\n').slice(-40).join('\n')}`,
    );
  console.log('0 passed, 1 failed');
} finally {
  await session.cleanup();
}
process.exit(exitCode);
