// What a person feels of Grounded in the real extension host, on the study the workbench opened (the example
// or a generated S / XL study, a copy): activation, the first decorations of a 10,000-coding transcript,
// coding latency on a 2,000-coding transcript, and, with the analysis panel open, the host's event-loop lag
// while the panel rebuilds after a coding and coding latency while it rebuilds; each beside a baseline taken in
// the same run. Loaded by scripts/vscode-test/bench.mjs as the extensionTestsPath (run() is awaited like a
// test runner's); scripts/build.mjs compiles it to dist/test/integration-bench/. Not part of `npm test`.
//
// Everything goes through what a person uses: the transcript opened with showTextDocument, codings made with
// the grounded.codeSelection command, the panel opened with grounded.openAnalysis and rebuilt by its own
// reaction to the study changing. The benchmark only reads the test hooks (what the decorations last drew,
// the panel's build counter and posted messages) to know when something happened.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { serializeSidecar } from '../../src/core/sidecar/format';
import type { AnalysisPanelHooks } from '../../src/extension/analysis-panel/analysis-feature';
import type { DecorationState } from '../../src/extension/decorations/decoration-state';
import type { GroundedServices } from '../../src/extension/services';
import { activationTimes, type ActivationTimes } from './activation';
import { codingLatency, type CodingSample } from './coding-latency';
import { idleLag, type Lag } from './event-loop-lag';
import { firstDecorations, openingsFromExplorer, type ExplorerOpenSample, type OpenSample } from './first-decorations';
import { startProfile } from './cpu-profile';
import { codingDuringRebuilds, lagDuringRebuilds, openPanelBeside, profileRebuild, type RebuildEpisode } from './panel';
import { log, sleep } from './support';
import { writeBenchTranscript, type BenchTranscript } from './transcripts';

const EXTENSION_ID = 'grounded-qda.grounded';
const CODER = 'bench';
const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CODINGS = number('GROUNDED_BENCH_CODINGS', 2000);
const BIG_CODINGS = number('GROUNDED_BENCH_BIG_CODINGS', 10_000);
const RUNS = number('GROUNDED_BENCH_RUNS', 30);
const WARMUP = number('GROUNDED_BENCH_WARMUP', 3);
/**
 * Openings of the 10,000-coding transcript (and of the plain-text baseline), the window's first included. The time
 * until VS Code tells the extension host of a new editor is two-valued on a loaded machine (about 40 or about 90 ms
 * here: whether the window renders a frame before it sends the message), and the first opening is always the
 * slowest: of 5, the median was the second slowest of the 4 later openings; of 11, it is the middle of the 10.
 */
const OPENS = number('GROUNDED_BENCH_OPENS', 11);
const EPISODES = number('GROUNDED_BENCH_EPISODES', 3);
const PANEL_RUNS = number('GROUNDED_BENCH_PANEL_RUNS', 8);
const IDLE_MS = number('GROUNDED_BENCH_IDLE_MS', 3000);

export interface BenchResults {
  activation: { grounded: ActivationTimes | undefined; others: ActivationTimes[] };
  /** The 10,000-coding transcript opened OPENS times, and the same text outside the study (the baseline). */
  open: {
    codings: number;
    samples: OpenSample[];
    plain: number[];
    plainLag: number[];
    /** The same number of codings on another transcript, opened as the Explorer does (its document closed before). */
    fromExplorer?: ExplorerOpenSample[];
    /** Its baseline: the same text outside the study opened that way, until VS Code has shown it. */
    plainFromExplorer?: number[];
  };
  /** Codings on the 2,000-coding transcript, panel closed; baseline: serializeSidecar + writeFile of that sidecar. */
  coding: { codings: number; sidecarBytes: number; samples: CodingSample[]; baseline: number[] };
  panel: {
    where: string;
    firstReportMs: number;
    /** The report message the panel posts (JSON characters), and the host's heap with the study loaded. */
    reportChars: number;
    heapUsedMb: number;
    idle: Lag;
    episodes: RebuildEpisode[];
    coding: CodingSample[];
  };
  profile?: { file: string; codedAt: number; buildStartedAt: number; postedAt: number };
  /** One more opening and a few more codings under the CPU profiler, after the measured ones (not in the figures). */
  phaseProfiles?: { open?: string; coding?: string };
  error?: string;
}

/** Codings made under the profiler after the measured ones, on turns no other phase codes (see freshTurn). */
const PROFILED_CODINGS = 5;
const PROFILED_FIRST_TURN = 5;
const RENDERER_PROFILER_START_MS = 500;

/** Runs `phase` under the CPU profiler and writes the profile to `<dir>/<name>.cpuprofile`. */
async function profiled(dir: string, name: string, phase: () => Promise<unknown>): Promise<string> {
  // bench.mjs profiles the workbench's own thread (the browser page) from this line to "profiled <name>": the
  // pause lets its profiler start first.
  log(`profiling ${name}`);
  await sleep(RENDERER_PROFILER_START_MS);
  const stop = await startProfile();
  await phase();
  const file = path.join(dir, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(await stop()));
  log(`profiled ${name}: ${file}`);
  return file;
}

async function waitUntilLoaded(services: GroundedServices, uri: vscode.Uri, codings: number): Promise<void> {
  const loaded = async () =>
    (await services.studies.transcriptFor(uri))?.transcript.sidecars.some(
      (s) => s.sidecar.coder === CODER && s.sidecar.codings.length === codings,
    );
  for (const deadline = Date.now() + 600_000; !(await loaded());) {
    if (Date.now() > deadline) throw new Error(`the study did not load ${uri.fsPath} within 600 s`);
    await sleep(100);
  }
}

/** The least any coding could cost: the same sidecar serialized and written, in this host. */
async function writeBaseline(services: GroundedServices, transcript: BenchTranscript, uri: vscode.Uri) {
  const now = await services.studies.transcriptFor(uri);
  const current = now?.transcript.sidecars.find((s) => s.sidecar.coder === CODER)?.sidecar ?? transcript.sidecar;
  const scratchFile = path.join(os.tmpdir(), `grounded-bench-${process.pid}.codes.yaml`);
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = performance.now();
    await writeFile(scratchFile, serializeSidecar(current));
    if (i >= WARMUP) times.push(performance.now() - t0);
  }
  return times;
}

export async function run(): Promise<void> {
  // Read first: nothing the benchmark does may come before the host's own record of the activation.
  const activations = activationTimes();
  const results: Partial<BenchResults> = {
    activation: {
      grounded: activations.find((a) => a.id === EXTENSION_ID),
      others: activations.filter((a) => a.id !== EXTENSION_ID),
    },
  };
  const resultsFile = process.env.GROUNDED_BENCH_RESULTS;
  try {
    const extension = vscode.extensions.getExtension<GroundedServices>(EXTENSION_ID);
    if (!extension) throw new Error('the Grounded extension is not loaded');
    const services = await extension.activate();
    const state = services.testHooks?.['decorations'] as DecorationState | undefined;
    const hooks = services.testHooks?.['analysisPanel'] as AnalysisPanelHooks | undefined;
    if (!state || !hooks) throw new Error('the decorations or analysis panel test hooks are missing');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder || folder.scheme !== 'file') throw new Error('no file workspace folder');
    await vscode.workspace.getConfiguration('grounded').update('coder', CODER, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const study = await services.studies.studyFor(folder);
    const codes = (study?.codebook.codes ?? []).map((c) => c.id);
    if (codes.length === 0) throw new Error('the workspace study has no codes');

    const transcripts = path.join(folder.fsPath, 'transcripts');
    const coded = writeBenchTranscript({
      folder: transcripts,
      name: 'P90',
      turns: 700,
      codings: CODINGS,
      codes,
      coder: CODER,
      seed: 7,
    });
    const big = writeBenchTranscript({
      folder: transcripts,
      name: 'P91',
      turns: 1500,
      codings: BIG_CODINGS,
      codes,
      coder: CODER,
      seed: 17,
    });
    // Opened only as the Explorer opens files: no extension holds its document, so closing its tab closes it.
    writeBenchTranscript({
      folder: transcripts,
      name: 'P92',
      turns: 1500,
      codings: BIG_CODINGS,
      codes,
      coder: CODER,
      seed: 17,
    });
    // The same text outside the study's transcripts: VS Code shows it without any Grounded decoration.
    const plainFolder = path.join(folder.fsPath, 'bench-plain');
    mkdirSync(plainFolder, { recursive: true });
    writeFileSync(path.join(plainFolder, 'P91.txt'), big.text);
    writeFileSync(path.join(plainFolder, 'P92.txt'), big.text);
    const codedUri = vscode.Uri.joinPath(folder, 'transcripts/P90.txt');
    const bigUri = vscode.Uri.joinPath(folder, 'transcripts/P91.txt');
    const plainUri = vscode.Uri.joinPath(folder, 'bench-plain/P91.txt');
    await waitUntilLoaded(services, codedUri, CODINGS);
    await waitUntilLoaded(services, bigUri, BIG_CODINGS);
    const explorerUri = vscode.Uri.joinPath(folder, 'transcripts/P92.txt');
    await waitUntilLoaded(services, explorerUri, BIG_CODINGS);
    log(
      `wrote P90 (${CODINGS} codings, ${Math.round(coded.sidecarBytes / 1024)} KB) and P91 (${BIG_CODINGS} codings, ${Math.round(big.sidecarBytes / 1024)} KB), and P92 like P91; the study loaded them`,
    );

    const open = await firstDecorations(state, bigUri, plainUri, BIG_CODINGS, OPENS);
    results.open = { codings: BIG_CODINGS, ...open };
    log(
      `first decorations (the host saw the editor / codings on screen / all drawn): ${open.samples.map((s) => [s.visible, s.onScreen, s.drawn].map((t) => t?.toFixed(0) ?? '–').join(' / ')).join(', ')} ms; the same text outside the study shown: ${open.plain.map((t) => t.toFixed(0)).join(', ')} ms`,
    );
    const explorer = await openingsFromExplorer(
      state,
      explorerUri,
      vscode.Uri.joinPath(folder, 'bench-plain/P92.txt'),
      BIG_CODINGS,
      OPENS,
    );
    results.open.fromExplorer = explorer.samples;
    results.open.plainFromExplorer = explorer.plain;
    log(`opened as from the Explorer: ${explorer.samples.map((s) => s.drawn.toFixed(0)).join(', ')} ms`);
    const profileDir = process.env.GROUNDED_BENCH_PROFILE_DIR;
    if (profileDir) {
      const file = await profiled(profileDir, 'open', () => firstDecorations(state, bigUri, plainUri, BIG_CODINGS, 1));
      results.phaseProfiles = { open: file };
    }

    await vscode.window.showTextDocument(codedUri, { preview: false });
    await sleep(500);
    const samples = await codingLatency(state, coded, codedUri, codes, WARMUP, RUNS);
    results.coding = {
      codings: CODINGS,
      sidecarBytes: coded.sidecarBytes,
      samples,
      baseline: await writeBaseline(services, coded, codedUri),
    };
    log(`coding latency: ${RUNS} runs done`);
    if (profileDir) {
      const file = await profiled(profileDir, 'coding', () =>
        codingLatency(state, coded, codedUri, codes, 0, PROFILED_CODINGS, PROFILED_FIRST_TURN),
      );
      results.phaseProfiles = { ...results.phaseProfiles, coding: file };
    }

    const { panel, firstReportMs } = await openPanelBeside(codedUri, hooks);
    await sleep(1000);
    const idle = await idleLag(IDLE_MS);
    log(
      `panel open (reports ${panel.computer.where}, first in ${firstReportMs.toFixed(0)} ms); idle lag max ${idle.max.toFixed(1)} ms`,
    );
    const episodes = await lagDuringRebuilds(panel, state, coded, codedUri, codes, EPISODES);
    log(`lag during rebuilds: max ${episodes.map((e) => e.episode.max.toFixed(0)).join(', ')} ms`);
    const during = await codingDuringRebuilds(panel, state, coded, codedUri, codes, PANEL_RUNS);
    results.panel = {
      where: panel.computer.where,
      firstReportMs,
      reportChars: JSON.stringify(panel.lastPosted ?? null).length,
      heapUsedMb: process.memoryUsage().heapUsed / 1e6,
      idle,
      episodes,
      coding: during,
    };
    log(`coding during rebuilds: ${PANEL_RUNS} runs done`);

    if (profileDir) {
      const profiled = await profileRebuild(panel, state, coded, codedUri, codes[0] ?? 'x');
      const file = path.join(profileDir, 'rebuild.cpuprofile');
      writeFileSync(file, JSON.stringify(profiled.profile));
      const { profile: _profile, ...milestones } = profiled;
      results.profile = { file, ...milestones };
      log(`profiled one rebuild: ${file}`);
    }
  } catch (error) {
    results.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`FAILED: ${results.error}`);
  }
  if (resultsFile) writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  if (results.error) throw new Error(results.error);
}
