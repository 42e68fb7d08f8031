// Where the offline VS Code test setup keeps things; shared by setup.mjs, run.mjs and start.mjs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The last code-server whose engines.node is 20; it bundles VS Code 1.100.3. */
export const CODE_SERVER_VERSION = '4.100.3';
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = path.join(repoRoot, '.vscode-test');
export const codeServerDir = path.join(cacheDir, 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'node_modules/code-server/out/node/entry.js');
export const chromiumPath = process.env.GROUNDED_CHROMIUM ?? '/usr/bin/chromium';
/** The compiled in-host mocha runner (scripts/build.mjs bundles test/integration/index.ts). */
export const testRunnerPath = path.join(repoRoot, 'dist/test/integration/index.js');
export const exampleStudy = path.join(repoRoot, 'examples/mentorship-study');
/** Where `npm start` keeps its copy of the example study (ignored by this repository; a repository of its own). */
export const playgroundStudy = path.join(repoRoot, 'playground/mentorship-study');
