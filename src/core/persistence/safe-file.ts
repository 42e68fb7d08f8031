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
 * Applies a logical change to a file, compare-and-swap style, holding the file's write lock from the read to
 * the replace (so no other Grounded process or window can change it in between): read fresh, refuse if it
 * does not load, apply `change`, and replace the file only if its bytes are still those we read; otherwise
 * (someone outside the protocol wrote it: an editor, git) re-apply the change to the fresh content.
 * Returning undefined from `change` means "nothing to do"; it may wait (for a read made beside this one) before it
 * answers. Returns the value written (or the current one when unchanged). `held`: locks the caller's operation
 * already holds (see withFileLocks).
 */
export function updateFile<T>(
  fs: FileSystemPort,
  uri: string,
  codec: FileCodec<T>,
  change: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  held?: HeldLocks,
): Promise<{ value: T | undefined; written: boolean }> {
  return withFileLocks(fs, [uri], () => updateLocked(fs, uri, codec, change), held);
}

async function updateLocked<T>(
  fs: FileSystemPort,
  uri: string,
  codec: FileCodec<T>,
  change: (current: T | undefined) => T | undefined | Promise<T | undefined>,
): Promise<{ value: T | undefined; written: boolean }> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const bytes = await readIfExists(fs, uri);
    const recalled = bytes === undefined ? undefined : codec.recall?.(uri, bytes);
    const current = bytes === undefined || recalled !== undefined ? undefined : decodeAndParse(uri, bytes, codec);
    const value = recalled ?? current?.value;
    const next = await change(value);
    if (next === undefined) return { value, written: false };
    // A codec that encodes its own bytes is compared and written as bytes: its text is never built.
    const encoded = codec.encode?.(next);
    const text = encoded === undefined ? codec.serialize(next) : undefined;
    const written = encoded ?? encodeUtf8(text as string);
    const unchanged =
      text === undefined
        ? bytes !== undefined && sameBytes(bytes, written)
        : current !== undefined && current.text === text && bytes !== undefined && !hasBomOrCr(bytes);
    if (unchanged) return { value: next, written: false };
    const telling = tellOnce(() => codec.writing?.(uri, next));
    // Changed meanwhile (nothing told yet): redo on their version.
    if (!(await fs.replaceIfUnchanged(uri, bytes, written, telling.tell))) continue;
    telling.tell(); // a file system that cannot tell when it commits: now
    if (text !== undefined) recentWrites.remember(uri, written, text);
    codec.written?.(uri, written, next);
    telling.rethrow();
    return { value: next, written: true };
  }
  throw new ConcurrentChangeError(uri, MAX_ATTEMPTS);
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
