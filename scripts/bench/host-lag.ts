/**
 * `node --expose-gc --require tsx/cjs scripts/bench/host-lag.ts <study folder>…` (after `npm run build`, for the
 * worker bundles): how long each long piece of work the extension does on its host holds the host's event loop,
 * beside an idle baseline measured in the same process. The lag is the delay of a 10 ms interval timer (max and
 * p99); the goal is a max ≤ 50 ms. Measured, each through the path the extension takes:
 *   - the study load when a study is first opened, and a full reload after a change (the study service's
 *     ReloadScheduler over the CachedStudyLoader, Node's file system and SHA-256, as on the desktop), as it was
 *     and time-sliced as the extension now runs it;
 *   - a coding: the write of one coding, then the partial reload of its transcript (on a copy of the study);
 *   - Find Similar Passages: the sentence index built on the first search, then a search on the kept index;
 *   - the analysis panel's report built, then rebuilt after a change; Export for R's package and Export Study as
 *     REFI-QDA Project's archive built (the panel's worker, or one started for the export);
 *   - the survey's first parse (the Retrieve view's or Find Similar Passages' first survey filter);
 * each in-process and, where the extension moves it, in its worker. Decorations and diagnostics need VS Code:
 * `npm run bench:vscode` measures them in the real host.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addCodings,
  ALL_CODERS_VISIBLE,
  CachedStudyLoader,
  codeQueryText,
  ReloadScheduler,
  type Study,
} from '../../src/core/index';
import { loadSurvey, SurveyCache } from '../../src/core/analysis/index';
import { parseSurveyInWorker } from '../../src/extension/analysis-panel/report-worker/survey-parser';
import { startNodeWorker } from '../../src/extension/platform/node-worker-start';
import { ImportConverter } from '../../src/extension/conversion-worker/import-converter';
import { buildQdpx, escapeXml } from '../../src/core/index';
import { docx, paragraph } from '../../test/unit/core/transcript-import/docx-fixture';
import { NodeFileSystem, pathToUri } from '../../src/node/node-file-system';
import {
  InProcessReportComputer,
  type ReportComputer,
} from '../../src/extension/analysis-panel/report-worker/report-computer';
import { WorkerReportComputer } from '../../src/extension/analysis-panel/report-worker/worker-report-computer';
import { startNodeReportWorker } from '../../src/extension/analysis-panel/report-worker/node-handle';
import { InProcessSimilarSearcher, type SimilarSearcher } from '../../src/extension/similar/worker/similar-searcher';
import { WorkerSimilarSearcher } from '../../src/extension/similar/worker/worker-similar-searcher';
import { startNodeSimilarWorker } from '../../src/extension/similar/worker/node-handle';
import { timeSlicedPause } from '../../src/extension/shared/time-slices';

const TICK_MS = 10;
const DIST = join(__dirname, '../../dist/extension');

interface Lag {
  readonly max: number;
  readonly p99: number;
  readonly ms: number;
  /** Process CPU time during the work (every thread: a worker's too). */
  readonly cpuMs: number;
  /**
   * The most process CPU time spent between two ticks of the timer: on a machine shared with other work, the
   * lag of a busy stretch is stretched by the time the process waited for a core, but its CPU time is not; with
   * no worker running, this is about the longest stretch the host's thread was held, as an idle machine would see it.
   */
  readonly busyMax: number;
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** Runs `work` while a 10 ms interval timer records how late each tick fires. */
async function lagDuring(work: () => Promise<unknown>): Promise<Lag> {
  const delays: number[] = [];
  let busyMax = 0;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const timer = setInterval(() => {
    const now = performance.now();
    delays.push(Math.max(0, now - last - TICK_MS));
    busyMax = Math.max(busyMax, cpuMs(process.cpuUsage(lastCpu)));
    last = now;
    lastCpu = process.cpuUsage();
  }, TICK_MS);
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  await work();
  const ms = performance.now() - started;
  const spent = cpuMs(process.cpuUsage(startedCpu));
  await new Promise((resolve) => setTimeout(resolve, 3 * TICK_MS));
  clearInterval(timer);
  delays.sort((a, b) => a - b);
  return {
    max: delays[delays.length - 1] ?? 0,
    p99: delays[Math.floor(0.99 * (delays.length - 1))] ?? 0,
    ms,
    cpuMs: spent,
    busyMax,
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The study service's scheduler as the desktop extension builds it, over one root. */
function hostScheduler(fs: NodeFileSystem, root: string, pause: (() => Promise<void>) | undefined): ReloadScheduler {
  return new ReloadScheduler({
    loader: new CachedStudyLoader(fs, sha256, undefined, pause),
    findRoots: async () => [root],
    startTimer: (delayMs, callback) => {
      const timer = setTimeout(callback, delayMs);
      return () => clearTimeout(timer);
    },
    publish: () => undefined,
    isIgnored: (uri) => fs.isWriteArtifact(uri),
  });
}

/** Lets the garbage of the previous measurement go before the next (run with node --expose-gc). */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

type Row = [operation: string, where: string, lag: Lag];

async function measure(folder: string): Promise<string> {
  const rows: Row[] = [];
  const idle = await lagDuring(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  // The coding is written into a copy: the generated study stays as the benchmark made it.
  const copy = mkdtempSync(join(tmpdir(), 'grounded-host-lag-'));
  try {
    cpSync(folder, copy, { recursive: true });
    const fs = new NodeFileSystem({ lockHolder: 'host-lag' });
    const root = pathToUri(copy);
    // The load as it was (one stretch over every coding at the end) and as the extension now runs it.
    const ways: [string, (() => Promise<void>) | undefined][] = [
      ['host', undefined],
      ['host, time-sliced', timeSlicedPause()],
    ];
    let study: Study | undefined;
    for (const [index, [where, pause]] of ways.entries()) {
      const scheduler = hostScheduler(fs, root, pause);
      collect();
      rows.push(['study load (first open)', where, await lagDuring(async () => (study = await scheduler.study(root)))]);
      collect();
      rows.push([
        'full reload after a change (cached sidecars)',
        where,
        await lagDuring(async () => (study = await scheduler.reload(root))),
      ]);
      const loaded = study as Study;
      const transcript = loaded.transcripts[0];
      const code = loaded.codebook.codes[0]?.id;
      if (transcript && code) {
        const coder = transcript.sidecars[0]?.coder ?? 'bench';
        const start = 20 * index;
        collect();
        rows.push([
          'one coding: write + partial reload',
          where,
          await lagDuring(async () => {
            await addCodings(fs, transcript, coder, [{ code, start, end: start + 20 }]);
            study = await scheduler.reloadTranscripts(root, [transcript.uri]);
          }),
        ]);
      }
      scheduler.dispose();
    }
    const code = (study as Study).codebook.codes[0]?.id;
    const current = study as Study;

    // The workers first: the garbage of an in-process index (≈ 1 GB at XL) would be collected during them.
    const searchers: [string, SimilarSearcher][] = [
      [
        'worker',
        new WorkerSimilarSearcher(startNodeSimilarWorker(join(DIST, 'similar-worker.js')), (message) =>
          process.stderr.write(message + '\n'),
        ),
      ],
      ['host', new InProcessSimilarSearcher()],
    ];
    if (code) {
      const query = { text: codeQueryText(current, code), code, unit: 'sentence' as const, limit: 50, exclude: [] };
      for (const [where, searcher] of searchers) {
        collect();
        rows.push([
          'similar: index build + first search',
          where,
          await lagDuring(() => searcher.search(current, ALL_CODERS_VISIBLE, query)),
        ]);
        rows.push([
          'similar: next search (index kept)',
          where,
          await lagDuring(() => searcher.search(current, ALL_CODERS_VISIBLE, query)),
        ]);
        searcher.dispose();
      }
    }

    const surveyCaches: [string, SurveyCache][] = [
      ['worker', new SurveyCache(parseSurveyInWorker(() => startNodeReportWorker(join(DIST, 'report-worker.js'))))],
      ['host', new SurveyCache()],
    ];
    for (const [where, cache] of surveyCaches) {
      collect();
      rows.push(['survey: first parse', where, await lagDuring(() => loadSurvey(fs, current, cache))]);
    }

    const request = { by: 'gender', coders: null, filters: [] };
    const reportWorker = new WorkerReportComputer(
      startNodeReportWorker(join(DIST, 'report-worker.js')),
      fs,
      (message) => process.stderr.write(message + '\n'),
    );
    const computers: [string, ReportComputer][] = [
      ['worker', reportWorker],
      ['host', new InProcessReportComputer(fs)],
    ];
    for (const [where, computer] of computers) {
      collect();
      // First build: for the worker it includes sending the whole study; the second is a rebuild after a change.
      rows.push([
        'report: first build',
        where,
        await lagDuring(() => computer.report(current, ALL_CODERS_VISIBLE, request)),
      ]);
      const [t, ...rest] = current.transcripts;
      const changed: Study = t ? { ...current, transcripts: [{ ...t }, ...rest] } : current;
      rows.push([
        'report: rebuild after a change',
        where,
        await lagDuring(() => computer.report(changed, ALL_CODERS_VISIBLE, request)),
      ]);
      collect();
      rows.push([
        'Export for R: the package built',
        where,
        await lagDuring(() => computer.rPackage(changed, ALL_CODERS_VISIBLE, request)),
      ]);
      collect();
      rows.push([
        'REFI-QDA project: the archive built',
        where,
        await lagDuring(() => computer.refiProject(changed, changed.codebook, { origin: 'host-lag' })),
      ]);
      computer.dispose();
    }

    // Import Transcripts: the study's longest transcript as a Word document, one paragraph per line (the
    // conversion is mammoth's reading of the document and its HTML, the part a long interview makes slow).
    const longest = current.transcripts.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const document = docx(
      longest.text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => paragraph(escapeXml(line)))
        .join(''),
    );
    const project = buildQdpx(current, current.codebook, undefined).bytes;
    const converters: [string, ImportConverter][] = [
      ['worker', new ImportConverter(() => startNodeWorker(join(DIST, 'conversion-worker.js'), 'host-lag'))],
      ['host', new ImportConverter(undefined)],
    ];
    for (const [where, converter] of converters) {
      collect();
      rows.push([
        `Import Transcripts: a .docx of ${Math.round(document.length / 1024)} KB converted`,
        where,
        await lagDuring(() => converter.transcript('interview.docx', document)),
      ]);
      collect();
      rows.push([
        `Import REFI-QDA Project: a .qdpx of ${(project.length / 1024 / 1024).toFixed(1)} MB read`,
        where,
        await lagDuring(() => converter.project('study.qdpx', project)),
      ]);
      converter.dispose();
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  return formatRows(folder, idle, rows);
}

function formatRows(folder: string, idle: Lag, rows: readonly Row[]): string {
  const n = (value: number) => Math.round(value).toLocaleString('en-US');
  const lines = [
    `${folder} (idle host: lag max ${n(idle.max)} ms, p99 ${n(idle.p99)} ms)`,
    '',
    '| operation | where | time | CPU | lag max | lag p99 | longest busy stretch (CPU) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ([operation, where, lag]) =>
        `| ${operation} | ${where} | ${n(lag.ms)} ms | ${n(lag.cpuMs)} ms | ${n(lag.max)} ms ${lag.max <= 50 ? '✔' : '✘'} | ${n(lag.p99)} ms | ${where === 'worker' ? '— (the worker’s CPU counts too)' : `${n(lag.busyMax)} ms ${lag.busyMax <= 50 ? '✔' : '✘'}`} |`,
    ),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const cpu = cpus();
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ');
  const before = load();
  const tables: string[] = [];
  for (const folder of process.argv.slice(2)) tables.push(await measure(folder));
  process.stdout.write(
    `Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}\n` +
      `Load average (1/5/15 min): ${before} at start, ${load()} at end\n` +
      `Goal: lag max ≤ 50 ms (a 10 ms interval timer's delay)\n\n` +
      tables.join('\n\n') +
      '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
