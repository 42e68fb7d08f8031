import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { Coding } from '../../src/core/model';
import type { DecorationState } from '../../src/extension/decorations/decoration-state';
import type { BenchTranscript } from './transcripts';
import { startDiskWatcher, type DiskWatcher } from './disk-watch';
import { sleep, timeUntil } from './support';

let watcher: DiskWatcher | undefined;
const diskWatcher = (): DiskWatcher => (watcher ??= startDiskWatcher());

/** One coding's latency, ms from executeCommand: the command resolving, on disk, drawn, and both (the goal's measure). */
export interface CodingSample {
  command: number;
  disk: number;
  drawn: number;
  total: number;
}

/**
 * Codes sentence 3 of turn `turnIndex` (never coded before) with `code` through the real command, and times
 * (a) the sidecar on disk holding it and (b) the decorations (the DecorationState test hook) drawing it. The
 * coding is found by its code and offsets, so the write and the drawing are timed on their own, not only once
 * the command returns its coding's id. The sidecar is watched from a worker thread (see DiskWatcher), and the
 * drawn codings are looked through only when the decorations changed: the benchmark takes as little as
 * possible from the host's thread it measures.
 */
export async function codeOnce(
  state: DecorationState,
  transcript: BenchTranscript,
  transcriptUri: vscode.Uri,
  turnIndex: number,
  code: string,
  /** Off where only the host's lag is measured: re-reading the sidecar would add the benchmark's own work to it. */
  watchDisk = true,
): Promise<CodingSample> {
  const range = transcript.turns[turnIndex]?.sentences[3];
  if (!range) throw new Error(`${transcript.name} has no turn ${turnIndex}`);
  const block = `    code: ${code}\n    start: ${range.start}\n    end: ${range.end}\n`;
  // Watched from a worker thread: re-reading the sidecar here would add the benchmark's own work to the
  // thread it measures.
  const watch = watchDisk ? await diskWatcher().watch(transcript.sidecarPath, block) : undefined;
  let diskAt: number | undefined;
  void watch?.found.then((at) => (diskAt = at));
  const document = vscode.window.visibleTextEditors.find(
    (e) => e.document.uri.toString() === transcriptUri.toString(),
  )?.document;
  if (!document) throw new Error(`${transcript.name} is not open in an editor`);
  const start = document.positionAt(range.start);
  const end = document.positionAt(range.end);
  // Looked through only when the decorations drew something new, not on every poll.
  let lastLooked: unknown;
  const drawn = () => {
    const applied = state.applied.get(document.uri.toString());
    if (applied === lastLooked) return false;
    lastLooked = applied;
    return (
      applied?.codings.some((c) => c.codeId === code && c.range.start.isEqual(start) && c.range.end.isEqual(end)) ??
      false
    );
  };
  const t0 = performance.now();
  let added: Coding[] | undefined;
  let commandDone = 0;
  const command = vscode.commands
    .executeCommand<Coding[] | undefined>('grounded.codeSelection', {
      codes: [code],
      uri: transcriptUri.toString(),
      ranges: [range],
    })
    .then((value) => {
      added = value;
      commandDone = performance.now() - t0;
    });
  const onDisk = () => !watch || diskAt !== undefined;
  const times = await timeUntil({ command: () => commandDone > 0, disk: onDisk, drawn }, t0, 60_000);
  const disk = watch && diskAt !== undefined ? diskAt - t0 : (times['disk'] ?? NaN);
  await command;
  if (!added?.length) throw new Error(`turn ${turnIndex}: grounded.codeSelection returned no coding`);
  return {
    command: commandDone,
    disk,
    drawn: times['drawn'] ?? NaN,
    total: Math.max(disk, times['drawn'] ?? NaN),
  };
}

/** A fresh turn for each coding of the run: every 7th turn from `first`, wrapping before the end. */
export function freshTurn(transcript: BenchTranscript, run: number, first: number): number {
  const index = first + run * 7;
  if (index >= transcript.turns.length) throw new Error(`${transcript.name}: not enough turns for run ${run}`);
  return index;
}

/** `warmup` + `runs` codings one after the other, with a pause for debounced work between them. */
export async function codingLatency(
  state: DecorationState,
  transcript: BenchTranscript,
  transcriptUri: vscode.Uri,
  codes: readonly string[],
  warmup: number,
  runs: number,
  firstTurn = 1,
): Promise<CodingSample[]> {
  const samples: CodingSample[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    const sample = await codeOnce(
      state,
      transcript,
      transcriptUri,
      freshTurn(transcript, run, firstTurn),
      codes[run % codes.length] ?? 'x',
    );
    if (run >= warmup) samples.push(sample);
    // Let debounced work (reloads, redraws) finish so runs do not overlap.
    await sleep(150);
  }
  return samples;
}
