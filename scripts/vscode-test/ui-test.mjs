#!/usr/bin/env node
// A UI test driven through the real workbench, the way a person codes a passage: code-server (VS Code
// 1.100.3) with the extension loaded on a scratch copy of examples/mentorship-study (a git repo with one
// commit), headless Chromium via playwright-core, the keyboard only:
//   Ctrl+P "P07.txt" Enter → Ctrl+G "21" Enter, Home, Right × 16, Shift+End → F1 "Grounded: Code Selection"
//   Enter → type "Informal ment" into the code picker, Enter.
// Then checks the sidecar transcripts/P07.amara.codes.yaml on disk holds a new coding whose quote is the
// selected text, and that `git diff` shows it. The coder comes from the grounded.coder user setting, so
// no input box asks.
//
//   node scripts/vscode-test/ui-test.mjs [--screenshots] [--screenshot-dir <dir>] [--timeout <s>] [--keep] [--verbose]
//                                        [--no-git-extension] [--web-worker]
//
// --web-worker runs the same session against the extension's browser entry in the web-worker extension host
// (as on vscode.dev): files only through vscode.workspace.fs, no Node APIs (`npm run test:ui:web`).
//
// --screenshots also saves the coded P07 editor (decorations, the Grounded views in the side bar) in the
// light, dark and high-contrast default themes to docs/screenshots/editor-{light,dark,high-contrast}.png
// (or --screenshot-dir; GROUNDED_SCREENSHOT_DIR works too). Prerequisites: setup.mjs and `npm run build`.
// Prints `N passed, N failed` last; exits non-zero on any failure.
/* global document -- page.evaluate callbacks run in the browser */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './paths.mjs';
import { checkCodingsInTranscriptView } from './ui-steps/codings-in-transcript.mjs';
import {
  createScratch,
  harnessSession,
  launchBrowser,
  openWorkbench,
  prepareWorkspace,
  runCommandFromPalette,
  screenshotDirFromEnv,
  startCodeServer,
  waitForWorkbench,
  workbenchUrl,
} from './workbench.mjs';

const { values: options } = parseArgs({
  options: {
    screenshots: { type: 'boolean', default: false },
    'screenshot-dir': { type: 'string' },
    timeout: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // Diagnostic only: without VS Code's git extension (no Source Control view, no vscode-scm: input
    // document). The default keeps it on, as people have it; `git diff` is checked with the git CLI either way.
    'no-git-extension': { type: 'boolean', default: false },
    // The extension's browser entry in the web-worker extension host (as on vscode.dev), not the Node one:
    // the workbench loads a copy of the extension whose manifest has no "main", so nothing else can run it.
    'web-worker': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: process.env.GROUNDED_VSCODE_TEST_VERBOSE === '1' },
  },
});

const CODER = 'amara';
const TRANSCRIPT = 'transcripts/P07.txt';
const SIDECAR = `transcripts/P07.${CODER}.codes.yaml`;
/** The passage: line 21 after its "[00:01:55] P07: " label, coded "Informal mentor". */
const LINE = 21;
const LABEL = '[00:01:55] P07: ';
const CODE_QUERY = 'Informal ment';
const CODE_NAME = 'Informal mentor';
const CODE_ID = 'structures-informal';
const THEMES = [
  {
    file: 'editor-light.png',
    theme: 'Default Light Modern',
    themeClass: 'vscode-theme-defaults-themes-light_modern-json',
  },
  {
    file: 'editor-dark.png',
    theme: 'Default Dark Modern',
    themeClass: 'vscode-theme-defaults-themes-dark_modern-json',
  },
  {
    file: 'editor-high-contrast.png',
    theme: 'Default High Contrast',
    themeClass: 'vscode-theme-defaults-themes-hc_black-json',
  },
];
const MAX_SCREENSHOT_BYTES = 400 * 1024;

const timeoutSeconds = Number(options.timeout ?? process.env.GROUNDED_VSCODE_TEST_TIMEOUT ?? 300);
const screenshotDir = options.screenshots
  ? path.resolve(options['screenshot-dir'] ?? screenshotDirFromEnv() ?? path.join(repoRoot, 'docs/screenshots'))
  : undefined;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const note = (message) => console.log(`[ui-test] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const results = { passed: 0, failed: 0 };
/** One named check: prints ✔/✗ and counts it; a failure is rethrown when `fatal` (later steps need it). */
async function step(title, body, { fatal = true } = {}) {
  try {
    const value = await body();
    results.passed++;
    console.log(`  ✔ ${title}`);
    return value;
  } catch (error) {
    results.failed++;
    console.log(
      `  ✗ ${title}\n    ${(error instanceof Error ? error.message : String(error)).split('\n').join('\n    ')}`,
    );
    if (fatal) throw Object.assign(new Error(`stopped after: ${title}`), { reported: true });
    return undefined;
  }
}

function git(cwd, ...args) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'UI test',
      GIT_AUTHOR_EMAIL: 'ui@test.invalid',
      GIT_COMMITTER_NAME: 'UI test',
      GIT_COMMITTER_EMAIL: 'ui@test.invalid',
    },
  });
}

async function waitUntil(what, probe, timeoutMs = 15_000, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${last.message ?? last})` : ''}`);
    await sleep(intervalMs);
  }
}

function readCodings(file) {
  const doc = parseYaml(readFileSync(file, 'utf8'));
  return Array.isArray(doc?.codings) ? doc.codings : [];
}

const scratch = createScratch('grounded-ui-');
const workspace = prepareWorkspace(scratch);
const userDir = scratch.dir('code-server/user-data/User');
const settingsFile = path.join(userDir, 'settings.json');
const baseSettings = {
  'grounded.coder': CODER,
  // No workbench.colorTheme here: the development host starts in the web default (Light+) whatever this
  // says, and later writes of the same value change nothing. code-server also picks up a hand-edited
  // settings file only after minutes, so the screenshots set the theme by editing this file in the
  // workbench itself (Preferences: Open User Settings (JSON), replace, save).
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  // Off while selecting: Home/Shift+End then act on whole lines, not on wrapped screen lines.
  'editor.wordWrap': 'off',
};
if (options['no-git-extension']) baseSettings['git.enabled'] = false;
const writeSettings = () => writeFileSync(settingsFile, `${JSON.stringify(baseSettings, null, 2)}\n`);

const session = harnessSession({
  scratch,
  keep: options.keep,
  note,
  timeoutSeconds,
  onTimeout: () => {
    console.error(`[ui-test] FAILED: no result within ${timeoutSeconds} s`);
    console.log(`${results.passed} passed, ${results.failed + 1} failed`);
  },
});

/** The text of the line, and the passage the keyboard selects (after the speaker label). */
function expectedPassage() {
  const lines = readFileSync(path.join(workspace, TRANSCRIPT), 'utf8').split('\n');
  const line = lines[LINE - 1] ?? '';
  if (!line.startsWith(LABEL))
    throw new Error(`${TRANSCRIPT}:${LINE} does not start with "${LABEL}": ${line.slice(0, 60)}`);
  return line.slice(LABEL.length).trimEnd();
}

async function openQuickOpen(page, text, rowText) {
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(text);
  // File search indexes the folder first (ripgrep); slow on a loaded machine.
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: rowText })
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 });
  await page.keyboard.press('Enter');
}

/** The focused editor's selected text, as Monaco renders it is not readable: the status bar says "(N selected)". */
async function selectionLength(page) {
  const text = await page
    .locator('.statusbar-item[id="status.editor.selection"]')
    .first()
    .innerText({ timeout: 2000 })
    .catch(() => '');
  const match = /\((\d+) selected\)/.exec(text);
  return match ? Number(match[1]) : 0;
}

/** Line and column from the status bar ("Ln 21, Col 17" or "Ln 21, Col 167 (150 selected)"). */
async function cursorPosition(page) {
  const text = await page.locator('.statusbar-item[id="status.editor.selection"]').first().innerText({ timeout: 5000 });
  const match = /Ln (\d+), Col (\d+)/.exec(text);
  if (!match) throw new Error(`no cursor position in the status bar: ${text}`);
  return { line: Number(match[1]), column: Number(match[2]) };
}

/** Ctrl+G, the line number, Enter; resolves once the status bar shows the cursor on that line. */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  await waitUntil(`the cursor on line ${line}`, async () => (await cursorPosition(page)).line === line, 10_000);
}

/**
 * The extension as the .vsix ships it (see .vscodeignore), with "main" removed from the manifest: VS Code then
 * runs it only in the web-worker extension host, from its "browser" entry, the way vscode.dev does.
 */
function webOnlyCopy() {
  const target = scratch.dir('web-extension');
  for (const entry of [
    'README.md',
    'dist/extension',
    'dist/webview',
    'syntaxes',
    'schemas',
    'media',
    'examples/mentorship-study',
  ]) {
    cpSync(path.join(repoRoot, entry), path.join(target, entry), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  delete manifest.main;
  writeFileSync(path.join(target, 'package.json'), JSON.stringify(manifest, null, 2));
  return target;
}

async function main() {
  // The workspace is a git repository with everything committed, so `git diff` shows exactly the coding.
  git(workspace, 'init', '-q');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'example study');
  writeSettings();
  const passage = expectedPassage();
  const before = readCodings(path.join(workspace, SIDECAR));

  const server = (session.server = await startCodeServer({ scratch }));
  note(`code-server on ${server.url} (${elapsed()})`);
  const browser = (session.browser = await launchBrowser({ scratch, viewport: { width: 1280, height: 800 } }));
  const { page } = browser;
  await openWorkbench(
    page,
    workbenchUrl(server, {
      folder: workspace,
      extensionDevelopmentPath: options['web-worker'] ? webOnlyCopy() : repoRoot,
    }),
    {
      showNoise: options.verbose,
      onLog: options.verbose ? (_level, line) => console.log(`  [host] ${line}`) : undefined,
    },
  );
  await waitForWorkbench(page, 120_000);
  // The colour theme (a built-in extension) arrives a while after the shell: wait for it, so keys are not
  // typed into a workbench still starting.
  await waitUntil(
    'the colour theme',
    () => page.evaluate(() => /\bvscode-theme-/.test(document.querySelector('.monaco-workbench')?.className ?? '')),
    120_000,
    250,
  );
  note(`workbench up (${elapsed()})`);

  await step(`Quick Open (Ctrl+P) opens ${TRANSCRIPT}`, async () => {
    await openQuickOpen(page, 'P07.txt', 'P07.txt');
    await page
      .locator('.tabs-container .tab.active', { hasText: 'P07.txt' })
      .waitFor({ state: 'visible', timeout: 20_000 });
    await page
      .locator('.editor-instance .monaco-editor .view-lines')
      .first()
      .waitFor({ state: 'visible', timeout: 20_000 });
  });

  await step(
    `Ctrl+G ${LINE}, Home, Right × ${LABEL.length}, Shift+End selects the passage (${Array.from(passage).length} characters)`,
    async () => {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await goToLine(page, LINE);
      await page.keyboard.press('Home');
      await page.keyboard.press('Home'); // from the first non-blank to column 1, whatever Home did first
      // A loaded machine can drop a key: check the column in the status bar and correct it.
      for (let i = 0; i < LABEL.length; i++) await page.keyboard.press('ArrowRight');
      for (let attempt = 0; attempt < 5; attempt++) {
        await sleep(300);
        const { column } = await cursorPosition(page);
        if (column === LABEL.length + 1) break;
        const key = column < LABEL.length + 1 ? 'ArrowRight' : 'ArrowLeft';
        for (let i = 0; i < Math.abs(LABEL.length + 1 - column); i++) await page.keyboard.press(key);
      }
      const at = await cursorPosition(page);
      if (at.line !== LINE || at.column !== LABEL.length + 1)
        throw new Error(`the cursor is at line ${at.line}, column ${at.column}, not ${LINE}:${LABEL.length + 1}`);
      await page.keyboard.press('Shift+End');
      // The status bar counts UTF-16 units of the selection.
      await waitUntil(
        'the status bar to report the selection',
        async () => (await selectionLength(page)) === passage.length,
        10_000,
      );
    },
  );

  await step('F1 "Grounded: Code Selection" opens the code picker', async () => {
    await runCommandFromPalette(page, 'Grounded: Code Selection', 90_000);
    await page
      .locator('.quick-input-widget .quick-input-title', { hasText: 'Code selection' })
      .waitFor({ state: 'visible', timeout: 15_000 });
  });

  await step(`typing "${CODE_QUERY}" and Enter picks "${CODE_NAME}"`, async () => {
    await page.keyboard.type(CODE_QUERY);
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: CODE_NAME }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    // Multi-select picker: Enter takes the ticked codes, else the highlighted one. Highlight ours.
    const focusedLabel = () =>
      page
        .locator('.quick-input-widget .monaco-list-row.focused')
        .first()
        .innerText({ timeout: 500 })
        .catch(() => '');
    for (let i = 0; i < 8 && !(await focusedLabel()).includes(CODE_NAME); i++) await page.keyboard.press('ArrowDown');
    if (!(await focusedLabel()).includes(CODE_NAME))
      throw new Error(`could not highlight "${CODE_NAME}" (focused: ${await focusedLabel()})`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  });

  const sidecar = path.join(workspace, SIDECAR);
  const added = await step(
    `${SIDECAR} on disk has a new ${CODE_ID} coding whose quote is the selected text`,
    async () => {
      const known = new Set(before.map((c) => c.id));
      const found = await waitUntil(
        'the coding in the sidecar',
        () => readCodings(sidecar).find((c) => !known.has(c.id)),
        15_000,
        200,
      ).catch(async (error) => {
        // The command shows its failure as a notification: say what it was.
        const toasts = await page
          .locator('.notification-toast .notification-list-item-message')
          .allInnerTexts()
          .catch(() => []);
        throw new Error(`${error.message}${toasts.length ? `\nnotifications: ${toasts.join(' | ')}` : ''}`);
      });
      const after = readCodings(sidecar);
      if (after.length !== before.length + 1)
        throw new Error(`expected ${before.length + 1} codings, found ${after.length}`);
      if (found.code !== CODE_ID) throw new Error(`the new coding has code ${found.code}, not ${CODE_ID}`);
      if (found.quote !== passage)
        throw new Error(
          `quote differs:\n  got      ${JSON.stringify(found.quote)}\n  expected ${JSON.stringify(passage)}`,
        );
      return found;
    },
  );

  await step('`git diff` shows the coding added to the sidecar, and nothing else changed', async () => {
    const diff = git(workspace, 'diff', '--', SIDECAR);
    const addedLines = diff.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++'));
    const removedLines = diff.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('---'));
    if (!addedLines.some((line) => line.includes(added.id)))
      throw new Error(`the diff does not add the coding ${added.id}:\n${diff}`);
    if (!addedLines.some((line) => /^\+\s+code: structures-informal$/.test(line)))
      throw new Error(`the diff does not add "code: ${CODE_ID}":\n${diff}`);
    if (!addedLines.some((line) => line.includes('quote:'))) throw new Error(`the diff has no quote line:\n${diff}`);
    if (removedLines.length > 0) throw new Error(`the diff removes lines:\n${removedLines.join('\n')}`);
    // The command's locks (`.codebook.yaml.lock`, `.<sidecar>.lock`) are released a few file-system round
    // trips after the sidecar lands (in the web-worker host each is a message to the server), so "nothing
    // else changed" is judged once they had a moment to go; a lock left behind still fails here.
    const othersChanged = () =>
      git(workspace, 'status', '--porcelain')
        .split('\n')
        .filter(Boolean)
        .filter((line) => !line.endsWith(SIDECAR));
    await waitUntil("the command's lock files to be released", () => othersChanged().length === 0, 3_000).catch(() => {
      throw new Error(`other files changed: ${othersChanged().join(', ')}`);
    });
    if (options.verbose) console.log(diff);
  });

  await step(
    'the new coding is drawn in the editor (a decoration on line 21)',
    async () => {
      // Extension decorations carry generated `ced-…` classes: backgrounds in the view-overlays layer (one
      // div per rendered line, at the same top as the text line), underlines/colours as spans in the line.
      await waitUntil(
        'a decoration on the coded line',
        () =>
          page.evaluate(() => {
            const editor = document.querySelector('.editor-instance .monaco-editor');
            const line = [...(editor?.querySelectorAll('.view-lines .view-line') ?? [])].find((l) =>
              l.textContent?.replace(/\u00a0/g, ' ').includes('My sister is a nurse'),
            );
            if (!line) return false;
            const box = line.getBoundingClientRect();
            const middle = box.top + box.height / 2;
            return [...(editor?.querySelectorAll('[class*="ced-"]') ?? [])].some((element) => {
              const r = element.getBoundingClientRect();
              return r.width > 0 && r.top <= middle && r.bottom >= middle;
            });
          }),
        30_000,
        250,
      ).catch(async (error) => {
        const seen = await page.evaluate(() => {
          const editor = document.querySelector('.editor-instance .monaco-editor');
          const line = [...(editor?.querySelectorAll('.view-lines .view-line') ?? [])].find((l) =>
            l.textContent?.replace(/\u00a0/g, ' ').includes('My sister is a nurse'),
          );
          const box = line?.getBoundingClientRect();
          const decorations = [...(editor?.querySelectorAll('[class*="ced-"]') ?? [])].map(
            (e) => `${e.className} @${Math.round(e.getBoundingClientRect().top)}`,
          );
          return `line 21 ${box ? `at ${Math.round(box.top)}–${Math.round(box.bottom)}` : 'not rendered'}; decorations: ${decorations.join(', ') || 'none'}`;
        });
        throw new Error(`${error.message}\n${seen}`);
      });
    },
    { fatal: false },
  );

  await step(
    'the Codings in Transcript view, opened from the activity bar, lists P07’s codings with the new one',
    () =>
      checkCodingsInTranscriptView(page, {
        transcript: 'P07.txt',
        expectCodingQuote: passage,
        expectCount: before.length + 1,
        screenshot: options.keep ? path.join(scratch.root, 'codings-in-transcript.png') : undefined,
      }),
    { fatal: false },
  );

  if (screenshotDir) await takeScreenshots(page);
}

async function takeScreenshots(page) {
  mkdirSync(screenshotDir, { recursive: true });
  // Show the Grounded views: the activity bar entry (its title is "Grounded").
  await step(
    'the Grounded view container opens from the activity bar',
    async () => {
      const item = page
        .locator(
          '.activitybar .action-item a[aria-label^="Grounded"], .activitybar .action-label[aria-label^="Grounded"]',
        )
        .first();
      await item.click({ timeout: 10_000 });
      await page
        .locator('.sidebar .pane-header', { hasText: 'Codebook' })
        .first()
        .waitFor({ state: 'visible', timeout: 15_000 });
    },
    { fatal: false },
  );

  for (const { file, theme, themeClass } of THEMES) {
    await step(
      `screenshot ${path.relative(repoRoot, path.join(screenshotDir, file))} (${theme})`,
      async () => {
        await editUserSettings(page, { ...baseSettings, 'workbench.colorTheme': theme, 'editor.wordWrap': 'on' });
        await waitUntil(
          `the ${theme} theme`,
          () =>
            page.evaluate(
              (cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls) ?? false,
              themeClass,
            ),
          30_000,
          200,
        ).catch(async (error) => {
          const now = await page.evaluate(
            () =>
              document.querySelector('.monaco-workbench')?.className.match(/vscode-theme-\S+/)?.[0] ?? 'no theme class',
          );
          throw new Error(`${error.message}; the workbench has ${now}`);
        });
        // Back to the editor, the cursor inside the new coding (status bar shows its code), passages in view.
        await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
        await goToLine(page, LINE);
        await page.keyboard.press('End');
        await page.keyboard.press('ArrowLeft');
        await dismissNotifications(page);
        await sleep(1500); // let the theme's colours, decorations and the tree views settle
        const target = path.join(screenshotDir, file);
        await page.screenshot({ path: target });
        const size = statSync(target).size;
        if (size > MAX_SCREENSHOT_BYTES)
          throw new Error(`${file} is ${Math.round(size / 1024)} KB (limit ${MAX_SCREENSHOT_BYTES / 1024} KB)`);
        note(`${file}: ${Math.round(size / 1024)} KB`);
      },
      { fatal: false },
    );
  }
}

/**
 * Replaces the user settings through the workbench (Preferences: Open User Settings (JSON), select all,
 * insert, save, close): the workbench applies its own writes at once. Wrapped lines show whole passages.
 */
async function editUserSettings(page, settings) {
  await runCommandFromPalette(page, 'Preferences: Open User Settings (JSON)', 30_000);
  await page
    .locator('.tabs-container .tab.active', { hasText: 'settings.json' })
    .waitFor({ state: 'visible', timeout: 20_000 });
  const editor = page.locator('.editor-instance .monaco-editor .view-lines').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText is one input event: no auto-closed quotes or brackets doubled by the JSON editor.
  await page.keyboard.insertText(JSON.stringify(settings, null, 2));
  await page.keyboard.press('Control+S');
  await page
    .locator('.tabs-container .tab.active.dirty')
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.keyboard.press('Control+W');
  await page
    .locator('.tabs-container .tab.active', { hasText: 'P07.txt' })
    .waitFor({ state: 'visible', timeout: 10_000 });
}

async function dismissNotifications(page) {
  const toasts = page.locator('.notification-toast');
  for (let i = 0; i < 5 && (await toasts.count()) > 0; i++) {
    await page.keyboard.press('Escape'); // hides a notification toast when the editor has focus
    const clear = page
      .locator('.notification-toast .codicon-notifications-clear, .notification-toast .codicon-close')
      .first();
    if ((await clear.count()) > 0) await clear.click({ timeout: 1000 }).catch(() => undefined);
    await sleep(200);
  }
}

let exitCode = 1;
try {
  if (!existsSync(path.join(repoRoot, 'dist/extension/node.js')))
    throw new Error('dist/extension/node.js is missing: run `npm run build` first');
  await main();
  exitCode = results.failed === 0 ? 0 : 1;
} catch (error) {
  if (!error?.reported) {
    results.failed++;
    console.error(`[ui-test] FAILED: ${error instanceof Error ? error.stack : String(error)}`);
  }
  if (session.server)
    console.error(
      `code-server log (last lines):\n${session.server.readLog().trim().split('\n').slice(-30).join('\n')}`,
    );
  if (session.browser) {
    const file = path.join(scratch.root, 'failure.png');
    await session.browser.page.screenshot({ path: file }).catch(() => undefined);
    if (options.keep) note(`failure screenshot: ${file}`);
  }
} finally {
  await session.cleanup();
}
note(`finished in ${elapsed()}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(exitCode);
