import { sameBytes } from '../bytes';
import { settled } from '../settled';
import type { FileSystemPort } from '../ports/file-system';
import { decodeCanonical, encodeUtf8, TextDecodingError } from '../text/canonical';
import { hashBytes } from '../text/hash';
import { encodingProblem } from '../text/encoding-problem';
import type { FileCodec } from './codec';
import { ConcurrentChangeError, FileLoadError } from './errors';
import { withFileLocks, type HeldLocks } from './file-locks';

/** A file as read: the parsed value and the hash of the exact bytes, to detect later changes. */
export interface ReadResult<T> {
  readonly value: T;
  readonly bytesHash: string;
  readonly text: string;
}

const MAX_ATTEMPTS = 5;

/**
 * The files this process wrote last, as bytes and text. The next change of the same file (the next coding in
 * that sidecar) usually reads back exactly those bytes: their text is then known without decoding hundreds
 * of KB again, and is the very string the codec's parse memo holds (compared by reference, not by content).
 */
class RecentWrites {
  private readonly byUri = new Map<string, { bytes: Uint8Array; text: string; decodesToText?: boolean }>();

  constructor(private readonly size: number) {}

  /** The text of `bytes` if they are exactly what this process last wrote to `uri`, and decode to that text. */
  textOf(uri: string, bytes: Uint8Array): string | undefined {
    const known = this.byUri.get(uri);
    if (!known || !sameBytes(known.bytes, bytes)) return undefined;
    // Decoding gives back the text written unless it was not canonical (a BOM, a CR), held a NUL (refused as
    // not text) or a lone surrogate (written as U+FFFD). Checked here, not when writing: the write is what a
    // person waits for.
    const { text } = known;
    known.decodesToText ??=
      text.charCodeAt(0) !== 0xfeff && !text.includes('\r') && !text.includes('\0') && !LONE_SURROGATE.test(text);
    return known.decodesToText ? known.text : undefined;
  }

  /** `bytes` are the UTF-8 of `text`, just written to `uri`. */
  remember(uri: string, bytes: Uint8Array, text: string): void {
    this.byUri.delete(uri);
    this.byUri.set(uri, { bytes, text });
    if (this.byUri.size > this.size) this.byUri.delete(this.byUri.keys().next().value as string);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A few files: one person codes one transcript at a time. */
const recentWrites = new RecentWrites(8);

/**
 * Reads a Grounded file through the persistence rules (docs/ARCHITECTURE.md#reading-a-file): decode, conflict markers,
 * parse, validate. Throws FileLoadError with file:line:column problems; returns undefined when the file is absent.
 */
export async function readChecked<T>(
  fs: FileSystemPort,
  uri: string,
  codec: FileCodec<T>,
): Promise<ReadResult<T> | undefined> {
  const bytes = await readIfExists(fs, uri);
  if (bytes === undefined) return undefined;
  return { ...decodeAndParse(uri, bytes, codec), bytesHash: hashBytes(bytes) };
}

/**
 * The parsed value of a file, or undefined when it is absent: readChecked without the hash of the bytes, for
 * reads that only need the value (a pure-JS hash of the file would cost more than the parse).
 */
export async function readValue<T>(fs: FileSystemPort, uri: string, codec: FileCodec<T>): Promise<T | undefined> {
  const bytes = await readIfExists(fs, uri);
  return bytes === undefined ? undefined : decodeAndParse(uri, bytes, codec).value;
}

/** Without the hash: updateFile compares bytes, and hashing a large sidecar in pure JS costs more than parsing it. */
function decodeAndParse<T>(uri: string, bytes: Uint8Array, codec: FileCodec<T>): Omit<ReadResult<T>, 'bytesHash'> {
  let text: string;
  try {
    text = recentWrites.textOf(uri, bytes) ?? decodeCanonical(bytes);
  } catch (error) {
    if (error instanceof TextDecodingError) throw new FileLoadError(uri, [encodingProblem(uri, error)]);
    throw error;
  }
  const loaded = codec.parse(uri, text);
  if (!loaded.ok)
    throw new FileLoadError(
      uri,
      [...loaded.problems].sort((a, b) => a.line - b.line || a.column - b.column),
    );
  return { value: loaded.value, text };
}

async function readIfExists(fs: FileSystemPort, uri: string): Promise<Uint8Array | undefined> {
  // What the path is and what it holds are asked for together: a coding waits for this twice (the codebook and the
  // sidecar), each request a turn of the host's event loop. The read counts only once the path is a file.
  const [stat, read] = await Promise.all([fs.stat(uri), settled(fs.readFile(uri))]);
  if (!stat || stat.type !== 'file') return undefined;
  if ('value' in read) return read.value;
  if ((read.error as { code?: string } | null)?.code === 'ENOENT') return undefined;
  throw read.error;
}

/**
 * A file read before its lock is held (while it is taken): updateFile may compute its change from those bytes,
 * because the replace that follows compares the file with them under the lock. See updateFile.
 */
export interface ReadAhead {
  readonly read: Promise<{ value: Uint8Array | undefined } | { error: unknown }>;
  /** How many times this process had written the file when the read started. */
  readonly writesBefore: number;
}

/** How many times this process wrote each file through updateFile: a read ahead older than one of them is stale. */
const writesByUri = new Map<string, number>();

/** Starts reading a file for updateFile, to be passed to it once the locks taken before the file's own are held. */
export function readAhead(fs: FileSystemPort, uri: string): ReadAhead {
  return { read: settled(readIfExists(fs, uri)), writesBefore: writesByUri.get(uri) ?? 0 };
}

/**
 * Applies a logical change to a file, compare-and-swap style, holding the file's write lock from the read to
 * the replace (so no other Grounded process or window can change it in between): read fresh, refuse if it
 * does not load, apply `change`, and replace the file only if its bytes are still those we read; otherwise
 * (someone outside the protocol wrote it: an editor, git) re-apply the change to the fresh content.
 * Returning undefined from `change` means "nothing to do"; it may wait (for a read made beside this one) before it
 * answers. Returns the value written (or the current one when unchanged). `held`: locks the caller's operation
 * already holds (see withFileLocks).
 *
 * The file is read while its lock is being taken (or earlier still: `ahead`), not once it is held: a coding
 * waits for one request fewer. Those bytes may be older than the lock. A change computed from them is written
 * only if the replace, under the lock, finds them still there. An answer that writes nothing (no change, a file
 * that does not load) stands only once a read under the lock found the same bytes.
 */
export function updateFile<T>(
  fs: FileSystemPort,
  uri: string,
  codec: FileCodec<T>,
  change: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  held?: HeldLocks,
  ahead?: ReadAhead,
): Promise<{ value: T | undefined; written: boolean }> {
  const early = ahead ?? (held?.has(uri) ? undefined : readAhead(fs, uri));
  return withFileLocks(fs, [uri], () => updateLocked(fs, uri, codec, change, early), held);
}

/** What one attempt at a change found: nothing to write, or the bytes and value to write over `bytes`. */
type Planned<T> =
  | { readonly done: { value: T | undefined; written: false } }
  | { readonly bytes: Uint8Array | undefined; readonly next: T; readonly written: Uint8Array; readonly text?: string };

/** A plan made on bytes read ahead of the lock, or its failure. */
interface PlannedAhead<T> {
  readonly bytes: Uint8Array | undefined;
  readonly planned: { value: Planned<T> } | { error: unknown };
}

async function updateLocked<T>(
  fs: FileSystemPort,
  uri: string,
  codec: FileCodec<T>,
  change: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  early: ReadAhead | undefined,
): Promise<{ value: T | undefined; written: boolean }> {
  let ahead = early && (await planAhead(uri, early, codec, change));
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let planned: Planned<T>;
    if (ahead && 'value' in ahead.planned && !('done' in ahead.planned.value)) {
      planned = ahead.planned.value; // a write: the replace compares the file with the bytes it was planned on
    } else {
      const bytes = await readIfExists(fs, uri);
      if (ahead && sameBytes(ahead.bytes, bytes)) {
        // Planned on these very bytes: it stands, a failure too, without loading the file twice.
        if ('error' in ahead.planned) throw ahead.planned.error;
        planned = ahead.planned.value;
      } else planned = await plan(uri, bytes, codec, change);
    }
    ahead = undefined;
    if ('done' in planned) return planned.done;
    const result = await commit(fs, uri, codec, planned);
    if (result) return result; // otherwise changed meanwhile: redo on their version
  }
  throw new ConcurrentChangeError(uri, MAX_ATTEMPTS);
}

/** The plan on a read ahead; none when it failed, or when this process has written the file since it started. */
async function planAhead<T>(
  uri: string,
  early: ReadAhead,
  codec: FileCodec<T>,
  change: (current: T | undefined) => T | undefined | Promise<T | undefined>,
): Promise<PlannedAhead<T> | undefined> {
  const read = await early.read;
  if (!('value' in read) || (writesByUri.get(uri) ?? 0) !== early.writesBefore) return undefined;
  return { bytes: read.value, planned: await settled(plan(uri, read.value, codec, change)) };
}

/** Loads `bytes` (the file as read) and applies `change`: what to write, if anything. */
async function plan<T>(
  uri: string,
  bytes: Uint8Array | undefined,
  codec: FileCodec<T>,
  change: (current: T | undefined) => T | undefined | Promise<T | undefined>,
): Promise<Planned<T>> {
  const recalled = bytes === undefined ? undefined : codec.recall?.(uri, bytes);
  const current = bytes === undefined || recalled !== undefined ? undefined : decodeAndParse(uri, bytes, codec);
  const value = recalled ?? current?.value;
  const next = await change(value);
  if (next === undefined) return { done: { value, written: false } };
  // A codec that encodes its own bytes is compared and written as bytes: its text is never built.
  const encoded = codec.encode?.(next);
  const text = encoded === undefined ? codec.serialize(next) : undefined;
  const written = encoded ?? encodeUtf8(text as string);
  const unchanged =
    text === undefined
      ? bytes !== undefined && sameBytes(bytes, written)
      : current !== undefined && current.text === text && bytes !== undefined && !hasBomOrCr(bytes);
  if (unchanged) return { done: { value: next, written: false } };
  return text === undefined ? { bytes, next, written } : { bytes, next, written, text };
}

/** Replaces the file with the planned bytes if it still holds the bytes they were planned on; undefined if not. */
async function commit<T>(
  fs: FileSystemPort,
  uri: string,
  codec: FileCodec<T>,
  { bytes, next, written, text }: Exclude<Planned<T>, { done: unknown }>,
): Promise<{ value: T; written: true } | undefined> {
  const telling = tellOnce(() => codec.writing?.(uri, next));
  // Changed meanwhile (nothing told yet): the caller redoes the change on their version.
  if (!(await fs.replaceIfUnchanged(uri, bytes, written, telling.tell))) return undefined;
  writesByUri.set(uri, (writesByUri.get(uri) ?? 0) + 1);
  telling.tell(); // a file system that cannot tell when it commits: now
  if (text !== undefined) recentWrites.remember(uri, written, text);
  codec.written?.(uri, written, next);
  telling.rethrow();
  return { value: next, written: true };
}

/**
 * The codec's `writing` hook, told once: as the file system commits the bytes (its last operation started), so
 * what it does (drawing the change) runs while that operation does; or after the replace, for a file system that
 * cannot tell that moment. An error of the hook is kept for after the write, never thrown into the file system's
 * work.
 */
function tellOnce(hook: () => void): { tell: () => void; rethrow: () => void } {
  let told = false;
  let failure: { error: unknown } | undefined;
  return {
    tell: () => {
      if (told) return;
      told = true;
      try {
        hook();
      } catch (error) {
        failure = { error };
      }
    },
    rethrow: () => {
      if (failure) throw failure.error;
    },
  };
}

function hasBomOrCr(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || bytes.includes(0x0d);
}
