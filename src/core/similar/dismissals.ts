import type { FileCodec } from '../persistence/codec';
import { compareProblems, type Loaded } from '../problems';
import { CODE_ID } from '../codebook/format';
import { compareStrings } from '../sidecar/order';
import { hashText } from '../text/hash';
import { yamlQuoted, yamlString } from '../yaml/emit';
import { FieldReader } from '../yaml/field-reader';
import { parseYamlSafely } from '../yaml/safe-parse';

/** The study file that remembers passages a person set aside for a code, at the study root, kept in git. */
export const DISMISSALS_FILE = 'similar-dismissed.yaml';
export const DISMISSALS_VERSION = 1;

/**
 * One passage dismissed for one code. The passage is named by its transcript (path from the study root) and
 * the hash of its words, not by offsets: an edit elsewhere in the transcript moves offsets but not the words,
 * so a dismissal outlives re-anchoring. `text` is the passage's start, for the person reading the file.
 */
export interface Dismissal {
  readonly code: string;
  readonly transcript: string;
  readonly passage: string;
  readonly text?: string;
}

export interface Dismissals {
  readonly dismissed: readonly Dismissal[];
}

const ENTRY_KEYS = ['code', 'transcript', 'passage', 'text'] as const;
const FILE_KEYS = ['grounded', 'dismissed'] as const;
const PASSAGE_KEY = /^[0-9a-f]{16}$/;
const EXCERPT_LENGTH = 60;

/** The key of a passage's words: white space collapsed (re-wrapping a line keeps it), 64 bits of SHA-256. */
export function passageKey(text: string): string {
  return hashText(text.trim().replace(/\s+/g, ' ')).slice('sha256:'.length, 'sha256:'.length + 16);
}

/** A dismissal of a passage for a code, with its excerpt. */
export function dismissalOf(code: string, transcript: string, text: string): Dismissal {
  const words = text.trim().replace(/\s+/g, ' ');
  const excerpt = [...words].length > EXCERPT_LENGTH ? [...words].slice(0, EXCERPT_LENGTH).join('') + '…' : words;
  return { code, transcript, passage: passageKey(text), text: excerpt };
}

function identity(d: Dismissal): string {
  return `${d.code}\u0000${d.transcript}\u0000${d.passage}`;
}

/** Whether a passage is dismissed for a code: a set over code, transcript and passage key. */
export class DismissedPassages {
  private readonly keys: ReadonlySet<string>;

  constructor(dismissals: Dismissals | undefined) {
    this.keys = new Set((dismissals?.dismissed ?? []).map(identity));
  }

  has(code: string, transcript: string, text: string): boolean {
    return this.keys.has(identity({ code, transcript, passage: passageKey(text) }));
  }
}

/** The dismissals with these added (an existing one is not added twice). */
export function withDismissals(current: Dismissals | undefined, added: readonly Dismissal[]): Dismissals {
  const byIdentity = new Map((current?.dismissed ?? []).map((d) => [identity(d), d]));
  for (const d of added) if (!byIdentity.has(identity(d))) byIdentity.set(identity(d), d);
  return { dismissed: [...byIdentity.values()] };
}

/** The dismissals without these (undo). */
export function withoutDismissals(current: Dismissals | undefined, removed: readonly Dismissal[]): Dismissals {
  const gone = new Set(removed.map(identity));
  return { dismissed: (current?.dismissed ?? []).filter((d) => !gone.has(identity(d))) };
}

/**
 * One dismissal per line, sorted by code, transcript and key: two people dismissing on two branches add
 * different lines, which git merges without a conflict; the same dismissal on both sides is the same line.
 */
export function serializeDismissals(value: Dismissals): string {
  const lines = [
    '# Passages set aside in Find Similar Passages, per code; one per line. Delete a line to see it again.',
    `grounded: ${DISMISSALS_VERSION}`,
  ];
  const sorted = [...value.dismissed].sort(
    (a, b) =>
      compareStrings(a.code, b.code) ||
      compareStrings(a.transcript, b.transcript) ||
      compareStrings(a.passage, b.passage),
  );
  lines.push(sorted.length === 0 ? 'dismissed: []' : 'dismissed:');
  for (const d of sorted) {
    const text = d.text === undefined ? '' : `, text: ${yamlQuoted(d.text)}`;
    lines.push(
      `  - { code: ${yamlString(d.code)}, transcript: ${yamlQuoted(d.transcript)}, passage: "${d.passage}"${text} }`,
    );
  }
  return lines.join('\n') + '\n';
}

export function parseDismissals(uri: string, text: string): Loaded<Dismissals> {
  const parsed = parseYamlSafely(uri, text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const reader = new FieldReader(parsed.file);
  const root = reader.object(parsed.file.data ?? {}, [], FILE_KEYS);
  if (!root) return { ok: false, problems: reader.problems };
  reader.version(root, DISMISSALS_VERSION);
  const dismissed: Dismissal[] = [];
  reader.array(root, 'dismissed', []).forEach((item, index) => {
    const path = ['dismissed', index];
    const record = reader.object(item, path, ENTRY_KEYS);
    if (!record) return;
    const code = reader.requiredString(record, 'code', path, CODE_ID, 'a code id from the codebook');
    const transcript = reader.requiredString(record, 'transcript', path);
    const passage = reader.requiredString(record, 'passage', path, PASSAGE_KEY, 'the key is 16 hexadecimal digits');
    const excerpt = reader.optionalString(record, 'text', path);
    dismissed.push({ code, transcript, passage, ...(excerpt !== undefined ? { text: excerpt } : {}) });
  });
  if (reader.problems.length > 0) return { ok: false, problems: [...reader.problems].sort(compareProblems) };
  return { ok: true, value: withDismissals(undefined, dismissed), warnings: [] };
}

export const DISMISSALS_CODEC: FileCodec<Dismissals> = { parse: parseDismissals, serialize: serializeDismissals };
