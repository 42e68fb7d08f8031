// Bundles every entry point with esbuild. Node extension and CLI are CommonJS for Node 20;
// the web extension and the webview are browser bundles (no Node built-ins allowed there).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {esbuild.BuildOptions} */
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', target: 'es2022' };

/** Each entry is built only when its source exists, so the scaffold builds while features land. */
const entries = [
  {
    entryPoints: ['src/extension/node.ts'],
    outfile: 'dist/extension/node.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    entryPoints: ['src/extension/web.ts'],
    outfile: 'dist/extension/web.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
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
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli/main.js', platform: 'node', format: 'cjs' },
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
].filter((entry) => existsSync(entry.entryPoints[0]));

if (watch) {
  const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
