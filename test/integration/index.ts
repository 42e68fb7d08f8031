// The in-host test runner: VS Code (desktop via @vscode/test-electron, or code-server via
// scripts/vscode-test/run.mjs) loads this module as extensionTestsPath and awaits run().
// scripts/build.mjs compiles it and every test/integration/**/*.test.ts into dist/test/integration/.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Results {
  passed: number;
  failed: number;
  skipped: number;
  failures: { title: string; error: string }[];
}

/** Compiled tests beside this file; in a checkout, only those whose source still exists (dist/ may be stale). */
function compiledTestFiles(): string[] {
  const sourceDir = path.resolve(__dirname, '../../../test/integration');
  const checkSource = existsSync(sourceDir);
  return readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .filter((file) => !checkSource || existsSync(path.join(sourceDir, file.replace(/\.js$/, '.ts'))))
    .sort()
    .map((file) => path.join(__dirname, file));
}

export function run(): Promise<void> {
  const grep = process.env.GROUNDED_TEST_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.GROUNDED_TEST_MOCHA_TIMEOUT ?? 20_000),
    ...(grep ? { grep } : {}),
  });
  for (const file of compiledTestFiles()) mocha.addFile(file);

  const results: Results = { passed: 0, failed: 0, skipped: 0, failures: [] };
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        writeResults(results);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => results.passed++);
      runner.on('pending', () => results.skipped++);
      runner.on('fail', (test, error: unknown) => {
        results.failed++;
        results.failures.push({
          title: test.fullTitle(),
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      });
    } catch (error) {
      results.failed++;
      results.failures.push({
        title: '(loading tests)',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      writeResults(results);
      reject(error);
    }
  });
}

/** scripts/vscode-test/run.mjs reads this to print the closing `N passed, N failed` line. */
function writeResults(results: Results): void {
  const file = process.env.GROUNDED_TEST_RESULTS;
  if (file) writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
