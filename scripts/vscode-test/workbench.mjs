// Reusable pieces for driving a real VS Code workbench offline: code-server (VS Code's server and web
// workbench) in a scratch environment, and headless Debian Chromium through playwright-core.
// run.mjs uses them for the extension-host test suite; a Playwright UI test (F1, typing into the real
// command palette, screenshots) can use them the same way.
import { spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { chromiumPath, codeServerEntry, exampleStudy, repoRoot } from './paths.mjs';

/**
 * A fresh scratch tree: code-server and Chromium write into $HOME (a config with a random password,
 * crash reports), so everything they touch lives here and disappears with `remove()`.
 */
export function createScratch(prefix = 'grounded-vscode-') {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  const dir = (name) => {
    const full = path.join(root, name);
    mkdirSync(full, { recursive: true });
    return full;
  };
  const home = dir('home');
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: dir('home/.config'),
    XDG_DATA_HOME: dir('home/.local/share'),
    XDG_CACHE_HOME: dir('home/.cache'),
    TMPDIR: dir('tmp'),
  };
  return {
    root,
    env,
    dir,
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh copy of the example study (so tests never modify the committed one), or an empty folder
 * when the example does not exist yet.
 */
export function prepareWorkspace(scratch, source = exampleStudy) {
  const parent = scratch.dir('workspace');
  if (existsSync(source)) {
    const target = path.join(parent, path.basename(source));
    cpSync(source, target, { recursive: true });
    return target;
  }
  return scratch.dir('workspace/empty');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/**
 * Starts code-server detached in its own process group with fresh user-data and extensions dirs.
 * `env` reaches the extension host (and so the tests). Resolves once /healthz answers 200.
 * @param {{ scratch: ReturnType<typeof createScratch>, port?: number, host?: string, env?: Record<string, string>,
 *   extensionsDir?: string, extraArgs?: string[], logFile?: string, healthTimeoutMs?: number }} options
 */
export async function startCodeServer(options) {
  const { scratch } = options;
  if (!existsSync(codeServerEntry))
    throw new Error('code-server is not installed: run `node scripts/vscode-test/setup.mjs`');
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  const configFile = path.join(scratch.dir('code-server'), 'config.yaml');
  writeFileSync(configFile, '');
  const logFile = options.logFile ?? path.join(scratch.root, 'code-server.log');
  const args = [
    codeServerEntry,
    '--config',
    configFile,
    '--bind-addr',
    `${host}:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    scratch.dir('code-server/user-data'),
    '--extensions-dir',
    options.extensionsDir ?? scratch.dir('code-server/extensions'),
    ...(options.extraArgs ?? []),
  ];
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, args, {
    cwd: scratch.root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...scratch.env, ...options.env },
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const url = `http://${host}:${port}`;
  const stop = () => killProcessGroup(child);
  try {
    await waitForHealth(url, child, options.healthTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    host,
    port,
    child,
    logFile,
    stop,
    readLog: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
}

/** SIGTERM to the whole group (code-server forks its extension host), then SIGKILL if it lingers. */
export async function killProcessGroup(child) {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await Promise.race([exited, sleep(3000)]);
  signal('SIGKILL');
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Debian's Chromium (no browser download) with a fresh profile in the scratch tree.
 * Returns the persistent context and its first page; close the context to end the browser.
 * @param {{ scratch: ReturnType<typeof createScratch>, viewport?: { width: number, height: number } }} options
 */
export async function launchBrowser({ scratch, viewport = { width: 1400, height: 900 } }) {
  if (!existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is missing: run \`node scripts/vscode-test/setup.mjs\``);
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(scratch.dir('chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    env: { ...process.env, ...scratch.env },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close().catch(() => undefined) };
}

/**
 * The workbench URL for a folder, optionally with the test payload (extension development path,
 * extension tests path). The payload's host must equal the page's host exactly.
 * @param {{ url: string, host: string, port: number }} server
 * @param {{ folder?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string }} options
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (file) => `vscode-remote://${server.host}:${server.port}${file}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
  query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.url}/?${query.join('&')}`;
}

/** Workbench chatter that says nothing about the extension under test. */
const NOISE = [
  /open-vsx\.org/i,
  /vsda/i,
  /Failed to load resource/i,
  /status of 404/i,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Creation of workbench contribution/,
];

/**
 * Opens the workbench. `onExit` receives the code the workbench reports when extension tests finish
 * (0 pass, 1 fail); `onLog` receives each extension-host console line (mocha's reporter output).
 * The functions are exposed BEFORE navigating so the workbench finds them.
 * @param {import('playwright-core').Page} page
 * @param {string} url
 * @param {{ onExit?: (code: number) => void, onLog?: (level: string, line: string) => void, showNoise?: boolean }} handlers
 */
export async function openWorkbench(page, url, { onExit, onLog, showNoise = false } = {}) {
  await page.exposeFunction('codeAutomationExit', (code) => {
    onExit?.(Number(code));
  });
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const line = cleanLogLine(Array.isArray(args) ? format(...args) : format(args));
    if (!showNoise && NOISE.some((pattern) => pattern.test(line))) return;
    onLog?.(String(level), line);
  });
  // A loaded 2-core machine can take tens of seconds to serve the workbench.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
}

/** Strips console %c styling markers and the CSS arguments that follow them. */
function cleanLogLine(line) {
  return line.replace(/%c/g, '').replace(/\s*(color|font-weight|background)\s*:[^;\n]*;?/g, '');
}

export { repoRoot };

/** Resolves once the workbench has rendered its status bar (the shell is up and interactive). */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * Runs a command the way a person does: F1, type its palette title (e.g. "Grounded: Show Version"),
 * wait for the matching row, Enter. The palette lists an extension's commands only once the
 * extension host has registered its contributions, so it reopens the palette until the row shows.
 * @param {import('playwright-core').Page} page
 * @param {string} title
 */
export async function runCommandFromPalette(page, title, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: Math.max(1000, deadline - Date.now()) });
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ state: 'visible', timeout: 3000 });
      break;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw error;
    }
  }
  await page.keyboard.press('Enter');
}

/** The screenshot folder given by GROUNDED_SCREENSHOT_DIR (run.mjs --screenshots sets it too), if any. */
export function screenshotDirFromEnv() {
  const dir = process.env.GROUNDED_SCREENSHOT_DIR ?? process.env.GROUNDED_TEST_SCREENSHOT_DIR;
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  return path.resolve(dir);
}

/**
 * What one harness run owns — code-server, the browser, the scratch folder — and the one way it is released:
 * at the end (`cleanup()`, which also ends the deadline and the signal handlers), when the overall deadline passes (a hang fails the run: `onTimeout` reports it,
 * exit 1), or on Ctrl+C / SIGTERM (exit 130). Set `server` and `browser` as they start.
 * @param {{ scratch: { root: string, remove: () => void }, keep: boolean, note: (message: string) => void, timeoutSeconds: number, onTimeout: () => void }} options
 */
export function harnessSession({ scratch, keep, note, timeoutSeconds, onTimeout }) {
  let cleanedUp = false;
  let watchdog;
  const onSignal = {};
  const session = {
    /** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
    server: undefined,
    /** @type {Awaited<ReturnType<typeof launchBrowser>> | undefined} */
    browser: undefined,
    async cleanup() {
      if (cleanedUp) return;
      cleanedUp = true;
      // A later session in the same process (bench.mjs runs one per study) must not be stopped by this one's
      // deadline or signal handlers.
      clearTimeout(watchdog);
      for (const [signal, handler] of Object.entries(onSignal)) process.off(signal, handler);
      await session.browser?.close();
      await session.server?.stop();
      if (keep) note(`kept scratch folder ${scratch.root}`);
      else scratch.remove();
    },
  };
  watchdog = setTimeout(() => {
    onTimeout();
    void session.cleanup().finally(() => process.exit(1));
  }, timeoutSeconds * 1000);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    onSignal[signal] = () => {
      note(`${signal}: stopping`);
      void session.cleanup().finally(() => process.exit(130));
    };
    process.once(signal, onSignal[signal]);
  }
  return session;
}
