#!/usr/bin/env node
// The same integration suite in desktop VS Code through @vscode/test-electron, for contributors with
// internet access: it downloads VS Code from Microsoft's update servers, which CI here cannot reach
// (CI uses run.mjs and code-server instead). Build first: `npm run build`.
//
//   node scripts/vscode-test/electron.mjs [--grep <pattern>] [--vscode-version <version>]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { exampleStudy, repoRoot, testRunnerPath } from './paths.mjs';
import { createScratch, prepareWorkspace } from './workbench.mjs';

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    // Matches the VS Code that code-server 4.100.3 bundles and package.json engines.vscode.
    'vscode-version': { type: 'string', default: '1.100.3' },
  },
});

if (!existsSync(testRunnerPath)) {
  console.error(`${path.relative(repoRoot, testRunnerPath)} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const scratch = createScratch('grounded-electron-');
const workspace = prepareWorkspace(scratch);
const resultsFile = path.join(scratch.root, 'results.json');
try {
  await runTests({
    version: options['vscode-version'],
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testRunnerPath,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--user-data-dir',
      scratch.dir('user-data'),
      '--extensions-dir',
      scratch.dir('extensions'),
    ],
    extensionTestsEnv: {
      GROUNDED_TEST_RESULTS: resultsFile,
      GROUNDED_TEST_WORKSPACE: workspace,
      GROUNDED_TEST_EXAMPLE: existsSync(exampleStudy) ? path.basename(exampleStudy) : '',
      ...(options.grep ? { GROUNDED_TEST_GREP: options.grep } : {}),
    },
  });
} catch (error) {
  console.error(`Integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  scratch.remove();
}
