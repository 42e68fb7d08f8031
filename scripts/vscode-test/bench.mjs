#!/usr/bin/env node
// On-demand latency benchmark of "code selection" in the real extension host (code-server's VS Code
// 1.100.3 + headless Chromium, like run.mjs): test/integration-bench/code-selection.bench.ts, compiled
// by scripts/build.mjs to dist/test/integration-bench/, is loaded as the extensionTestsPath on a copy of
// examples/mentorship-study. Not part of `npm test`: `npm run bench:vscode`.
//
//   node scripts/vscode-test/bench.mjs [--runs <n>] [--codings <n>] [--timeout <s>] [--enforce] [--keep]
//
// Prints median / p90 / max (ms) of: the command resolving, the sidecar on disk holding the coding, the
// decorations drawing it, and both (the goal: median ≤ 50 ms on 2,000 codings), plus the baseline
// serializeSidecar + writeFile of the same sidecar in the same host. --enforce exits 1 when the goal is
// missed (otherwise only a failed run does). GROUNDED_VSCODE_TEST_VERBOSE=1 shows the workbench's noise.
import { existsSync, readFileSync } from 'node:fs';
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
  workbenchUrl,
} from './workbench.mjs';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string' },
    codings: { type: 'string' },
    timeout: { type: 'string' },
    enforce: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const benchPath = path.join(repoRoot, 'dist/test/integration-bench/code-selection.bench.js');
const timeoutSeconds = Number(options.timeout ?? process.env.GROUNDED_VSCODE_TEST_TIMEOUT ?? 600);
const verbose = process.env.GROUNDED_VSCODE_TEST_VERBOSE === '1';
const note = (message) => console.log(`[bench] ${message}`);

if (!existsSync(benchPath)) {
  console.error(`[bench] ${path.relative(repoRoot, benchPath)} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const scratch = createScratch('grounded-bench-');
const resultsFile = path.join(scratch.root, 'bench.json');
const workspace = prepareWorkspace(scratch);
const session = harnessSession({
  scratch,
  keep: options.keep,
  note,
  timeoutSeconds,
  onTimeout: () => console.error(`[bench] FAILED: no result within ${timeoutSeconds} s`),
});

/** The q-quantile (0..1) of sorted values, nearest rank. */
function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v) => v.toFixed(1).padStart(7);
  return `median ${f(quantile(sorted, 0.5))}   p90 ${f(quantile(sorted, 0.9))}   max ${f(sorted[sorted.length - 1] ?? NaN)}   min ${f(sorted[0] ?? NaN)}`;
}

async function main() {
  const env = {
    GROUNDED_BENCH_RESULTS: resultsFile,
    ...(options.runs ? { GROUNDED_BENCH_RUNS: options.runs } : {}),
    ...(options.codings ? { GROUNDED_BENCH_CODINGS: options.codings } : {}),
  };
  const server = (session.server = await startCodeServer({ scratch, env }));
  const browser = (session.browser = await launchBrowser({ scratch }));
  let reportExit = () => undefined;
  const exited = new Promise((resolve) => {
    reportExit = resolve;
  });
  await openWorkbench(
    browser.page,
    workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: benchPath }),
    {
      showNoise: verbose,
      onExit: (code) => reportExit(code),
      onLog: (_level, line) => {
        if (verbose || line.startsWith('[bench]')) console.log(line);
      },
    },
  );
  note('workbench opened; the benchmark runs in the extension host');
  const code = await exited;
  let results;
  try {
    results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    results = undefined;
  }
  if (!results) {
    console.error(
      `[bench] FAILED: no results (the workbench reported ${code})\n${server.readLog().trim().split('\n').slice(-30).join('\n')}`,
    );
    return 1;
  }
  if (results.error) {
    console.error(`[bench] FAILED: ${results.error}`);
    return 1;
  }
  const pick = (key) => results.samples.map((s) => s[key]);
  console.log('');
  console.log(
    `grounded.codeSelection on a transcript with ${results.codings} codings (${Math.round(results.sidecarBytes / 1024)} KB sidecar), ${results.samples.length} runs, ms:`,
  );
  console.log(`  command promise resolved   ${summary(pick('command'))}  (it also awaits a fresh study reload)`);
  console.log(`  sidecar on disk has it     ${summary(pick('disk'))}`);
  console.log(`  decorations draw it        ${summary(pick('drawn'))}`);
  console.log(`  written and drawn (goal)   ${summary(pick('total'))}`);
  console.log(`  baseline: serializeSidecar + writeFile of the same sidecar ${summary(results.baseline)}`);
  const median = quantile(
    [...pick('total')].sort((a, b) => a - b),
    0.5,
  );
  const met = median <= results.goalMs;
  console.log(`goal: median ≤ ${results.goalMs} ms → ${met ? 'met' : 'NOT met'} (${median.toFixed(1)} ms)`);
  return options.enforce && !met ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[bench] FAILED: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  await session.cleanup();
}
process.exit(exitCode);
