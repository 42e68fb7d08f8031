// The frame of the README's screenshot scripts: a scratch copy of examples/mentorship-study opened in
// code-server (VS Code 1.100.3) with the extension loaded, headless Chromium via playwright-core at
// 1400 × 860, transcripts word-wrapped, no minimap; then the script's own keystrokes, the screenshot, cleanup.
// The integration runner's final screenshot cannot show such views: its extension host has stopped by then.
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
  startCodeServer,
  waitForWorkbench,
  workbenchUrl,
} from './workbench.mjs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one screenshot script and exits: `--out <png>` (default docs/screenshots/<name>.png) and `--keep`.
 * `prepare(workspace)` changes the study copy before the workbench opens; `steps(page, { sleep })` is what a
 * person does in the workbench, after which the page is saved.
 */
export async function takeReadmeScreenshot({ name, timeoutSeconds, prepare, steps }) {
  const { values: options } = parseArgs({
    options: {
      out: { type: 'string', default: path.join(repoRoot, `docs/screenshots/${name}.png`) },
      keep: { type: 'boolean', default: false },
    },
  });
  const note = (message) => console.log(`[${name}-screenshot] ${message}`);
  const scratch = createScratch();
  const workspace = prepareWorkspace(scratch);
  // Long answers wrap, so the marks of a whole passage are on screen.
  writeFileSync(
    path.join(scratch.dir('code-server/user-data/User'), 'settings.json'),
    JSON.stringify({ 'editor.wordWrap': 'on', 'workbench.startupEditor': 'none', 'editor.minimap.enabled': false }),
  );
  const session = harnessSession({ scratch, keep: options.keep, note, timeoutSeconds, onTimeout: () => undefined });
  let code = 1;
  try {
    if (prepare) prepare(workspace);
    const server = (session.server = await startCodeServer({ scratch }));
    const browser = (session.browser = await launchBrowser({ scratch, viewport: { width: 1400, height: 860 } }));
    const { page } = browser;
    await openWorkbench(page, workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: repoRoot }));
    await waitForWorkbench(page, 120_000);
    await sleep(5000);
    await steps(page);
    await page.screenshot({ path: options.out });
    note(`saved ${path.relative(repoRoot, options.out)}`);
    code = 0;
  } catch (error) {
    console.error(`[${name}-screenshot] FAILED: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    await session.cleanup();
  }
  process.exit(code);
}
