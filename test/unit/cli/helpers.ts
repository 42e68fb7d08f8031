import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  hashText,
  makeCodings,
  serializeCodebook,
  serializeSidecar,
  type Code,
  type FileSystemPort,
} from '../../../src/core/index';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly env?: Record<string, string | undefined>;
  readonly gitUserName?: string;
  /** The file system the commands use instead of the real one (e.g. one that fails on purpose). */
  readonly fileSystem?: FileSystemPort;
}

/** Runs the CLI in-process with the given working folder, capturing what it prints. */
export async function run(cwd: string, argv: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    env: options.env ?? {},
    gitUserName: () => options.gitUserName,
    now: () => performance.now(),
    ...(options.fileSystem ? { fileSystem: options.fileSystem } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Runs with --json and parses stdout. */
export async function runJson<T = unknown>(
  cwd: string,
  argv: string[],
  options: RunOptions = {},
): Promise<{ code: number; data: T; stderr: string }> {
  const result = await run(cwd, [...argv, '--json'], options);
  let data: T;
  try {
    data = JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
  return { code: result.code, data, stderr: result.stderr };
}

const folders: string[] = [];

/** A fresh temp folder holding the given files (removed after the test run). */
export function tempFolder(files: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-cli-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) write(folder, path, text);
  return folder;
}

export function copyToTemp(source: string): string {
  const folder = tempFolder();
  cpSync(source, folder, { recursive: true });
  return folder;
}

after(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export function write(folder: string, path: string, text: string): void {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), text);
}

export function read(folder: string, path: string): string {
  return readFileSync(join(folder, path), 'utf8');
}

export function readBytes(folder: string, path: string): Buffer {
  return readFileSync(join(folder, path));
}

/** Canonical text slice by code points, the way Python's text[start:end] reads a coding. */
export function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
    .slice(start, end)
    .join('');
}

/** Code-point offset of a passage in a text (the text may contain astral characters before it). */
export function offsetOf(text: string, passage: string): number {
  const index = text.indexOf(passage);
  if (index < 0) throw new Error(`"${passage}" not in text`);
  return Array.from(text.slice(0, index)).length;
}

export const P01 =
  'Interviewer: Tell me about your mentor.\nP01: 🙂 My assigned mentor was a chief I had never met.\nLater I chose my own mentor, and that changed everything.\n';
export const P02 =
  'Interviewer: And you?\nP02: I chose my own mentor in the second year 🎓.\nI felt burnt out by the end of residency.\n';

export const CODES: Code[] = [
  { id: 'mentoring', name: 'Mentoring', color: '#4e79a7' },
  { id: 'assigned', name: 'Assigned mentor', parent: 'mentoring', color: '#f28e2b' },
  { id: 'choice', name: 'Chose own mentor', parent: 'mentoring', color: '#e15759' },
  { id: 'burnout', name: 'Burnout', color: '#76b7b2' },
];

export const SETTINGS =
  'grounded: 1\ntranscripts:\n  - "transcripts/**/*.txt"\nparticipants:\n  pattern: "^(?<id>P\\\\d+)"\n';

/** A sidecar with codings of the given passages, anchored to `text` (written the way the core writes it). */
export function sidecarText(
  transcriptName: string,
  text: string,
  coder: string,
  passages: [code: string, passage: string][],
): string {
  const stem = transcriptName.replace(/\.[^.]*$/, '');
  const codings = makeCodings(
    { uri: `file:///study/${transcriptName}`, text, textHash: hashText(text) },
    coder,
    passages.map(([code, passage], index) => {
      const start = offsetOf(text, passage);
      // Ids unique in the study, as generated ones are: P01 and P02 may not share one.
      return { code, start, end: start + Array.from(passage).length, id: `${coder}-${stem}-${index + 1}` };
    }),
  );
  return serializeSidecar({ transcript: transcriptName, coder, textHash: hashText(text), codings });
}

/**
 * A small clean study: two transcripts with emoji before the coded passages (code points ≠ UTF-16 units),
 * two coders on P01, a codebook with a category.
 */
export function cleanStudy(): string {
  return tempFolder({
    'grounded.yaml': SETTINGS,
    'codebook.yaml': serializeCodebook({ codes: CODES }),
    'transcripts/P01.txt': P01,
    'transcripts/P02.txt': P02,
    'transcripts/P01.amara.codes.yaml': sidecarText('P01.txt', P01, 'amara', [
      ['assigned', 'My assigned mentor was a chief I had never met.'],
      ['choice', 'I chose my own mentor'],
    ]),
    'transcripts/P01.ben.codes.yaml': sidecarText('P01.txt', P01, 'ben', [['choice', 'Later I chose my own mentor']]),
    'transcripts/P02.amara.codes.yaml': sidecarText('P02.txt', P02, 'amara', [
      ['choice', 'I chose my own mentor in the second year 🎓'],
      ['burnout', 'I felt burnt out'],
    ]),
  });
}
