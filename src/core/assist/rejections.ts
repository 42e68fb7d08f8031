import type { FileSystemPort } from '../ports/file-system';
import type { FileCodec } from '../persistence/codec';
import { readValue, updateFile } from '../persistence/safe-file';
import type { Loaded } from '../problems';
import { compareStrings } from '../sidecar/order';
import { joinUri } from '../uri';
import { FieldReader } from '../yaml/field-reader';
import { yamlQuoted } from '../yaml/emit';
import { parseYamlSafely } from '../yaml/safe-parse';
import type { CodeSuggestion } from './validate-answer';

/** The study file that remembers rejected suggestions, at the study root (in git, with the codings). */
export const REJECTIONS_FILE = 'rejected-suggestions.yaml';
export const REJECTIONS_VERSION = 1;

/**
 * One rejected suggestion: a passage of a transcript (by its words, so the memory survives edits that move
 * offsets) and the code — or the proposed new code's name — the researcher said does not fit it.
 */
export interface Rejection {
  readonly transcript: string;
  readonly code?: string;
  readonly newCode?: string;
  readonly quote: string;
}

export function rejectionsUri(studyRoot: string): string {
  return joinUri(studyRoot, REJECTIONS_FILE);
}

/** The key a rejection and a suggestion share: transcript, code (or new code's name, any case), words. */
function keyOf(transcript: string, code: string | undefined, newCode: string | undefined, quote: string): string {
  const what = code !== undefined ? `code\u0000${code}` : `new\u0000${(newCode ?? '').toLowerCase()}`;
  return `${transcript}\u0000${what}\u0000${quote.trim().replace(/\s+/gu, ' ')}`;
}

/** Rejections as a lookup for suggestions of one transcript. */
export class RejectionMemory {
  private readonly keys: ReadonlySet<string>;

  constructor(readonly entries: readonly Rejection[]) {
    this.keys = new Set(entries.map((entry) => keyOf(entry.transcript, entry.code, entry.newCode, entry.quote)));
  }

  has(transcript: string, suggestion: Pick<CodeSuggestion, 'code' | 'newCode' | 'quote'>): boolean {
    return this.keys.has(keyOf(transcript, suggestion.code, suggestion.newCode, suggestion.quote));
  }
}

export function rejectionOf(transcript: string, suggestion: CodeSuggestion): Rejection {
  return {
    transcript,
    ...(suggestion.code !== undefined ? { code: suggestion.code } : { newCode: suggestion.newCode as string }),
    quote: suggestion.quote,
  };
}

function compareRejections(a: Rejection, b: Rejection): number {
  return (
    compareStrings(a.transcript, b.transcript) ||
    compareStrings(a.code ?? '', b.code ?? '') ||
    compareStrings(a.newCode ?? '', b.newCode ?? '') ||
    compareStrings(a.quote, b.quote)
  );
}

/** Sorted, one entry per key, fixed key order, one scalar per line: two coders' rejections merge line by line. */
export function serializeRejections(entries: readonly Rejection[]): string {
  const lines = [
    '# Grounded: code suggestions that were rejected, so they are not suggested again (per transcript, passage and code).',
    `grounded: ${REJECTIONS_VERSION}`,
  ];
  const sorted = [...entries].sort(compareRejections);
  lines.push(sorted.length === 0 ? 'rejected: []' : 'rejected:');
  for (const entry of sorted) {
    lines.push(`  - transcript: ${yamlQuoted(entry.transcript)}`);
    if (entry.code !== undefined) lines.push(`    code: ${yamlQuoted(entry.code)}`);
    else lines.push(`    newCode: ${yamlQuoted(entry.newCode ?? '')}`);
    lines.push(`    quote: ${yamlQuoted(entry.quote)}`);
  }
  return lines.join('\n') + '\n';
}

const ROOT_KEYS = ['grounded', 'rejected'] as const;
const ENTRY_KEYS = ['transcript', 'code', 'newCode', 'quote'] as const;

/** Reads the file through the safe parser; every problem has its line and column. */
export function parseRejections(uri: string, text: string): Loaded<readonly Rejection[]> {
  const parsed = parseYamlSafely(uri, text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const reader = new FieldReader(parsed.file);
  const root = reader.object(parsed.file.data, [], ROOT_KEYS);
  if (!root) return { ok: false, problems: reader.problems };
  reader.version(root, REJECTIONS_VERSION);
  const entries: Rejection[] = [];
  reader.array(root, 'rejected', []).forEach((item, index) => {
    const path = ['rejected', index];
    const record = reader.object(item, path, ENTRY_KEYS);
    if (!record) return;
    const transcript = reader.requiredString(record, 'transcript', path);
    const code = reader.optionalString(record, 'code', path);
    const newCode = reader.optionalString(record, 'newCode', path);
    const quote = reader.requiredString(record, 'quote', path);
    if ((code === undefined) === (newCode === undefined)) {
      reader.error(path, 'schema', 'a rejection names either "code" or "newCode"', 'keep exactly one of the two');
      return;
    }
    entries.push({ transcript, ...(code !== undefined ? { code } : { newCode: newCode as string }), quote });
  });
  if (reader.problems.length > 0) return { ok: false, problems: reader.problems };
  return { ok: true, value: entries, warnings: [] };
}

export const rejectionsCodec: FileCodec<readonly Rejection[]> = {
  parse: parseRejections,
  serialize: serializeRejections,
};

/** The study's rejections (none when the file does not exist). Throws FileLoadError when it does not load. */
export async function readRejections(fs: FileSystemPort, studyRoot: string): Promise<RejectionMemory> {
  return new RejectionMemory((await readValue(fs, rejectionsUri(studyRoot), rejectionsCodec)) ?? []);
}

/**
 * Adds rejections through the safe-write path (locked, compare and swap; a file that does not load is refused
 * and left as it is). Rejections already remembered are not added twice. Returns the memory as written.
 */
export async function rememberRejections(
  fs: FileSystemPort,
  studyRoot: string,
  added: readonly Rejection[],
): Promise<RejectionMemory> {
  const result = await updateFile(fs, rejectionsUri(studyRoot), rejectionsCodec, (current) => {
    const memory = new RejectionMemory(current ?? []);
    const fresh: Rejection[] = [];
    for (const entry of added) {
      if (memory.has(entry.transcript, entry) || new RejectionMemory(fresh).has(entry.transcript, entry)) continue;
      fresh.push(entry);
    }
    return fresh.length === 0 ? undefined : [...(current ?? []), ...fresh];
  });
  return new RejectionMemory(result.value ?? []);
}
