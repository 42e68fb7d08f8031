import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileSystemPort } from '../../../src/core/ports/file-system';
import { MemoryFileSystem } from '../../../src/core/ports/memory-file-system';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { joinUri } from '../../../src/core/uri';
import { decodeCanonical, codePointLength } from '../../../src/core/text/canonical';
import { hashText } from '../../../src/core/text/hash';
import { makeCodings, type TranscriptRef } from '../../../src/core/study/coding-operations';
import { parseSidecar, serializeSidecar } from '../../../src/core/sidecar/format';
import type { Sidecar } from '../../../src/core/model';
import type { Problem } from '../../../src/core/problems';
import { FileLoadError } from '../../../src/core/persistence/errors';
import { walkStudy } from '../../../src/core/study/walk';

/** A canonical (LF, no BOM) excerpt of an interview. */
export const TRANSCRIPT = [
  'Interviewer: How were you assigned a mentor?',
  '',
  'P07: The program gave us a list. My assigned mentor was a chief I had never met.',
  '',
  'Interviewer: What did you do instead?',
  '',
  'P07: I found my own people. An attending stayed after rounds and walked through cases with me.',
  '',
  'P07: During the second year I was close to burning out, sleeping four hours, skipping meals.',
  '',
].join('\n');

export const CODEBOOK = [
  '# Grounded codebook. Ids are stable: rename a code by changing its name, never its id.',
  'grounded: 1',
  'codes:',
  '  - id: assigned-mentor',
  '    name: Assigned mentor',
  '    parent: mentoring',
  '    color: "#4e79a7"',
  '  - id: burnout',
  '    name: Burnout',
  '    color: "#e15759"',
  '  - id: informal-mentor',
  '    name: Informal mentor',
  '    parent: mentoring',
  '    color: "#f28e2b"',
  '  - id: mentoring',
  '    name: Mentoring',
  '    color: "#76b7b2"',
  '',
].join('\n');

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** Code-point offset of the n-th occurrence of `quote` in `text`. */
export function cpOffsetOf(text: string, quote: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`quote not in text: ${quote}`);
  }
  return codePointLength(text.slice(0, at));
}

/** Code-point range of `quote` in `text`. */
export function rangeOf(text: string, quote: string, occurrence = 0): { start: number; end: number } {
  const start = cpOffsetOf(text, quote, occurrence);
  return { start, end: start + codePointLength(quote) };
}

/** The slice of `text` by code points, the way Python's text[start:end] reads it. */
export function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** A study folder on one of the two file-system adapters. */
export interface Fixture {
  readonly name: string;
  readonly fs: FileSystemPort;
  readonly root: string;
  uri(path: string): string;
  write(path: string, content: string | Uint8Array): Promise<void>;
  read(path: string): Promise<Uint8Array | undefined>;
  /** Every file of the study, relative paths, including dot files (temp files). */
  files(): Promise<string[]>;
  transcript(path: string): Promise<TranscriptRef>;
  cleanup(): Promise<void>;
}

function fixtureOver(name: string, fs: FileSystemPort, root: string, cleanup: () => Promise<void>): Fixture {
  const fixture: Fixture = {
    name,
    fs,
    root,
    uri: (path) => joinUri(root, path),
    write: (path, content) => fs.writeFile(joinUri(root, path), typeof content === 'string' ? utf8(content) : content),
    read: async (path) => ((await fs.stat(joinUri(root, path))) ? fs.readFile(joinUri(root, path)) : undefined),
    files: async () => {
      // Temp files included: the loader's listing leaves them out, these tests look for them.
      const { files, artifacts } = await walkStudy(fs, root);
      return [...files, ...artifacts].sort();
    },
    transcript: async (path) => {
      const text = decodeCanonical(await fs.readFile(joinUri(root, path)));
      return { uri: joinUri(root, path), text, textHash: hashText(text) };
    },
    cleanup,
  };
  return fixture;
}

export async function memoryFixture(files: Record<string, string | Uint8Array> = {}): Promise<Fixture> {
  const fixture = fixtureOver('MemoryFileSystem', new MemoryFileSystem(), 'memory:/study', async () => undefined);
  for (const [path, content] of Object.entries(files)) await fixture.write(path, content);
  return fixture;
}

/** A fresh folder under os.tmpdir(); `folderName` may contain spaces, unicode and percent signs. */
export async function nodeFixture(
  files: Record<string, string | Uint8Array> = {},
  folderName = 'study',
): Promise<Fixture> {
  const parent = await mkdtemp(join(tmpdir(), 'grounded-core-'));
  const folder = join(parent, folderName);
  const fixture = fixtureOver('NodeFileSystem', new NodeFileSystem(), pathToUri(folder), () =>
    rm(parent, { recursive: true, force: true, maxRetries: 3 }),
  );
  for (const [path, content] of Object.entries(files)) await fixture.write(path, content);
  return fixture;
}

export const ADAPTERS: readonly {
  readonly name: string;
  readonly make: (files?: Record<string, string | Uint8Array>) => Promise<Fixture>;
}[] = [
  { name: 'MemoryFileSystem', make: memoryFixture },
  { name: 'NodeFileSystem', make: nodeFixture },
];

/** Asserts `promise` rejects with a FileLoadError and returns its problems. */
export async function loadErrorOf(promise: Promise<unknown>): Promise<readonly Problem[]> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FileLoadError, `expected a FileLoadError, got ${String(error)}`);
    return error.problems;
  }
  assert.fail('expected the operation to be refused with a FileLoadError');
}

/** Problems reduced to what the tests compare: kind, line, column (and the file name). */
export function places(problems: readonly Problem[]): { kind: string; line: number; column: number; file: string }[] {
  return problems.map((p) => ({
    kind: p.kind,
    line: p.line,
    column: p.column,
    file: p.uri.slice(p.uri.lastIndexOf('/') + 1),
  }));
}

export function bytesEqual(actual: Uint8Array | undefined, expected: Uint8Array | undefined, message?: string): void {
  assert.ok(actual !== undefined && expected !== undefined, message ?? 'file missing');
  assert.equal(Buffer.from(actual).toString('hex'), Buffer.from(expected).toString('hex'), message);
}

/** Someone else (another window, a sync tool) adds a coding to the sidecar, writing the file directly. */
export async function externalAdd(
  fs: FileSystemPort,
  uri: string,
  transcript: TranscriptRef,
  id: string,
  range: { start: number; end: number },
  code = 'mentoring',
): Promise<void> {
  const bytes = (await fs.stat(uri)) ? await fs.readFile(uri) : undefined;
  const current: Sidecar = bytes
    ? (() => {
        const parsed = parseSidecar(uri, fromUtf8(bytes));
        if (!parsed.ok) throw new Error('external writer found a broken sidecar');
        return parsed.value.sidecar;
      })()
    : { transcript: 'P07.txt', coder: 'amara', textHash: transcript.textHash, codings: [] };
  const [coding] = makeCodings(transcript, 'amara', [{ id, code, ...range }]);
  await fs.writeFile(uri, utf8(serializeSidecar({ ...current, codings: [...current.codings, coding!] })));
}
