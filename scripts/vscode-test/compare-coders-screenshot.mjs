#!/usr/bin/env node
// Takes the README's screenshot of Compare Coders the way a person gets there, with the keyboard only:
// code-server (VS Code 1.100.3) with the extension loaded on a scratch copy of examples/mentorship-study,
// headless Chromium via playwright-core:
//   `grounded consensus seed` (the CLI) → F1 "Grounded: Compare Coders" Enter → Enter (amara and jonas)
//   → type "P19" Enter → the other Grounded views folded → Ctrl+Alt+G E three times (to the third
//   disagreement of P19).
// The integration runner's final screenshot cannot show this: the extension host has stopped by then.
//
//   node scripts/vscode-test/compare-coders-screenshot.mjs [--out docs/screenshots/compare-coders.png] [--keep]
//
// Prerequisites: setup.mjs and `npm run build`.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './paths.mjs';
import {
  createScratch,
  harnessSession,
  launchBrowser,
  openWorkbench,
  prepareWorkspace,
  runCommandFromPalette,
  startCodeServer,
  waitForWorkbench,
  workbenchUrl,
} from './workbench.mjs';

const { values: options } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(repoRoot, 'docs/screenshots/compare-coders.png') },
    keep: { type: 'boolean', default: false },
  },
});

const note = (message) => console.log(`[compare-coders-screenshot] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const scratch = createScratch();
const workspace = prepareWorkspace(scratch);
// Long answers wrap, so the marks of a whole passage are on screen.
writeFileSync(
  path.join(scratch.dir('code-server/user-data/User'), 'settings.json'),
  JSON.stringify({ 'editor.wordWrap': 'on', 'workbench.startupEditor': 'none', 'editor.minimap.enabled': false }),
);
const session = harnessSession({ scratch, keep: options.keep, note, timeoutSeconds: 300, onTimeout: () => undefined });

async function main() {
  execFileSync(
    process.execPath,
    [path.join(repoRoot, 'bin/grounded.js'), 'consensus', 'seed', workspace, '--coder', 'amara', '--coder', 'jonas'],
    { stdio: 'inherit' },
  );
  const server = (session.server = await startCodeServer({ scratch }));
  const browser = (session.browser = await launchBrowser({ scratch, viewport: { width: 1400, height: 860 } }));
  const { page } = browser;
  await openWorkbench(page, workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: repoRoot }));
  await waitForWorkbench(page, 120_000);
  await sleep(5000);
  await runCommandFromPalette(page, 'Grounded: Compare Coders');
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.filter({ hasText: 'amara' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  await rows.filter({ hasText: 'transcripts/' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.type('P19');
  await rows.filter({ hasText: 'P19' }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: 'P19.txt' }).waitFor({ timeout: 30_000 });
  await sleep(2000);
  // Room for the Disagreements view: the other Grounded views folded (a click on their headers).
  for (const title of ['Codebook', 'Codings in Transcript', 'Retrieve', 'Memos'])
    await page.locator('.pane-header', { hasText: title }).first().click();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Control+Alt+G');
    await sleep(300);
    await page.keyboard.press('E');
    await sleep(1500);
  }
  await sleep(1500);
  await page.screenshot({ path: options.out });
  note(`saved ${path.relative(repoRoot, options.out)}`);
}

let code = 1;
try {
  await main();
  code = 0;
} catch (error) {
  console.error(`[compare-coders-screenshot] FAILED: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  await session.cleanup();
}
process.exit(code);
