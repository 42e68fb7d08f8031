import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { AnalysisPanel } from '../../src/extension/analysis-panel/analysis-panel';
import type { AnalysisPanelHooks } from '../../src/extension/analysis-panel/analysis-feature';
import type { DecorationState } from '../../src/extension/decorations/decoration-state';
import { codeOnce, freshTurn, type CodingSample } from './coding-latency';
import { startProfile, type CpuProfile } from './cpu-profile';
import { LagRecorder, type Lag } from './event-loop-lag';
import type { BenchTranscript } from './transcripts';
import { sleep, waitFor } from './support';

/** One coding followed by the panel's rebuild: the host's lag over the whole episode and over the rebuild alone. */
export interface RebuildEpisode {
  /** From the coding to the rebuilt report posted to the webview. */
  episode: Lag;
  /** From the rebuild starting (after the panel's debounce) to its report posted. */
  rebuild: Lag;
  /** The panel's wait before rebuilding (it grows with the last build's duration). */
  delayMs: number;
  /** When the rebuild started and when its report was posted, ms after the coding. */
  startedAfter: number;
  postedAfter: number;
}

/** Milestones of the profiled episode, ms after the profile started (its startTime). */
export interface ProfiledEpisode {
  profile: CpuProfile;
  codedAt: number;
  buildStartedAt: number;
  postedAt: number;
}

/**
 * The real panel, opened as a person does: the transcript in the first editor group, a new group to its
 * right, then "Grounded: Open Analysis" (the command opens the panel in the active group), so the transcript
 * stays visible and its decorations keep being drawn while the panel is open.
 */
export async function openPanelBeside(
  transcriptUri: vscode.Uri,
  hooks: AnalysisPanelHooks,
): Promise<{ panel: AnalysisPanel; firstReportMs: number }> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.window.showTextDocument(transcriptUri, { preview: false, viewColumn: vscode.ViewColumn.One });
  await vscode.commands.executeCommand('workbench.action.newGroupRight');
  const t0 = performance.now();
  const opened = await vscode.commands.executeCommand<AnalysisPanel | undefined>('grounded.openAnalysis');
  const panel = opened ?? hooks.panels()[0];
  if (!panel) throw new Error('Grounded: Open Analysis opened no panel');
  await waitFor('the first report posted', () => panel.lastPosted?.type === 'report', 600_000);
  return { panel, firstReportMs: performance.now() - t0 };
}

/** Resolves when a build that starts after `buildsBefore` has posted its report; with when it started. */
function nextRebuild(panel: AnalysisPanel, buildsBefore: number): Promise<{ startedAt: number; postedAt: number }> {
  return new Promise((resolve) => {
    let startedAt = 0;
    const started = setInterval(() => {
      if (startedAt === 0 && panel.builds > buildsBefore) startedAt = performance.now();
    }, 2);
    const listener = panel.onDidPost((message) => {
      if (message.type !== 'report' || panel.builds <= buildsBefore) return;
      clearInterval(started);
      listener.dispose();
      const postedAt = performance.now();
      resolve({ startedAt: startedAt || postedAt, postedAt });
    });
  });
}

/** `episodes` times: one coding, then the host's lag until the panel has posted the rebuilt report. */
export async function lagDuringRebuilds(
  panel: AnalysisPanel,
  state: DecorationState,
  transcript: BenchTranscript,
  uri: vscode.Uri,
  codes: readonly string[],
  episodes: number,
): Promise<RebuildEpisode[]> {
  const results: RebuildEpisode[] = [];
  for (let run = 0; run < episodes; run++) {
    const delayMs = panel.rebuildDelayMs;
    const rebuilt = nextRebuild(panel, panel.builds);
    const recorder = new LagRecorder();
    const codedAt = performance.now();
    await codeOnce(state, transcript, uri, freshTurn(transcript, run, 2), codes[run % codes.length] ?? 'x', false);
    const { startedAt, postedAt } = await rebuilt;
    recorder.stop();
    results.push({
      episode: recorder.since(codedAt),
      rebuild: recorder.since(startedAt),
      delayMs,
      startedAfter: startedAt - codedAt,
      postedAfter: postedAt - codedAt,
    });
    await sleep(500);
  }
  return results;
}

/**
 * Codings made while the panel rebuilds: a first coding starts a rebuild (after the panel's debounce); the
 * moment it starts, the next coding is made and timed, which starts the next rebuild, and so on. Each timed
 * coding thus competes with a rebuild in progress (the study shipped to the worker, the report computed,
 * received and posted), as when a person keeps coding with the panel open.
 */
export async function codingDuringRebuilds(
  panel: AnalysisPanel,
  state: DecorationState,
  transcript: BenchTranscript,
  uri: vscode.Uri,
  codes: readonly string[],
  runs: number,
): Promise<CodingSample[]> {
  const samples: CodingSample[] = [];
  let builds = panel.builds;
  await codeOnce(state, transcript, uri, freshTurn(transcript, 0, 3), codes[0] ?? 'x');
  for (let run = 1; run <= runs; run++) {
    await buildStarted(panel, builds);
    builds = panel.builds;
    samples.push(
      await codeOnce(state, transcript, uri, freshTurn(transcript, run, 3), codes[run % codes.length] ?? 'x'),
    );
  }
  const last = nextRebuild(panel, builds);
  await last;
  await sleep(500);
  return samples;
}

/** Resolves within about 2 ms of the panel starting a build after `builds` builds. */
function buildStarted(panel: AnalysisPanel, builds: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + 120_000;
    const timer = setInterval(() => {
      if (panel.builds > builds) resolve();
      else if (performance.now() > deadline) reject(new Error('no rebuild started within 120 s'));
      else return;
      clearInterval(timer);
    }, 2);
  });
}

/** One more coding-and-rebuild episode under the CPU profiler, to see what holds the host's thread. */
export async function profileRebuild(
  panel: AnalysisPanel,
  state: DecorationState,
  transcript: BenchTranscript,
  uri: vscode.Uri,
  code: string,
): Promise<ProfiledEpisode> {
  const stop = await startProfile();
  const rebuilt = nextRebuild(panel, panel.builds);
  const codedAt = performance.now();
  await codeOnce(state, transcript, uri, freshTurn(transcript, 0, 4), code, false);
  const { startedAt, postedAt } = await rebuilt;
  await sleep(200);
  const profile = await stop();
  // The profile's timestamps are µs of the same monotonic clock as process.hrtime: milestones are placed on it.
  const shift = Number(process.hrtime.bigint() / 1000n) / 1000 - performance.now() - profile.startTime / 1000;
  return {
    profile,
    codedAt: codedAt + shift,
    buildStartedAt: startedAt + shift,
    postedAt: postedAt + shift,
  };
}
