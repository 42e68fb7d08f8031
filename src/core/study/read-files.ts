import type { FileSystemPort } from '../ports/file-system';
import { problem, type Problem } from '../problems';
import { basenameUri } from '../uri';
import { decodeCanonicalFile, strictUtf8, TextDecodingError, type Utf8Decoder } from '../text/canonical';
import { encodingProblem } from '../text/encoding-problem';
import { asFileAccessError, FileAccessError } from '../persistence/file-access-error';

/**
 * A study file's bytes: undefined when nothing (or a folder) is there, a 'read' problem when it exists
 * but cannot be read.
 *
 * `listed`: the file was just listed as a file, so it is read straight away and only a failed read asks
 * whether it went away meanwhile (then it is skipped, as if the listing had not seen it). Asking first
 * was a third of a warm load's file-system requests (1,500 files); the outcome is the same either way.
 */
export async function readBytes(
  fs: FileSystemPort,
  uri: string,
  problems: Problem[],
  listed: boolean,
): Promise<Uint8Array | undefined> {
  if (!listed && !(await isFile(fs, uri))) return undefined;
  try {
    return await fs.readFile(uri);
  } catch (error) {
    if (listed && !(await isFile(fs, uri).catch(() => true))) return undefined;
    problems.push(readProblem(uri, error));
    return undefined;
  }
}

/** A file's bytes as read and its canonical text, and whether the bytes are that text's UTF-8 as they stand. */
export interface TextFile {
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly bytesAreCanonical: boolean;
}

/** A text file; undefined when missing or undecodable (an 'encoding' problem). */
export async function readFileText(
  fs: FileSystemPort,
  uri: string,
  problems: Problem[],
  listed: boolean,
  decode: Utf8Decoder = strictUtf8,
): Promise<TextFile | undefined> {
  const bytes = await readBytes(fs, uri, problems, listed);
  if (bytes === undefined) return undefined;
  const decoded = decodeText(uri, bytes, problems, decode);
  return decoded === undefined ? undefined : { bytes, ...decoded };
}

/** Canonical text of a file's bytes, or undefined with an 'encoding' problem naming the first bad byte. */
export function decodeText(
  uri: string,
  bytes: Uint8Array,
  problems: Problem[],
  decode: Utf8Decoder = strictUtf8,
): { text: string; bytesAreCanonical: boolean } | undefined {
  try {
    return decodeCanonicalFile(bytes, decode);
  } catch (error) {
    if (error instanceof TextDecodingError) {
      problems.push(encodingProblem(uri, error));
      return undefined;
    }
    problems.push(readProblem(uri, error));
    return undefined;
  }
}

/** A file the system would not let us read, in plain words when the error says why (FileAccessError). */
function readProblem(uri: string, error: unknown): Problem {
  const refusal = asFileAccessError(error, 'read', uri);
  return refusal instanceof FileAccessError
    ? problem(uri, 0, 0, 'read', refusal.message, refusal.advice)
    : problem(uri, 0, 0, 'read', `could not read ${basenameUri(uri)}: ${(error as Error).message}`);
}

async function isFile(fs: FileSystemPort, uri: string): Promise<boolean> {
  return (await fs.stat(uri))?.type === 'file';
}
