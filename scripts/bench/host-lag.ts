/**
 * `npx tsx scripts/bench/host-lag.ts <study folder>…`: how long the host's event loop is held while the
 * analysis panel's report is rebuilt, in-process and in the report worker (dist/extension/report-worker.js,
 * `npm run build` first), beside an idle baseline measured in the same process. The lag is the delay of a
 * 10 ms interval timer (max and p99). Then the build time of each. Study loading is not measured.
 */
import { join } from 'node:path';
import { ALL_CODERS_VISIBLE, loadStudy, type Study } from '../../src/core/index';
import { NodeFileSystem, pathToUri } from '../../src/node/node-file-system';
import {
  InProcessReportComputer,
  type ReportComputer,
} from '../../src/extension/analysis-panel/report-worker/report-computer';
import { WorkerReportComputer } from '../../src/extension/analysis-panel/report-worker/worker-report-computer';
import { startNodeReportWorker } from '../../src/extension/analysis-panel/report-worker/node-handle';

const TICK_MS = 10;

/** Runs `work` while a 10 ms interval timer records how late each tick fires. */
async function lagDuring(work: () => Promise<unknown>): Promise<{ max: number; p99: number; ms: number }> {
  const delays: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    delays.push(Math.max(0, now - last - TICK_MS));
    last = now;
  }, TICK_MS);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 3 * TICK_MS));
  clearInterval(timer);
  delays.sort((a, b) => a - b);
  return { max: delays[delays.length - 1] ?? 0, p99: delays[Math.floor(0.99 * (delays.length - 1))] ?? 0, ms };
}

const show = (r: { max: number; p99: number; ms: number }) =>
  `lag max ${r.max.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms (build ${r.ms.toFixed(0)} ms)`;

async function measure(folder: string): Promise<void> {
  const fs = new NodeFileSystem();
  const study: Study = await loadStudy(fs, pathToUri(folder));
  const request = { by: 'gender', coders: null, filters: [] };
  const idle = await lagDuring(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  const worker = new WorkerReportComputer(
    startNodeReportWorker(join(__dirname, '../../dist/extension/report-worker.js')),
    fs,
    (message) => process.stderr.write(message + '\n'),
  );
  const computers: [string, ReportComputer][] = [
    ['in-process', new InProcessReportComputer(fs)],
    ['worker', worker],
  ];
  const lines = [`${folder}: idle host ${show(idle)}`];
  for (const [name, computer] of computers) {
    // First build: for the worker it includes sending the whole study; the second is a rebuild after a change.
    const first = await lagDuring(() => computer.report(study, ALL_CODERS_VISIBLE, request));
    const [t, ...rest] = study.transcripts;
    const changed: Study = t ? { ...study, transcripts: [{ ...t }, ...rest] } : study;
    const rebuild = await lagDuring(() => computer.report(changed, ALL_CODERS_VISIBLE, request));
    lines.push(`  ${name.padEnd(10)} first build: ${show(first)}; rebuild after a change: ${show(rebuild)}`);
  }
  worker.dispose();
  lines.push('  goal: lag max ≤ 50 ms during a rebuild');
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  for (const folder of process.argv.slice(2)) await measure(folder);
}

void main();
