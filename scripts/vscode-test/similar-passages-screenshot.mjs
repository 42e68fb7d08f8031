#!/usr/bin/env node
// Takes the README's screenshot of Find Similar Passages the way a person gets there, with the keyboard only:
// in the frame of readme-screenshot.mjs (a scratch copy of the example study in code-server):
//   F1 "Grounded: Find Similar Passages" Enter → type "Time pressure" Enter (the code whose quotes are the
//   query) → ↓ (the second result, in P44, shown selected in its transcript).
//
//   node scripts/vscode-test/similar-passages-screenshot.mjs [--out docs/screenshots/similar-passages.png] [--keep]
//
// Prerequisites: setup.mjs and `npm run build`.
import { sleep, takeReadmeScreenshot } from './readme-screenshot.mjs';
import { runCommandFromPalette } from './workbench.mjs';

await takeReadmeScreenshot({
  name: 'similar-passages',
  timeoutSeconds: 400,
  steps: async (page) => {
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
  },
});
