#!/usr/bin/env node
// A newcomer's first coding session, driven through the real workbench the way `npm start` opens it: the same
// launcher code (scripts/start/) copies examples/mentorship-study into a repository of its own with one commit,
// reads the user's git identity (here from a scratch git config: user.name "Amara N'Diaye", no GROUNDED_CODER,
// no grounded.coder preset) and starts code-server (VS Code 1.100.3) with the extension loaded; headless
// Chromium via playwright-core, the keyboard only, transcripts word-wrapped as the extension's default says:
//   Ctrl+P "P07.txt" Enter → Ctrl+G "21" Enter, Home, Right × 16, Shift+End until the line's end →
//   F1 "Grounded: Code Selection" Enter → type "Informal ment" into the code picker, Enter.
// Then checks: no "who is coding?" prompt and no offer of a repository in a parent folder (the copy sits in
// a clone's ignored playground/, as npm start makes it) appeared; the new sidecar transcripts/P07.amara-ndiaye.codes.yaml
// (named after the git identity) holds one coding whose quote is the selected text; `git status` in the copy
// lists that file and nothing else, and its diff adds the coding; the editor draws it; the Codings in Transcript
// view lists it; a transcript of 1,600 codings written into the study meanwhile is drawn where the person looks,
// opened and shown again from its tab; and the repository's examples/mentorship-study is byte for byte as before.
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
/* global document, window, MutationObserver, getComputedStyle -- page.evaluate callbacks run in the browser */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { startFirstRunWorkbench } from '../start/code-server-session.mjs';
import { resolveIdentity } from '../start/identity.mjs';
import { prepareStudyCopy } from '../start/study-copy.mjs';
import { exampleStudy, repoRoot } from './paths.mjs';
import { openAnalysisPanel } from './ui-steps/analysis-panel.mjs';
import { checkCodingsInTranscriptView, showGroundedViews } from './ui-steps/codings-in-transcript.mjs';
import { writeLongTranscript } from './ui-steps/long-transcript.mjs';
import {
  createScratch,
  harnessSession,
  launchBrowser,
  openWorkbench,
  runCommandFromPalette,
  screenshotDirFromEnv,
  waitForWorkbench,
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

/** The newcomer's git user.name, and the coder id the extension makes of it. */
const GIT_NAME = "Amara N'Diaye";
const CODER = 'amara-ndiaye';
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

const timeoutSeconds = Number(options.timeout ?? process.env.GROUNDED_VSCODE_TEST_TIMEOUT ?? 450);
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
  if (!existsSync(file)) return [];
  const doc = parseYaml(readFileSync(file, 'utf8'));
  return Array.isArray(doc?.codings) ? doc.codings : [];
}

/** Every file under `folder` with its SHA-256: equal snapshots mean byte-for-byte equal trees. */
function snapshot(folder) {
  const files = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(folder, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(folder);
  return files;
}

function snapshotDifferences(before, after) {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}

const scratch = createScratch('grounded-ui-');
/** The newcomer's machine: git knows their name (a scratch global config; no system config, no GROUNDED_CODER). */
function newcomerEnv() {
  const gitConfig = path.join(scratch.dir('newcomer-home'), '.gitconfig');
  writeFileSync(gitConfig, `[user]\n\tname = ${GIT_NAME}\n\temail = newcomer@example.invalid\n`);
  const env = { ...process.env, HOME: path.dirname(gitConfig), GIT_CONFIG_GLOBAL: gitConfig, GIT_CONFIG_NOSYSTEM: '1' };
  delete env.GROUNDED_CODER;
  delete env.XDG_CONFIG_HOME;
  return env;
}
/** A clone of this repository as the newcomer has it: a git repository that ignores playground/. */
function newcomerClone() {
  const clone = scratch.dir('clone');
  writeFileSync(path.join(clone, '.gitignore'), '/playground/\n');
  git(clone, 'init', '-q');
  git(clone, 'add', '-A');
  git(clone, 'commit', '-q', '-m', 'the clone');
  return clone;
}
const baseSettings = {
  // No grounded.coder: the launcher sets it from the identity, as `npm start` does.
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
  // No editor.wordWrap: transcripts wrap by the extension's default, and the selection copes with it.
};
if (options['no-git-extension']) baseSettings['git.enabled'] = false;
/** The user settings the workbench starts with: the launcher's (identity, git) plus the test's. */
let startSettings = baseSettings;

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
function expectedPassage(workspace) {
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
  const exampleBefore = snapshot(exampleStudy);
  // What `npm start` does, with the copy in the scratch tree instead of the repository's playground/.
  const { folder: workspace } = await step('the launcher copies the example study into a repository of its own', () => {
    const copy = prepareStudyCopy({
      source: exampleStudy,
      target: path.join(newcomerClone(), 'playground/mentorship-study'),
    });
    const commits = git(copy.folder, 'rev-list', '--count', 'HEAD').trim();
    if (commits !== '1') throw new Error(`the copy has ${commits} commits, not 1`);
    const dirty = git(copy.folder, 'status', '--porcelain');
    if (dirty) throw new Error(`the fresh copy is not clean:\n${dirty}`);
    return copy;
  });
  const identity = await step(`the launcher reads the git identity "${GIT_NAME}" as coder "${CODER}"`, async () => {
    const found = await resolveIdentity({ env: newcomerEnv(), cwd: scratch.root });
    if (found?.coder !== CODER || found.from !== 'git user.name') throw new Error(`identity: ${JSON.stringify(found)}`);
    return found;
  });
  const passage = expectedPassage(workspace);
  const sidecar = path.join(workspace, SIDECAR);
  if (existsSync(sidecar)) throw new Error(`${SIDECAR} exists before the coding: the test needs a new coder`);

  const { server, url } = await startFirstRunWorkbench({
    scratch,
    folder: workspace,
    extensionDevelopmentPath: options['web-worker'] ? webOnlyCopy() : repoRoot,
    identity,
    settings: baseSettings,
  });
  session.server = server;
  startSettings = JSON.parse(readFileSync(path.join(scratch.root, 'code-server/user-data/User/settings.json'), 'utf8'));
  if ('grounded.coder' in baseSettings) throw new Error('the test must not preset grounded.coder');
  note(`code-server on ${server.url} (${elapsed()})`);
  const browser = (session.browser = await launchBrowser({ scratch, viewport: { width: 1280, height: 800 } }));
  const { page } = browser;
  await openWorkbench(page, url, {
    showNoise: options.verbose,
    onLog: options.verbose ? (_level, line) => console.log(`  [host] ${line}`) : undefined,
  });
  await watchForUnwantedQuestions(page);
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

  await step(`line ${LINE} wraps: transcripts default to word wrap (no editor.wordWrap in the settings)`, async () => {
    // Monaco renders a wrapped line as several view lines; the line's first and last words land in different ones.
    // The extension gives .txt transcripts the transcript language once it has loaded the study; the
    // language's defaults (word wrap) apply from then on. On the shared CI machine at a load average of 45 the
    // web-worker host once took more than 90 s for that (hence the wait, and the overall 450 s).
    await untilStatusBarLanguage(page, 'Interview transcript', 150_000);
    const words = passage.split(/\s+/);
    const [head, tail] = [words.slice(0, 4).join(' '), words.slice(-3).join(' ')];
    await waitUntil(
      `"${head}…" and "…${tail}" on different screen lines`,
      () =>
        page.evaluate(
          ([first, last]) => {
            const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')].map(
              (l) => l.textContent?.replace(/\u00a0/g, ' ') ?? '',
            );
            const a = lines.findIndex((l) => l.includes(first));
            const b = lines.findIndex((l) => l.includes(last));
            return a >= 0 && b >= 0 && a !== b;
          },
          [head, tail],
        ),
      10_000,
      250,
    );
  });

  await step(
    `Ctrl+G ${LINE}, Home, Right × ${LABEL.length}, Shift+End to the line's end selects the passage (${Array.from(passage).length} characters)`,
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
      // With the line wrapped, End stops at the end of the screen line; pressed there, it goes on to the end of
      // the line. So Shift+End until the selection stops growing (two presses, or one if the rest fits).
      let selected = 0;
      for (let press = 0; press < 6; press++) {
        await page.keyboard.press('Shift+End');
        const previous = selected;
        // The status bar counts UTF-16 units of the selection; it updates a moment after the key.
        selected = await waitUntil(
          'the status bar to report a longer selection',
          async () => {
            const now = await selectionLength(page);
            return now > previous ? now : undefined;
          },
          press === 0 ? 10_000 : 1_500,
        ).catch(() => previous);
        if (selected === previous) break;
      }
      const end = await cursorPosition(page);
      if (end.line !== LINE || selected !== passage.length)
        throw new Error(
          `selected ${selected} characters ending on line ${end.line}, column ${end.column}; expected ${passage.length} on line ${LINE}`,
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

  await step('no "who is coding?" prompt appeared (the coder came from the git identity)', async () => {
    const { coder } = await questionsSeen(page);
    if (coder.length > 0) throw new Error(`the workbench asked: ${coder.join(' | ')}`);
  });

  await step(
    'VS Code offered no repository in a parent folder (the copy inside the clone is one of its own)',
    async () => {
      const { parentRepository } = await questionsSeen(page);
      if (parentRepository.length > 0) throw new Error(`the workbench asked: ${parentRepository.join(' | ')}`);
    },
  );

  const added = await step(
    `${SIDECAR}, a new sidecar named after the git identity, has one ${CODE_ID} coding whose quote is the selected text`,
    async () => {
      const found = await waitUntil('the coding in the sidecar', () => readCodings(sidecar)[0], 15_000, 200).catch(
        async (error) => {
          // The command shows its failure as a notification: say what it was.
          const toasts = await page
            .locator('.notification-toast .notification-list-item-message')
            .allInnerTexts()
            .catch(() => []);
          throw new Error(`${error.message}${toasts.length ? `\nnotifications: ${toasts.join(' | ')}` : ''}`);
        },
      );
      const after = readCodings(sidecar);
      if (after.length !== 1) throw new Error(`expected 1 coding, found ${after.length}`);
      const doc = parseYaml(readFileSync(sidecar, 'utf8'));
      if (doc?.coder !== CODER) throw new Error(`the sidecar's coder is ${doc?.coder}, not ${CODER}`);
      if (found.code !== CODE_ID) throw new Error(`the new coding has code ${found.code}, not ${CODE_ID}`);
      if (found.quote !== passage)
        throw new Error(
          `quote differs:\n  got      ${JSON.stringify(found.quote)}\n  expected ${JSON.stringify(passage)}`,
        );
      return found;
    },
  );

  await step('`git status` in the copy lists the new sidecar and nothing else; its diff adds the coding', async () => {
    // The command's locks (`.codebook.yaml.lock`, `.<sidecar>.lock`) are released a few file-system round
    // trips after the sidecar lands (in the web-worker host each is a message to the server), so "nothing
    // else changed" is judged once they had a moment to go; a lock left behind still fails here.
    const others = () =>
      git(workspace, 'status', '--porcelain', '--untracked-files=all')
        .split('\n')
        .filter(Boolean)
        .filter((line) => line !== `?? ${SIDECAR}`);
    await waitUntil("the command's lock files to be released", () => others().length === 0, 3_000).catch(() => {
      throw new Error(`other files changed: ${others().join(', ')}`);
    });
    const status = git(workspace, 'status', '--porcelain');
    if (!status.split('\n').includes(`?? ${SIDECAR}`))
      throw new Error(`git status does not list ${SIDECAR}:\n${status}`);
    // What Source Control shows for the new file: every line added. (`git add -N` makes plain `git diff` show it.)
    git(workspace, 'add', '--intent-to-add', '--', SIDECAR);
    const diff = git(workspace, 'diff', '--', SIDECAR);
    const addedLines = diff.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++'));
    const removedLines = diff.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('---'));
    if (!addedLines.some((line) => line.includes(added.id)))
      throw new Error(`the diff does not add the coding ${added.id}:\n${diff}`);
    if (!addedLines.some((line) => /^\+\s+code: structures-informal$/.test(line)))
      throw new Error(`the diff does not add "code: ${CODE_ID}":\n${diff}`);
    if (!addedLines.some((line) => line.includes('quote:'))) throw new Error(`the diff has no quote line:\n${diff}`);
    if (removedLines.length > 0) throw new Error(`the diff removes lines:\n${removedLines.join('\n')}`);
    if (options.verbose) console.log(diff);
  });

  await step(
    'the new coding is drawn in the editor (a decoration on line 21)',
    () => untilLineDecorated(page, 'My sister is a nurse'),
    { fatal: false },
  );

  await step(
    'Ctrl+W closes P07 and Quick Open (Ctrl+P) opens it again at once: in the transcript language, its codings drawn again, the new one on line 21 too',
    async () => {
      await page.locator('.editor-instance .monaco-editor textarea').first().focus();
      await page.keyboard.press('Control+W');
      await page
        .locator('.tabs-container .tab', { hasText: 'P07.txt' })
        .waitFor({ state: 'detached', timeout: 10_000 });
      await openQuickOpen(page, 'P07.txt', 'P07.txt');
      await untilActiveTab(page, 'P07.txt');
      // Closing the tab closes the document in the extension host; opened again it is plain text until the
      // extension switches it, which it must do again even right after the close.
      await untilStatusBarLanguage(page, 'Interview transcript', 30_000);
      await untilP07Drawn(page);
    },
    { fatal: false },
  );

  await step(
    'P08 opened from Quick Open in the same group takes P07 off screen; a click on the P07 tab shows it again with its codings drawn, the new one too',
    async () => {
      await openQuickOpen(page, 'P08.txt', 'P08.txt');
      await untilActiveTab(page, 'P08.txt');
      await untilLineDecorated(page, 'I asked to be switched');
      // Hidden behind P08, P07's editor is gone from the extension host while its document stays open: shown
      // again, it is a new editor that gets every coding again (drawn from the layout kept for the document).
      await page.locator('.tabs-container .tab', { hasText: 'P07.txt' }).click();
      await untilActiveTab(page, 'P07.txt');
      await untilP07Drawn(page);
    },
    { fatal: false },
  );

  await step(
    "P07's timestamps, speaker labels and [laughs] (its brackets too) are drawn in colours of their own, the words said in the text colour",
    async () => {
      // The transcript language's semantic tokens, as the theme colours them in the rendered line.
      const colours = () => {
        const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line')];
        const colourOf = (lineText, text) => {
          const line = lines.find((l) => l.textContent?.replace(/\u00a0/g, ' ').includes(lineText));
          return [...(line?.querySelectorAll('span span') ?? [])]
            .filter((span) => span.textContent?.replace(/\u00a0/g, ' ').includes(text))
            .map((span) => getComputedStyle(span).color)[0];
        };
        const turn = 'P07: Okay. We had assigned mentors';
        return {
          stamp: colourOf(turn, '00:00:53'),
          speaker: colourOf(turn, 'P07'),
          said: colourOf(turn, 'Okay'),
          // A wrapped line is several view lines: "[laughs]" of line 13 is on its second.
          note: colourOf('[laughs]', 'laughs'),
          // Brackets in a transcript are not nested code: a note's brackets are in the note's colour, not in a
          // bracket-pair colour.
          noteBracket: colourOf('[laughs]', '['),
        };
      };
      let seen;
      await waitUntil(
        'the labels of line 13 coloured',
        async () => {
          seen = await page.evaluate(colours);
          return (
            seen.said !== undefined &&
            [seen.stamp, seen.speaker, seen.note].every((colour) => colour !== undefined && colour !== seen.said) &&
            seen.noteBracket === seen.note
          );
        },
        20_000,
        250,
      ).catch((error) => {
        throw new Error(`${error.message}; colours seen: ${JSON.stringify(seen)}`);
      });
    },
    { fatal: false },
  );

  // The Codings in Transcript view, as a person sees it (scripts/vscode-test/ui-steps/codings-in-transcript.mjs):
  // opened from the activity bar with P07 the active editor, it lists P07's codings with the new one, by the
  // coder the git identity names.
  await step(
    `the Codings in Transcript view, opened from the activity bar, lists P07's codings with the new one by ${CODER}`,
    async () => {
      const { rows } = await checkCodingsInTranscriptView(page, {
        transcript: 'P07.txt',
        expectCodingQuote: passage,
        // Every coder's codings of P07 (the example's and the new one), as the sidecars on disk hold them.
        expectCount: readdirSync(path.join(workspace, 'transcripts'))
          .filter((name) => /^P07\.[^.]+\.codes\.yaml$/.test(name))
          .reduce((sum, name) => sum + readCodings(path.join(workspace, 'transcripts', name)).length, 0),
        screenshot: options.keep ? path.join(scratch.root, 'codings-in-transcript.png') : undefined,
      });
      if (!rows.some((row) => row.includes(CODE_NAME) && row.includes(CODER)))
        throw new Error(`no "${CODE_NAME}" row by ${CODER}; the rows:\n${rows.join('\n')}`);
    },
  );

  // The analysis panel (scripts/vscode-test/ui-steps/analysis-panel.mjs): its page decodes the report the host
  // sends as bytes, and counts the new coding's participant.
  await step(
    `F1 "Grounded: Open Analysis" shows the report in the panel: the Codes tab lists "${CODE_NAME}"`,
    async () => {
      const { codesText } = await openAnalysisPanel(page, runCommandFromPalette, {
        screenshot:
          options.keep || screenshotDir ? path.join(screenshotDir ?? scratch.root, 'analysis-panel.png') : undefined,
      });
      if (!codesText.includes(CODE_NAME))
        throw new Error(`the Codes tab does not list "${CODE_NAME}":\n${codesText.slice(0, 2000)}`);
      await page.keyboard.press('Control+W');
    },
    { fatal: false },
  );

  // The README's editor screenshots show the example study as a newcomer has it (one coding added), before the
  // long transcript below adds its own.
  if (screenshotDir) await takeScreenshots(page);

  // More codings than a new editor gets in one step: the codings near the screen are drawn first, every other
  // one a task later, whether the transcript is opened or its tab is clicked again.
  await step(
    'a transcript of 1,600 codings that arrives in the study, opened from Quick Open, is drawn on screen and at its end (Ctrl+End); shown again from its tab, at the end and at the start (Ctrl+Home)',
    async () => {
      const long = writeLongTranscript(workspace, 'P95', [CODE_ID, 'career-direction', 'barriers-time']);
      // By its path: Quick Open's file search may not list a file written since the window opened yet.
      await openQuickOpen(page, path.join(workspace, 'transcripts/P95.txt'), 'P95.txt');
      await untilActiveTab(page, 'P95.txt');
      await untilLineDecorated(page, long.firstTurn);
      await page.keyboard.press('Control+End');
      await untilLineDecorated(page, long.lastTurn);
      await page.locator('.tabs-container .tab', { hasText: 'P07.txt' }).click();
      await untilActiveTab(page, 'P07.txt');
      await page.locator('.tabs-container .tab', { hasText: 'P95.txt' }).click();
      await untilActiveTab(page, 'P95.txt');
      await untilLineDecorated(page, long.lastTurn);
      if (options.keep) await page.screenshot({ path: path.join(scratch.root, 'long-transcript-end.png') });
      await page.keyboard.press('Control+Home');
      await untilLineDecorated(page, long.firstTurn);
      if (options.keep) await page.screenshot({ path: path.join(scratch.root, 'long-transcript-start.png') });
      await page.keyboard.press('Control+W');
      await page.locator('.tabs-container .tab', { hasText: 'P07.txt' }).click();
      await untilActiveTab(page, 'P07.txt');
    },
    { fatal: false },
  );

  await step("the repository's examples/mentorship-study is byte for byte unchanged", () => {
    const changed = snapshotDifferences(exampleBefore, snapshot(exampleStudy));
    if (changed.length > 0) throw new Error(`changed: ${changed.join(', ')}`);
  });
}

/**
 * Records, from before the first key on, every question the workbench puts that a newcomer should not meet:
 * the extension's "Grounded: who is coding?" input box, and VS Code's offer to open a git repository found in
 * a parent folder (the copy sits inside the clone, as `npm start` makes it).
 */
async function watchForUnwantedQuestions(page) {
  await page.evaluate(() => {
    const seen = { coder: [], parentRepository: [] };
    Object.assign(window, { groundedQuestions: seen });
    const record = (list, text) => {
      if (!list.includes(text)) list.push(text);
    };
    const look = () => {
      for (const element of document.querySelectorAll(
        '.quick-input-widget .quick-input-title, .quick-input-widget .quick-input-message',
      )) {
        const text = element.textContent ?? '';
        if (/who is coding/i.test(text)) record(seen.coder, text);
      }
      for (const element of document.querySelectorAll('.notification-list-item-message')) {
        const text = element.textContent ?? '';
        if (/parent folder/i.test(text)) record(seen.parentRepository, text);
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
    look();
  });
}

/** @returns {Promise<{ coder: string[], parentRepository: string[] }>} */
function questionsSeen(page) {
  return page.evaluate(() => window.groundedQuestions ?? { coder: [], parentRepository: [] });
}

async function takeScreenshots(page) {
  mkdirSync(screenshotDir, { recursive: true });
  // Show the Grounded views: the activity bar entry (its title is "Grounded").
  await step('the Grounded view container opens from the activity bar', () => showGroundedViews(page), {
    fatal: false,
  });

  for (const { file, theme, themeClass } of THEMES) {
    await step(
      `screenshot ${path.relative(repoRoot, path.join(screenshotDir, file))} (${theme})`,
      async () => {
        await editUserSettings(page, { ...startSettings, 'workbench.colorTheme': theme });
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

/**
 * Waits until the editor line whose text includes `text` has one of Grounded's decorations over it. Extension
 * decorations carry generated `ced-…` classes: backgrounds in the view-overlays layer (one div per rendered line,
 * at the same top as the text line), underlines and colours as spans in the line.
 */
/** Waits until the editor tab of `name` is the active one. */
async function untilActiveTab(page, name) {
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 20_000 });
}

/** Waits until P07 shows an example coding (line 13) and the one the test made (line 21). */
async function untilP07Drawn(page) {
  await untilLineDecorated(page, 'Mine is Dr. Abernathy');
  await untilLineDecorated(page, 'My sister is a nurse');
}

async function untilLineDecorated(page, text) {
  const check = (wanted) => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    const line = [...(editor?.querySelectorAll('.view-lines .view-line') ?? [])].find((l) =>
      l.textContent?.replace(/\u00a0/g, ' ').includes(wanted),
    );
    const decorations = [...(editor?.querySelectorAll('[class*="ced-"]') ?? [])];
    if (!line) return { decorated: false, seen: `"${wanted}" not rendered` };
    const box = line.getBoundingClientRect();
    const middle = box.top + box.height / 2;
    const decorated = decorations.some((element) => {
      const r = element.getBoundingClientRect();
      return r.width > 0 && r.top <= middle && r.bottom >= middle;
    });
    const listed = decorations.map((e) => `${e.className} @${Math.round(e.getBoundingClientRect().top)}`);
    return {
      decorated,
      seen: `"${wanted}" at ${Math.round(box.top)}–${Math.round(box.bottom)}; decorations: ${listed.join(', ') || 'none'}`,
    };
  };
  await waitUntil(
    `a decoration on the line with "${text}"`,
    async () => (await page.evaluate(check, text)).decorated,
    30_000,
    250,
  ).catch(async (error) => {
    throw new Error(`${error.message}\n${(await page.evaluate(check, text)).seen}`);
  });
}

/** Waits until the status bar's language mode reads `name`. */
async function untilStatusBarLanguage(page, name, timeoutMs) {
  const language = () =>
    page
      .locator('.statusbar-item[id="status.editor.mode"]')
      .first()
      .innerText({ timeout: 1000 })
      .catch(() => '(none)');
  await waitUntil(
    `the status bar to show the "${name}" language`,
    async () => (await language()).includes(name),
    timeoutMs,
    250,
  ).catch(async (error) => {
    throw new Error(`${error.message}; it shows ${await language()}`);
  });
}
