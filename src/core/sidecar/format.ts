import type { Coding, CodingStatus, Sidecar } from '../model';
import type { Loaded, Problem } from '../problems';
import { problem } from '../problems';
import { FieldReader } from '../yaml/field-reader';
import { parseYamlSafely } from '../yaml/safe-parse';
import { yamlQuoted, yamlString } from '../yaml/emit';
import { encodeUtf8 } from '../text/canonical';
import { compareCodings } from './order';
import { parseCanonicalSidecar } from './canonical-parse';
import { CODER_ID, SIDECAR_VERSION, type ParsedSidecar } from './sidecar-shape';

export { SIDECAR_VERSION, CODER_ID, type ParsedSidecar } from './sidecar-shape';

export const SIDECAR_SUFFIX = '.codes.yaml';
const CODER_ID_HINT = 'coder ids use lowercase letters (any script), digits, "-" and "_"';
const STATUSES: readonly CodingStatus[] = ['needs-review', 'orphan'];
const CODING_KEYS = ['id', 'code', 'start', 'end', 'quote', 'prefix', 'suffix', 'memo', 'assisted', 'status'] as const;
const SIDECAR_KEYS = ['grounded', 'transcript', 'coder', 'textHash', 'codings'] as const;

/**
 * Serializes a sidecar. Deterministic (sorted codings, fixed key order, LF, trailing newline) and
 * merge-friendly: each coding is its own block of lines, nothing aggregate is stored.
 */
export function serializeSidecar(sidecar: Sidecar): string {
  const codings = [...sidecar.codings].sort(compareCodings);
  const lines = [headerOf(sidecar, codings.length)];
  for (const coding of codings) lines.push(codingBlock(coding));
  return lines.join('\n') + '\n';
}

/**
 * The UTF-8 of serializeSidecar(sidecar), byte for byte, without building the text: a coding action rewrites a
 * 2,000-coding sidecar in which all but one or two codings are the objects of the previous write, so the runs of
 * codings before and after the change are copied from the previous write's bytes, and only the codings between
 * are looked up (each coding's bytes are cached the first time it is written). A coding costs one new block and a
 * copy, not the text of every coding joined and encoded again (≈ 4 ms at 2,000 codings). A block ends in a line
 * break, which is ASCII, so encoding block by block gives what encoding the whole text gives.
 */
export function encodeSidecar(sidecar: Sidecar): Uint8Array {
  const codings = [...sidecar.codings].sort(compareCodings);
  const header = encodeUtf8(headerOf(sidecar, codings.length) + '\n');
  const previous = lastEncoded;
  const { head, tail } = previous ? sharedEnds(previous.codings, codings) : { head: 0, tail: 0 };
  const middle: Uint8Array[] = [];
  for (let index = head; index < codings.length - tail; index++) middle.push(blockBytesOf(codings[index] as Coding));
  const headBytes = previous ? previous.bytes.subarray(previous.starts[0], previous.starts[head]) : EMPTY;
  const tailBytes = previous ? previous.bytes.subarray(previous.starts[previous.codings.length - tail]) : EMPTY;
  let length = header.length + headBytes.length + tailBytes.length;
  for (const part of middle) length += part.length;
  const bytes = new Uint8Array(length);
  const starts: number[] = [];
  bytes.set(header, 0);
  let at = header.length;
  if (previous) {
    const shift = at - (previous.starts[0] as number);
    for (let index = 0; index < head; index++) starts.push((previous.starts[index] as number) + shift);
  }
  bytes.set(headBytes, at);
  at += headBytes.length;
  for (const part of middle) {
    starts.push(at);
    bytes.set(part, at);
    at += part.length;
  }
  if (previous) {
    const shift = at - (previous.starts[previous.codings.length - tail] as number);
    for (let index = previous.codings.length - tail; index < previous.codings.length; index++)
      starts.push((previous.starts[index] as number) + shift);
  }
  bytes.set(tailBytes, at);
  starts.push(length);
  lastEncoded = { codings, bytes, starts };
  return bytes;
}

/**
 * The last sidecar encodeSidecar wrote: its codings in order, its bytes, and where each coding's block starts
 * (one more entry: the end). Never mutated after it is made; the bytes are the caller's too, and nothing
 * writes into a file's bytes.
 */
let lastEncoded:
  { readonly codings: readonly Coding[]; readonly bytes: Uint8Array; readonly starts: readonly number[] } | undefined;

const EMPTY = new Uint8Array(0);

/** How many codings at the start and at the end of `after` are the very objects at the same ends of `before`. */
function sharedEnds(before: readonly Coding[], after: readonly Coding[]): { head: number; tail: number } {
  const most = Math.min(before.length, after.length);
  let head = 0;
  while (head < most && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < most - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { head, tail };
}

function blockBytesOf(coding: Coding): Uint8Array {
  let bytes = blockBytes.get(coding);
  if (bytes === undefined) blockBytes.set(coding, (bytes = encodeUtf8(codingBlock(coding) + '\n')));
  return bytes;
}

/** The header comment, the header keys and the line that opens the codings, without the final line break. */
function headerOf(sidecar: Sidecar, codings: number): string {
  return [
    `# Grounded codings of ${commentSafe(sidecar.transcript)} by ${commentSafe(sidecar.coder)}. Offsets are Unicode code points (LF line ends), end exclusive.`,
    `grounded: ${SIDECAR_VERSION}`,
    `transcript: ${yamlString(sidecar.transcript)}`,
    `coder: ${yamlString(sidecar.coder)}`,
    `textHash: ${yamlString(sidecar.textHash)}`,
    codings === 0 ? 'codings: []' : 'codings:',
  ].join('\n');
}

/**
 * Each coding's lines, kept per coding object: codings are never mutated, and a coding action rewrites a
 * sidecar in which all but one or two codings are the objects of the previous write, so most of a 2,000-coding
 * file is joined, not escaped again.
 */
const blocks = new WeakMap<Coding, string>();

/** Each coding's block and its line break as UTF-8, kept per coding object like `blocks`. */
const blockBytes = new WeakMap<Coding, Uint8Array>();

function codingBlock(coding: Coding): string {
  let block = blocks.get(coding);
  if (block === undefined) {
    block = [
      `  - id: ${yamlString(coding.id)}`,
      `    code: ${yamlString(coding.code)}`,
      `    start: ${coding.start}`,
      `    end: ${coding.end}`,
      `    quote: ${yamlQuoted(coding.quote)}`,
      `    prefix: ${yamlQuoted(coding.prefix)}`,
      `    suffix: ${yamlQuoted(coding.suffix)}`,
      ...(coding.memo !== undefined && coding.memo !== '' ? [`    memo: ${yamlQuoted(coding.memo)}`] : []),
      ...(coding.assisted !== undefined && coding.assisted !== ''
        ? [`    assisted: ${yamlQuoted(coding.assisted)}`]
        : []),
      ...(coding.status !== undefined ? [`    status: ${coding.status}`] : []),
    ].join('\n');
    blocks.set(coding, block);
  }
  return block;
}

/**
 * What a parse of serializeSidecar(sidecar) would give besides the sidecar: the line of each coding's
 * "- id:" — when that parse gives back these very values (deep-equal, keys in the parser's order), so a reader
 * that finds exactly the bytes this sidecar was written as may take it as parsed. Undefined when it would not:
 * a field the parser refuses or reads back otherwise (an empty memo is dropped, `by` is always the coder),
 * codings out of their one order, an id used twice.
 */
export function lineOfAsWritten(sidecar: Sidecar): Map<string, number> | undefined {
  const { transcript, coder, textHash, codings } = sidecar;
  if (!sameKeys(sidecar, SIDECAR_FIELDS) || !transcript || !textHash || !CODER_ID.test(coder)) return undefined;
  const lineOf = new Map<string, number>();
  // The header comment, grounded, transcript, coder, textHash and codings: the first coding is on line 7.
  let line = 7;
  let previous: Coding | undefined;
  for (const coding of codings) {
    if (coding.by !== coder || !readsBackAsItself(coding)) return undefined;
    if (previous !== undefined && compareCodings(previous, coding) >= 0) return undefined;
    if (lineOf.has(coding.id)) return undefined;
    lineOf.set(coding.id, line);
    line += 7 + (coding.memo !== undefined ? 1 : 0) + (coding.assisted !== undefined ? 1 : 0);
    line += coding.status !== undefined ? 1 : 0;
    previous = coding;
  }
  return lineOf;
}

const SIDECAR_FIELDS = ['transcript', 'coder', 'textHash', 'codings'];
const CODING_FIELDS = ['id', 'code', 'start', 'end', 'quote', 'prefix', 'suffix', 'by'];
const OPTIONAL_CODING_FIELDS = ['memo', 'assisted', 'status'];

/** Codings known to read back as themselves (see readsBackAsItself); codings are never mutated. */
const readBack = new WeakSet<Coding>();

/** Whether a coding's block parses back to an equal coding with the same keys in the same order (`by` aside). */
function readsBackAsItself(coding: Coding): boolean {
  if (readBack.has(coding)) return true;
  const ok =
    sameKeys(coding, [...CODING_FIELDS, ...OPTIONAL_CODING_FIELDS.filter((key) => key in coding)]) &&
    typeof coding.id === 'string' &&
    coding.id !== '' &&
    typeof coding.code === 'string' &&
    coding.code !== '' &&
    Number.isSafeInteger(coding.start) &&
    Number.isSafeInteger(coding.end) &&
    coding.start >= 0 &&
    coding.end >= coding.start &&
    typeof coding.quote === 'string' &&
    typeof coding.prefix === 'string' &&
    typeof coding.suffix === 'string' &&
    (!('memo' in coding) || (typeof coding.memo === 'string' && coding.memo !== '')) &&
    (!('assisted' in coding) || (typeof coding.assisted === 'string' && coding.assisted !== '')) &&
    (!('status' in coding) || STATUSES.includes(coding.status as CodingStatus));
  if (ok) readBack.add(coding);
  return ok;
}

function sameKeys(value: object, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && own.every((key, index) => key === keys[index]);
}

/** A file name inside the header comment: a line break (legal in file names) would end the comment and inject YAML. */
function commentSafe(value: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value) ? yamlQuoted(value) : value;
}

/**
 * Parses and validates a sidecar: conflict markers, YAML syntax, aliases, schema, unique coding ids,
 * start ≤ end. Offsets against the transcript are checked by validateSidecarAgainstText, which needs the text.
 */
export function parseSidecar(uri: string, text: string): Loaded<ParsedSidecar> {
  const parsed = parseYamlSafely(uri, text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const reader = new FieldReader(parsed.file);
  const root = reader.object(parsed.file.data, [], SIDECAR_KEYS);
  if (!root) return { ok: false, problems: reader.problems };
  reader.version(root, SIDECAR_VERSION);
  const transcript = reader.requiredString(root, 'transcript', []);
  const coder = reader.requiredString(root, 'coder', [], CODER_ID, CODER_ID_HINT);
  const textHash = reader.requiredString(root, 'textHash', []);
  const codings: Coding[] = [];
  const lineOf = new Map<string, number>();
  reader.array(root, 'codings', []).forEach((item, index) => {
    const path = ['codings', index];
    const record = reader.object(item, path, CODING_KEYS);
    if (!record) return;
    const id = reader.requiredString(record, 'id', path);
    const start = reader.nonNegativeInteger(record, 'start', path);
    const end = reader.nonNegativeInteger(record, 'end', path);
    if (end < start)
      reader.error(
        [...path, 'end'],
        'offsets',
        `coding ${id}: end ${end} is before start ${start}`,
        'swap them or re-code the passage',
      );
    if (lineOf.has(id)) {
      reader.error(
        [...path, 'id'],
        'duplicate-id',
        `coding id "${id}" is used twice (first on line ${lineOf.get(id)})`,
        'give one of them a new id (any unique string) — both codings are kept',
      );
    } else {
      lineOf.set(id, parsed.file.positionOf(path).line);
    }
    const memo = reader.optionalString(record, 'memo', path);
    const assisted = reader.optionalString(record, 'assisted', path);
    const status = reader.optionalString(record, 'status', path);
    if (status !== undefined && !STATUSES.includes(status as CodingStatus)) {
      reader.error(
        [...path, 'status'],
        'schema',
        `status "${status}" is not one of ${STATUSES.join(', ')}`,
        'remove the status line once the coding is reviewed',
      );
    }
    codings.push({
      id,
      code: reader.requiredString(record, 'code', path),
      start,
      end,
      quote: reader.text(record, 'quote', path),
      prefix: reader.text(record, 'prefix', path),
      suffix: reader.text(record, 'suffix', path),
      by: coder,
      ...(memo !== undefined ? { memo } : {}),
      ...(assisted !== undefined ? { assisted } : {}),
      ...(status !== undefined ? { status: status as CodingStatus } : {}),
    });
  });
  if (reader.problems.length > 0) return { ok: false, problems: reader.problems };
  codings.sort(compareCodings);
  return { ok: true, value: { sidecar: { transcript, coder, textHash, codings }, lineOf }, warnings: [] };
}

/**
 * Offsets out of range for the text the sidecar claims to be anchored to (same hash) mean a broken file,
 * not an edited transcript: refuse it. When the hash differs, re-anchoring handles any offsets.
 */
export function validateSidecarAgainstText(
  uri: string,
  parsed: ParsedSidecar,
  textLength: number,
  textHash: string,
): Problem[] {
  if (parsed.sidecar.textHash !== textHash) return [];
  const problems: Problem[] = [];
  for (const coding of parsed.sidecar.codings) {
    if (coding.end > textLength) {
      problems.push(
        problem(
          uri,
          parsed.lineOf.get(coding.id) ?? 0,
          5,
          'offsets',
          `coding ${coding.id}: end ${coding.end} is past the end of the transcript (${textLength} code points)`,
          'fix the offsets, or delete the textHash line so Grounded re-anchors the quote',
        ),
      );
    }
  }
  return problems;
}

/** Sidecar file name of a transcript and coder: "P07.txt" + "amara" → "P07.amara.codes.yaml". */
export function sidecarFileName(transcriptFileName: string, coder: string): string {
  const dot = transcriptFileName.lastIndexOf('.');
  const stem = dot > 0 ? transcriptFileName.slice(0, dot) : transcriptFileName;
  return `${stem}.${coder}${SIDECAR_SUFFIX}`;
}

/** The stem and coder a sidecar file name encodes, or undefined when it is not a sidecar name. */
export function parseSidecarFileName(fileName: string): { stem: string; coder: string } | undefined {
  if (!fileName.endsWith(SIDECAR_SUFFIX)) return undefined;
  const base = fileName.slice(0, -SIDECAR_SUFFIX.length);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const coder = base.slice(dot + 1);
  return CODER_ID.test(coder) ? { stem: base.slice(0, dot), coder } : undefined;
}

/**
 * Sidecars through the safe-write path. Every coding action re-reads the sidecar before writing it (compare
 * and swap), so the fast reader for our own layout matters here as much as in loading; anything it does not
 * accept goes to the full parser, which reports the problems.
 */
export const sidecarCodec = {
  parse: (uri: string, text: string): Loaded<Sidecar> => {
    const parsed = parseSidecarFast(uri, text);
    return parsed.ok ? { ok: true, value: parsed.value.sidecar, warnings: parsed.warnings } : parsed;
  },
  serialize: serializeSidecar,
};

/**
 * parseSidecar's result, through the fast reader for our own layout when it accepts the text, refused when
 * the file's name says another coder (so no write path ever writes one coder's codings into another's file).
 */
export function parseSidecarFast(uri: string, text: string): Loaded<ParsedSidecar> {
  const fast = parseCanonicalSidecar(text);
  const parsed: Loaded<ParsedSidecar> = fast ? { ok: true, value: fast, warnings: [] } : parseSidecar(uri, text);
  if (!parsed.ok) return parsed;
  const mismatch = coderMismatch(uri, parsed.value.sidecar.coder, text);
  return mismatch ? { ok: false, problems: [mismatch] } : parsed;
}

/**
 * A sidecar's file name and its `coder:` line must name the same coder: a file copied or renamed by hand
 * would otherwise credit one coder's codings to another, and the next write would go to the wrong file.
 * Undefined when they agree, or when the URI is not a sidecar file name (nothing to compare with).
 */
export function coderMismatch(uri: string, coder: string, text: string): Problem | undefined {
  const fileName = fileNameOf(uri);
  const named = parseSidecarFileName(fileName)?.coder;
  if (named === undefined || named.normalize('NFC') === coder.normalize('NFC')) return undefined;
  const { line, column } = coderLinePosition(text);
  return problem(
    uri,
    line,
    column,
    'coder-mismatch',
    `the file name says coder "${named}" but the file says "coder: ${coder}"`,
    `rename the file to ${sidecarFileNameOf(fileName, coder)} if these are ${coder}'s codings, or set "coder: ${named}" if they are ${named}'s`,
  );
}

/** The decoded last segment of a URI, or of a plain path (some callers name files by their path). */
function fileNameOf(uri: string): string {
  const segment = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Where the top-level `coder:` key is (1-based), else the top of the file. */
function coderLinePosition(text: string): { line: number; column: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => /^coder\s*:/.test(line));
  return index < 0 ? { line: 1, column: 1 } : { line: index + 1, column: 1 };
}

/** The same sidecar's file name for another coder. */
function sidecarFileNameOf(fileName: string, coder: string): string {
  const name = parseSidecarFileName(fileName);
  return name ? `${name.stem}.${coder}${SIDECAR_SUFFIX}` : fileName;
}
