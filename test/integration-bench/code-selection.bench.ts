// Latency of "code selection" in the real extension host, on a transcript with 2,000 codings (goal: a
// median of at most 50 ms from the command to the sidecar written and the decorations updated).
// Loaded by scripts/vscode-test/bench.mjs as the extensionTestsPath (run() is awaited like a test
// runner's); scripts/build.mjs compiles it to dist/test/integration-bench/. Not part of `npm test`.
//
// In the example study (a copy) it writes transcripts/P90.txt (700 turns) and P90.bench.codes.yaml with
// 2,000 codings in 36 codes, opens the transcript, waits until all 2,000 are drawn, then runs
//   executeCommand('grounded.codeSelection', { codes: [id], uri, ranges: [range] })
// WARMUP + RUNS times on fresh passages, each time measuring from the call until (a) the sidecar on disk
// contains the new coding's id and (b) the decorations test hook (TranscriptDecorator, the
// DecorationState of src/extension/decorations) has drawn it. Baseline: serializeSidecar + writeFile of
// the same sidecar in the same host, i.e. the least any code-selection could cost.
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { Coding } from '../../src/core/model';
import { PREFIX_LENGTH, SUFFIX_LENGTH } from '../../src/core/model';
import { serializeSidecar } from '../../src/core/sidecar/format';
import { hashText } from '../../src/core/text/hash';
import type { DecorationState } from '../../src/extension/decorations/decoration-state';
import type { GroundedServices } from '../../src/extension/services';

const CODER = 'bench';
const CODINGS = Number(process.env.GROUNDED_BENCH_CODINGS ?? 2000);
const RUNS = Number(process.env.GROUNDED_BENCH_RUNS ?? 30);
const WARMUP = Number(process.env.GROUNDED_BENCH_WARMUP ?? 3);
const TURNS = 700;
const GOAL_MS = 50;

export interface BenchResults {
  codings: number;
  runs: number;
  /** Each run: ms from executeCommand to the command resolving, the sidecar holding the coding, it being drawn, and both of the last two (the goal's measure). */
  samples: { command: number; disk: number; drawn: number; total: number }[];
  baseline: number[];
  sidecarBytes: number;
  goalMs: number;
  error?: string;
}

const WORDS = (
  'mentor program resident faculty advice career research clinic patient team support feedback pressure time ' +
  'meeting email question answer sponsor student nurse family schedule paper grant conference rotation ' +
  'hospital department chair colleague friend sister lab project review decision confidence training'
).split(' ');

/** A deterministic pseudo-random generator (mulberry32), so every run codes the same text. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number): string {
  const words = Array.from(
    { length: 8 + Math.floor(next() * 10) },
    () => WORDS[Math.floor(next() * WORDS.length)] ?? 'word',
  );
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

interface Turn {
  /** Offsets of each sentence in the transcript (ASCII only, so code points = UTF-16 units). */
  sentences: { start: number; end: number }[];
}

function generateTranscript(): { text: string; turns: Turn[] } {
  const next = random(7);
  const lines = ['Study: Latency benchmark (generated)', 'Participant: P90', ''];
  const turns: Turn[] = [];
  let offset = lines.join('\n').length + 1;
  for (let i = 0; i < TURNS; i++) {
    const seconds = i * 17;
    const stamp = `[${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}]`;
    const label = `${stamp} ${i % 2 === 0 ? 'Interviewer' : 'P90'}: `;
    const parts = Array.from({ length: 4 }, () => sentence(next));
    const sentences: Turn['sentences'] = [];
    let at = offset + label.length;
    for (const part of parts) {
      sentences.push({ start: at, end: at + part.length });
      at += part.length + 1;
    }
    const line = label + parts.join(' ');
    lines.push(line, '');
    turns.push({ sentences });
    offset += line.length + 2;
  }
  return { text: lines.join('\n'), turns };
}

function coding(text: string, code: string, range: { start: number; end: number }): Coding {
  return {
    id: randomUUID(),
    code,
    start: range.start,
    end: range.end,
    quote: text.slice(range.start, range.end),
    prefix: text.slice(Math.max(0, range.start - PREFIX_LENGTH), range.start),
    suffix: text.slice(range.end, range.end + SUFFIX_LENGTH),
    by: CODER,
  };
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves with the time each condition first held, polling every millisecond or so. */
function timeUntil(
  conditions: Record<string, () => boolean>,
  t0: number,
  timeoutMs: number,
): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const poll = () => {
      for (const [name, holds] of Object.entries(conditions))
        if (times[name] === undefined && holds()) times[name] = performance.now() - t0;
      if (Object.keys(times).length === Object.keys(conditions).length) resolve(times);
      else if (performance.now() - t0 > timeoutMs)
        reject(new Error(`timed out after ${timeoutMs} ms; reached: ${JSON.stringify(times)}`));
      else setTimeout(poll, 1);
    };
    poll();
  });
}

export async function run(): Promise<void> {
  const results: BenchResults = {
    codings: CODINGS,
    runs: RUNS,
    samples: [],
    baseline: [],
    sidecarBytes: 0,
    goalMs: GOAL_MS,
  };
  const log = (message: string) => console.log(`[bench] ${message}`);
  try {
    const extension = vscode.extensions.getExtension<GroundedServices>('grounded-qda.grounded');
    if (!extension) throw new Error('the Grounded extension is not loaded');
    const services = await extension.activate();
    const state = services.testHooks?.['decorations'] as DecorationState | undefined;
    if (!state) throw new Error('the decorations test hook (services.testHooks.decorations) is missing');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder || folder.scheme !== 'file') throw new Error('no file workspace folder');
    await vscode.workspace.getConfiguration('grounded').update('coder', CODER, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);

    const study = services.studies;
    const transcriptUri = vscode.Uri.joinPath(folder, 'transcripts/P90.txt');
    const sidecarPath = path.join(folder.fsPath, `transcripts/P90.${CODER}.codes.yaml`);
    const codes = ((await study.studyFor(folder))?.codebook.codes ?? []).map((c) => c.id);
    if (codes.length === 0) throw new Error('the workspace study has no codes');

    // 2,000 codings over sentences 0–2 of the turns (some passages coded twice), in all codes.
    const { text, turns } = generateTranscript();
    const next = random(11);
    const existing: Coding[] = [];
    const used = new Set<string>();
    while (existing.length < CODINGS) {
      const turn = turns[Math.floor(next() * turns.length)];
      const index = Math.floor(next() * 3);
      const first = turn?.sentences[index];
      const last = turn?.sentences[Math.min(2, index + Math.floor(next() * 2))];
      const code = codes[Math.floor(next() * codes.length)] ?? 'x';
      if (!first || !last) continue;
      const key = `${first.start}-${last.end}-${code}`;
      if (used.has(key)) continue;
      used.add(key);
      existing.push(coding(text, code, { start: first.start, end: last.end }));
    }
    const sidecar = { transcript: 'P90.txt', coder: CODER, textHash: hashText(text), codings: existing };
    writeFileSync(path.join(folder.fsPath, 'transcripts/P90.txt'), text);
    writeFileSync(sidecarPath, serializeSidecar(sidecar));
    results.sidecarBytes = Buffer.byteLength(serializeSidecar(sidecar));
    log(
      `wrote transcripts/P90.txt (${text.length} characters, ${TURNS} turns) and P90.${CODER}.codes.yaml (${existing.length} codings, ${Math.round(results.sidecarBytes / 1024)} KB)`,
    );

    const loaded = async () =>
      (await study.transcriptFor(transcriptUri))?.transcript.sidecars.some(
        (s) => s.sidecar.coder === CODER && s.sidecar.codings.length === CODINGS,
      );
    for (const deadline = Date.now() + 60_000; !(await loaded());) {
      if (Date.now() > deadline) throw new Error('the study did not load P90 and its sidecar within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const editor = await vscode.window.showTextDocument(transcriptUri, { preview: false });
    const documentKey = () =>
      (
        vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === transcriptUri.toString()) ?? editor
      ).document.uri.toString();
    await waitFor(
      'all codings drawn',
      () => (state.applied.get(documentKey())?.codings.length ?? 0) >= CODINGS,
      60_000,
    );
    log(`P90 open, ${CODINGS} codings drawn; ${WARMUP} warm-up + ${RUNS} measured runs`);

    // Each run codes sentence 3 of a fresh turn (never coded before) with one code.
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const range = turns[run * 7 + 1]?.sentences[3];
      if (!range) throw new Error('not enough turns');
      const code = codes[run % codes.length] ?? 'x';
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
      // Found by its code and offsets (sentence 3 of this turn was never coded), so the write and the
      // drawing are timed on their own, not only once the command returns its coding's id. The sidecar is
      // re-read only when its size or mtime changes, to take as little as possible from the host's thread.
      const block = `    code: ${code}\n    start: ${range.start}\n    end: ${range.end}\n`;
      let seen = '';
      let found = false;
      const onDisk = () => {
        if (found) return true;
        try {
          const stat = statSync(sidecarPath);
          const signature = `${stat.size}:${stat.mtimeMs}`;
          if (signature === seen) return false;
          seen = signature;
          found = readFileSync(sidecarPath, 'utf8').includes(block);
          return found;
        } catch {
          return false;
        }
      };
      const drawn = () => {
        const document = vscode.window.visibleTextEditors.find(
          (e) => e.document.uri.toString() === transcriptUri.toString(),
        )?.document;
        if (!document) return false;
        const start = document.positionAt(range.start);
        const end = document.positionAt(range.end);
        return (
          state.applied
            .get(document.uri.toString())
            ?.codings.some((c) => c.codeId === code && c.range.start.isEqual(start) && c.range.end.isEqual(end)) ??
          false
        );
      };
      const times = await timeUntil({ command: () => commandDone > 0, disk: onDisk, drawn }, t0, 30_000);
      await command;
      if (!added?.length) throw new Error(`run ${run}: grounded.codeSelection returned no coding`);
      const sample = {
        command: commandDone,
        disk: times['disk'] ?? NaN,
        drawn: times['drawn'] ?? NaN,
        total: Math.max(times['disk'] ?? NaN, times['drawn'] ?? NaN),
      };
      if (run >= WARMUP) results.samples.push(sample);
      // Let debounced work (reloads, redraws) finish so runs do not overlap.
      await new Promise((resolve) => setTimeout(resolve, 150));
    }

    // Baseline: the same sidecar (now 2,000 + runs codings) serialized and written, in this host.
    const now = await study.transcriptFor(transcriptUri);
    const current = now?.transcript.sidecars.find((s) => s.sidecar.coder === CODER)?.sidecar ?? sidecar;
    const scratchFile = path.join(os.tmpdir(), `grounded-bench-${process.pid}.codes.yaml`);
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t0 = performance.now();
      await writeFile(scratchFile, serializeSidecar(current));
      if (i >= WARMUP) results.baseline.push(performance.now() - t0);
    }
  } catch (error) {
    results.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`FAILED: ${results.error}`);
  }
  const file = process.env.GROUNDED_BENCH_RESULTS;
  if (file) writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  if (results.error) throw new Error(results.error);
}
