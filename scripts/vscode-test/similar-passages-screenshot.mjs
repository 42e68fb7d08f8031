#!/usr/bin/env node
// Takes the README's screenshot of Find Similar Passages the way a person gets there, with the keyboard only:
// code-server (VS Code 1.100.3) with the extension loaded on a scratch copy of examples/mentorship-study,
// headless Chromium via playwright-core:
//   F1 "Grounded: Find Similar Passages" Enter → type "Time pressure" Enter (the code whose quotes are the
//   query) → ↓ (the second result, in P44, shown selected in its transcript).
// The integration runner's final screenshot cannot show the list: the extension host has stopped by then.
//
//   node scripts/vscode-test/similar-passages-screenshot.mjs [--out docs/screenshots/similar-passages.png] [--keep]
//
// Prerequisites: setup.mjs and `npm run build`.
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
    out: { type: 'string', default: path.join(repoRoot, 'docs/screenshots/similar-passages.png') },
    keep: { type: 'boolean', default: false },
  },
});

const note = (message) => console.log(`[similar-passages-screenshot] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const scratch = createScratch();
const workspace = prepareWorkspace(scratch);
writeFileSync(
  path.join(scratch.dir('code-server/user-data/User'), 'settings.json'),
  JSON.stringify({ 'editor.wordWrap': 'on', 'workbench.startupEditor': 'none', 'editor.minimap.enabled': false }),
);
const session = harnessSession({ scratch, keep: options.keep, note, timeoutSeconds: 400, onTimeout: () => undefined });

async function main() {
  const server = (session.server = await startCodeServer({ scratch }));
  const browser = (session.browser = await launchBrowser({ scratch, viewport: { width: 1400, height: 860 } }));
  const { page } = browser;
  await openWorkbench(page, workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: repoRoot }));
  await waitForWorkbench(page, 120_000);
  await sleep(5000);
  await runCommandFromPalette(page, 'Grounded: Find Similar Passages');
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.filter({ hasText: 'Time pressure' }).first().waitFor({ state: 'visible', timeout: 60_000 });
  await page.keyboard.type('Time pressure');
  await sleep(500);
  await page.keyboard.press('Enter');
  await rows.filter({ hasText: 'transcripts/' }).first().waitFor({ state: 'visible', timeout: 120_000 });
  await sleep(1000);
  await page.keyboard.press('ArrowDown');
  // The second result of the example study is in P44: it opens, selected, while the list keeps the focus.
  await page.locator('.tabs-container .tab.active', { hasText: 'P44.txt' }).waitFor({ timeout: 60_000 });
  await sleep(2500);
  await page.screenshot({ path: options.out });
  note(`saved ${path.relative(repoRoot, options.out)}`);
}

let code = 1;
try {
  await main();
  code = 0;
} catch (error) {
  console.error(`[similar-passages-screenshot] FAILED: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  await session.cleanup();
}
process.exit(code);
