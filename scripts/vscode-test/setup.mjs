#!/usr/bin/env node
// Idempotently installs what the offline VS Code integration tests need (see README.md beside this file):
// Debian packages (Chromium, ripgrep, a native build toolchain) and code-server in the ignored cache
// .vscode-test/code-server/. A stamp file makes the second run a no-op that takes milliseconds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CODE_SERVER_VERSION, cacheDir, codeServerDir, codeServerEntry, repoRoot } from './paths.mjs';

const DEBIAN_PACKAGES = [
  'build-essential',
  'python3',
  'pkg-config',
  'libkrb5-dev',
  'ripgrep',
  'chromium',
  'fonts-liberation',
  'fonts-noto-color-emoji',
  'libxml2-utils', // xmllint: the unit tests validate REFI-QDA exports against the official schemas
  // Rscript with jsonlite: the unit tests run the analysis.R of `grounded export r` on every CI run, a second,
  // independent check of the statistics core.
  'r-base-core',
  'r-cran-jsonlite',
];
// Installed without recommended packages (Chromium's pull in avahi-daemon, cups and other services a headless test
// never uses); the one recommendation the screenshots need is named here: fonts-liberation, the fonts Chromium
// recommends (without it only DejaVu is left). fonts-noto-color-emoji: transcripts quote emoji (the example study
// has some); without a colour emoji font Chromium draws boxes in the screenshots.
// @vscode/ripgrep's postinstall downloads rg from GitHub unless this archive is already in its cache.
// The release string is the VERSION constant of its lib/postinstall.js, fixed per package version.
const RIPGREP_RELEASES = { '1.15.11': 'v13.0.0-10' };
const stampFile = path.join(codeServerDir, '.installed.json');
const stamp = {
  codeServer: CODE_SERVER_VERSION,
  nodeAbi: process.versions.modules,
  platform: `${process.platform}-${process.arch}`,
};

function log(message) {
  console.log(`[vscode-test setup] ${message}`);
}

function fail(message) {
  console.error(`[vscode-test setup] ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((name) => {
    const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return query.status !== 0 || !query.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  // Only the missing packages are named, with what they depend on: apt-get upgrades no package that is installed
  // unless a new one needs a newer version of it (no `apt-get upgrade`).
  const installArgs = ['install', '-y', '--no-install-recommends', ...missing];
  const install = `apt-get update && apt-get ${installArgs.join(' ')}`;
  if (process.getuid?.() !== 0) fail(`missing Debian packages; run as root:\n  ${install}`);
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', installArgs, { env });
}

function ensurePlaywrightCore() {
  try {
    createRequire(path.join(repoRoot, 'package.json')).resolve('playwright-core');
  } catch {
    fail('playwright-core is missing: run `npm ci` (it is a devDependency).');
  }
}

function stampMatches() {
  if (!existsSync(stampFile) || !existsSync(codeServerEntry)) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(stampFile, 'utf8'))) === JSON.stringify(stamp);
  } catch {
    return false;
  }
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Names of the non-dev packages in a shrinkwrap that have install scripts. */
function packagesWithInstallScripts(shrinkwrapFile) {
  const { packages = {} } = readJson(shrinkwrapFile);
  return Object.entries(packages)
    .filter(([key, entry]) => key.startsWith('node_modules/') && entry.hasInstallScript && !entry.dev)
    .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
}

/**
 * code-server's postinstall runs `npm install` in lib/vscode and lib/vscode/extensions. npm 11 blocks
 * dependency install scripts there unless that project's package.json allows them (and an
 * allow-scripts setting in the environment is an error in a project install), so record the
 * allowance in those package.json files before the postinstall runs.
 */
function allowNestedInstallScripts(packageDir) {
  for (const sub of ['lib/vscode', 'lib/vscode/extensions']) {
    const manifestFile = path.join(packageDir, sub, 'package.json');
    const shrinkwrapFile = path.join(packageDir, sub, 'npm-shrinkwrap.json');
    if (!existsSync(manifestFile) || !existsSync(shrinkwrapFile)) continue;
    const names = packagesWithInstallScripts(shrinkwrapFile);
    const manifest = readJson(manifestFile);
    manifest.allowScripts = Object.fromEntries(names.map((name) => [name, true]));
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    log(`allowed install scripts in ${sub}: ${names.join(', ') || '(none)'}`);
  }
}

/** Seeds @vscode/ripgrep's download cache with Debian's rg so its postinstall never calls GitHub. */
function seedRipgrepCache(packageDir, tmpDir) {
  const shrinkwrap = readJson(path.join(packageDir, 'lib/vscode/npm-shrinkwrap.json'));
  const version = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version;
  const release = version && RIPGREP_RELEASES[version];
  if (!release) fail(`unknown @vscode/ripgrep version ${version}: add its release to RIPGREP_RELEASES`);
  const targets = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
  const target = targets[process.arch];
  if (process.platform !== 'linux' || !target) fail(`unsupported platform ${process.platform}-${process.arch}`);
  const rg = '/usr/bin/rg';
  if (!existsSync(rg)) fail(`${rg} is missing (Debian package ripgrep)`);
  const seedDir = path.join(tmpDir, `vscode-ripgrep-cache-${version}`);
  mkdirSync(seedDir, { recursive: true });
  run('tar', ['-czf', path.join(seedDir, `ripgrep-${release}-${target}.tar.gz`), '-C', path.dirname(rg), 'rg']);
}

function installCodeServer() {
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(repoRoot, codeServerDir)}/`);
  rmSync(codeServerDir, { recursive: true, force: true });
  const tmpDir = path.join(cacheDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  mkdirSync(codeServerDir, { recursive: true });
  const manifest = {
    name: 'grounded-vscode-test-code-server',
    private: true,
    description: 'Cache for the offline VS Code integration tests; written by scripts/vscode-test/setup.mjs.',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { 'code-server': true, argon2: true },
  };
  writeFileSync(path.join(codeServerDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const env = {
    ...process.env,
    TMPDIR: tmpDir,
    // node-pty's postinstall runs `npx node-gyp`, which aborts when npm's `yes` is false.
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // argon2 and kerberos build from source; Debian's nodejs ships the headers node-gyp needs.
  if (existsSync('/usr/include/node/common.gypi')) env.npm_config_nodedir = '/usr';

  // Fetch without scripts first so the nested projects can be prepared, then run the scripts.
  run('npm', ['install', '--ignore-scripts'], { cwd: codeServerDir, env });
  const packageDir = path.join(codeServerDir, 'node_modules/code-server');
  seedRipgrepCache(packageDir, tmpDir);
  allowNestedInstallScripts(packageDir);
  // As root, code-server's postinstall refuses to run unless this variable says --unsafe-perm. npm 11 no longer
  // knows the setting and warns about it, so it is set only where the postinstall needs it (code-server's own
  // nested `npm install --unsafe-perm` still warns once per project: that is its script, not ours).
  const rootOnly = process.getuid?.() === 0 ? { npm_config_unsafe_perm: 'true' } : {};
  run('npm', ['rebuild'], { cwd: codeServerDir, env: { ...env, ...rootOnly } });

  const rgBinary = path.join(packageDir, 'lib/vscode/node_modules/@vscode/ripgrep/bin/rg');
  if (!existsSync(rgBinary)) fail(`code-server installed without ${rgBinary}`);
  if (!existsSync(codeServerEntry)) fail(`code-server installed without ${codeServerEntry}`);
  writeFileSync(stampFile, `${JSON.stringify(stamp)}\n`);
}

/**
 * Several checkouts' scripts may run setup at once (npm test in parallel): one installs, the others
 * wait for its stamp. A lock older than the longest plausible install is taken over.
 */
function withInstallLock(install) {
  const lockDir = path.join(cacheDir, '.setup.lock');
  mkdirSync(cacheDir, { recursive: true });
  const staleMs = 20 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(lockDir).mtimeMs;
      } catch {
        continue;
      }
      if (age > staleMs) {
        log('taking over a stale setup lock');
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      log('another setup is installing code-server; waiting');
      spawnSync('sleep', ['5']);
    }
  }
  try {
    if (!stampMatches()) install();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

const started = Date.now();
ensureDebianPackages();
ensurePlaywrightCore();
if (stampMatches()) {
  log(`code-server ${CODE_SERVER_VERSION} already installed (${Date.now() - started} ms)`);
} else {
  withInstallLock(() => {
    log('first run: fetching and building code-server takes about 2 to 5 minutes');
    installCodeServer();
  });
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
