import type { FileSystemPort } from '../ports/file-system';
import { basenameUri, dirnameUri, joinUri } from '../uri';
import { decodeCanonical, encodeUtf8, TextDecodingError } from '../text/canonical';
import { hashBytes } from '../text/hash';
import { encodingProblem } from '../text/encoding-problem';
import type { FileCodec } from './codec';
import { ConcurrentChangeError, FileLoadError } from './errors';

/** A file as read: the parsed value and the hash of the exact bytes, to detect later changes. */
export interface ReadResult<T> {
  readonly value: T;
  readonly bytesHash: string;
  readonly text: string;
}

const MAX_ATTEMPTS = 5;

/**
 * Reads a Grounded file through the persistence rules (ENGINEERING §4): decode, conflict markers, parse,
 * validate. Throws FileLoadError with file:line:column problems; returns undefined when the file is absent.
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

/** Without the hash: updateFile compares bytes, and hashing a large sidecar in pure JS costs more than parsing it. */
function decodeAndParse<T>(uri: string, bytes: Uint8Array, codec: FileCodec<T>): Omit<ReadResult<T>, 'bytesHash'> {
  let text: string;
  try {
    text = decodeCanonical(bytes);
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
  const stat = await fs.stat(uri);
  if (!stat || stat.type !== 'file') return undefined;
  try {
    return await fs.readFile(uri);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Per-file queues: writes to one file are serialized, writes to different files run freely. */
const queues = new Map<string, Promise<unknown>>();

function serialized<R>(uri: string, task: () => Promise<R>): Promise<R> {
  const previous = queues.get(uri) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(uri, settled);
  void settled.then(() => {
    if (queues.get(uri) === settled) queues.delete(uri);
  });
  return next;
}

/**
 * Applies a logical change to a file, compare-and-swap style: read fresh, refuse if it does not load,
 * apply `change`, write a temp file in the same folder, and rename it over the original only if the bytes
 * on disk are still those we read; otherwise re-apply the change to the fresh content. Returning undefined
 * from `change` means "nothing to do". Returns the value written (or the current one when unchanged).
 */
export function updateFile<T>(
  fs: FileSystemPort,
  uri: string,
  codec: FileCodec<T>,
  change: (current: T | undefined) => T | undefined,
): Promise<{ value: T | undefined; written: boolean }> {
  return serialized(uri, async () => {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const bytes = await readIfExists(fs, uri);
      const current = bytes === undefined ? undefined : decodeAndParse(uri, bytes, codec);
      const next = change(current?.value);
      if (next === undefined) return { value: current?.value, written: false };
      const text = codec.serialize(next);
      if (current && current.text === text && bytes && !hasBomOrCr(bytes)) return { value: next, written: false };
      const temp = joinUri(dirnameUri(uri), `.${basenameUri(uri)}.${randomSuffix()}.tmp`);
      try {
        await fs.writeFile(temp, encodeUtf8(text));
        const now = await readIfExists(fs, uri);
        if (!sameBytes(now, bytes)) {
          await fs.delete(temp);
          continue; // someone else wrote in between: redo the logical change on their version
        }
        await fs.rename(temp, uri);
        codec.written?.(uri, text, next);
      } catch (error) {
        await fs.delete(temp).catch(() => undefined); // a failed write or rename leaves no temp file behind
        throw error;
      }
      return { value: next, written: true };
    }
    throw new ConcurrentChangeError(uri, MAX_ATTEMPTS);
  });
}

function hasBomOrCr(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || bytes.includes(0x0d);
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 10);
}
