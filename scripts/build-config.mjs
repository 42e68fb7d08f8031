// What scripts/build.mjs bundles, and how. Node extension and CLI are CommonJS for Node 20; the web extension
// and the webview are browser bundles (no Node built-ins allowed there). Tests build single entries from here.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The pure core's modules do nothing when imported (no I/O, no registration): telling esbuild so lets it leave a
 * core module out of a bundle that uses none of its exports, instead of keeping it (and the libraries it
 * imports) for what its top-level statements might do. Every bundle imports the core through its index.
 * @type {import('esbuild').Plugin}
 */
const pureCore = {
  name: 'pure-core',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === pureCore) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: pureCore,
      });
      if (resolved.errors.length > 0 || !resolved.path.includes('/src/core/')) return resolved;
      return { ...resolved, sideEffects: false };
    });
  },
};

/**
 * Libraries the desktop extension needs only for features a person runs now and then (importing Word documents
 * and captions, REFI-QDA, GraphML): each is a bundle of its own under dist/extension/vendor, required the first
 * time the feature touches it, so activation neither compiles nor runs them (together ≈ 40% of what loading the
 * extension cost). The extension bundle requires a stand-in, vendor/<name>.js, that requires the library on the
 * first read of one of its exports; code imports them by name (a default or namespace import reads every
 * export at once) and creates no instance of them at module level (see core/made-once.ts). The web extension
 * keeps them inside its one bundle (a Web Worker host has no require).
 */
export const LAZY_LIBRARIES = ['mammoth', 'webvtt-parser', 'fast-xml-parser', 'fflate'];

/**
 * A hash of the source of everything that parses study files into what the CLI's on-disk cache stores (the core
 * and the Node adapters). The CLI keys its cache by it beside the version, so a build whose parsers changed
 * never reads what another build of the same version cached.
 */
export function parserFingerprint() {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  for (const folder of ['src/core', 'src/node']) {
    const files = readdirSync(path.join(repoRoot, folder), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts'))
      .sort();
    for (const file of files)
      hash.update(`${folder}/${file}\0`).update(readFileSync(path.join(repoRoot, folder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** @type {import('esbuild').Plugin} */
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    const names = new RegExp(`^(${LAZY_LIBRARIES.join('|')})$`);
    build.onResolve({ filter: names }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
  },
};

/** The stand-in for a lazily loaded library: its exports, read from the library when first asked for. */
export const standIn = (name) => `// Requires ${name} on the first read of one of its exports (see scripts/build.mjs).
let library;
const load = () => (library ??= require('./${name}.library.js'));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
    return descriptor && { ...descriptor, configurable: true };
  },
});
`;

/**
 * `import * as vscode from 'vscode'` in a CommonJS bundle copies the API's ≈ 200 exports into a fresh object in
 * every file that imports it (≈ 110 files): a sizeable part of loading the extension. Resolved here to one module
 * that re-exports the API, the copy is made once and every file shares it.
 * @type {import('esbuild').Plugin}
 */
const oneVscodeApi = {
  name: 'one-vscode-api',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-api'
        ? { path: 'vscode', external: true }
        : { path: 'vscode', namespace: 'vscode-api' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({
      contents: "export * from 'vscode';",
      loader: 'js',
    }));
  },
};

/**
 * Options every bundle shares; production bundles (the .vsix) are minified and have no source maps.
 * @returns {import('esbuild').BuildOptions}
 */
export const commonOptions = (production) => ({
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
  plugins: [pureCore],
});

/** Each entry is built only when its source exists, so the scaffold builds while features land. */
export const entries = [
  {
    entryPoints: ['src/extension/node.ts'],
    outfile: 'dist/extension/node.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    plugins: [lazyLibraries, oneVscodeApi, pureCore],
  },
  ...LAZY_LIBRARIES.map((name) => ({
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: '.', sourcefile: name },
    outfile: `dist/extension/vendor/${name}.library.js`,
    platform: 'node',
    format: 'cjs',
  })),
  {
    entryPoints: ['src/extension/web.ts'],
    outfile: 'dist/extension/web.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    plugins: [oneVscodeApi, pureCore],
    define: { 'process.env.NODE_ENV': '"production"' },
  },
  // The analysis panel's report workers: worker_threads on the desktop, a Web Worker in the browser.
  {
    entryPoints: ['src/extension/analysis-panel/report-worker/node-worker.ts'],
    outfile: 'dist/extension/report-worker.js',
    platform: 'node',
    format: 'cjs',
  },
  {
    entryPoints: ['src/extension/analysis-panel/report-worker/web-worker.ts'],
    outfile: 'dist/extension/report-worker.web.js',
    platform: 'browser',
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"' },
  },
  // The conversion workers of Import Transcripts and Import REFI-QDA Project (mammoth, the WebVTT and XML
  // parsers, unzipping), bundled the same two ways.
  {
    entryPoints: ['src/extension/conversion-worker/node-worker.ts'],
    outfile: 'dist/extension/conversion-worker.js',
    platform: 'node',
    format: 'cjs',
  },
  {
    entryPoints: ['src/extension/conversion-worker/web-worker.ts'],
    outfile: 'dist/extension/conversion-worker.web.js',
    platform: 'browser',
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"' },
  },
  // Find Similar Passages' index-and-search workers, bundled the same two ways.
  {
    entryPoints: ['src/extension/similar/worker/node-worker.ts'],
    outfile: 'dist/extension/similar-worker.js',
    platform: 'node',
    format: 'cjs',
  },
  {
    entryPoints: ['src/extension/similar/worker/web-worker.ts'],
    outfile: 'dist/extension/similar-worker.web.js',
    platform: 'browser',
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"' },
  },
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli/main.js',
    platform: 'node',
    format: 'cjs',
    define: { GROUNDED_PARSER_FINGERPRINT: JSON.stringify(parserFingerprint()) },
  },
  { entryPoints: ['webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife' },
  // The in-host integration test runner and each test file; mocha and vscode come from the host at run time.
  {
    entryPoints: ['test/integration/index.ts', 'test/integration/**/*.test.ts'],
    outdir: 'dist/test/integration',
    outbase: 'test/integration',
    platform: 'node',
    format: 'cjs',
    external: ['vscode', 'mocha'],
  },
  // On-demand benchmarks in the real extension host (scripts/vscode-test/bench.mjs); never run by npm test.
  {
    entryPoints: ['test/integration-bench/host.bench.ts'],
    outdir: 'dist/test/integration-bench',
    outbase: 'test/integration-bench',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
].filter((entry) => entry.stdin !== undefined || existsSync(entry.entryPoints[0]));

/** Writes the stand-ins of the lazily loaded libraries into `dir` (the extension bundle's vendor folder). */
export function writeStandIns(dir) {
  mkdirSync(dir, { recursive: true });
  for (const name of LAZY_LIBRARIES) writeFileSync(`${dir}/${name}.js`, standIn(name));
}
