#!/usr/bin/env node
// Takes the README's screenshot of Compare Coders the way a person gets there, with the keyboard only:
// in the frame of readme-screenshot.mjs (a scratch copy of the example study in code-server):
//   `grounded consensus seed` (the CLI) → F1 "Grounded: Compare Coders" Enter → Enter (amara and jonas)
//   → type "P19" Enter → the other Grounded views folded → Ctrl+Alt+G E three times (to the third
//   disagreement of P19).
//
//   node scripts/vscode-test/compare-coders-screenshot.mjs [--out docs/screenshots/compare-coders.png] [--keep]
//
// Prerequisites: setup.mjs and `npm run build`.
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { repoRoot } from './paths.mjs';
import { sleep, takeReadmeScreenshot } from './readme-screenshot.mjs';
import { runCommandFromPalette } from './workbench.mjs';

await takeReadmeScreenshot({
  name: 'compare-coders',
  timeoutSeconds: 300,
  prepare: (workspace) =>
    execFileSync(
      process.execPath,
      [path.join(repoRoot, 'bin/grounded.js'), 'consensus', 'seed', workspace, '--coder', 'amara', '--coder', 'jonas'],
      { stdio: 'inherit' },
    ),
  steps: async (page) => {
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
  },
});
