import { unzipSync, type UnzipFileInfo } from 'fflate';
import { RefiImportError } from './import-error';

/**
 * Reading a zip someone sent you without letting it hurt you. A .qdpx is a zip: its central directory
 * declares each entry's name and sizes before anything is inflated, so the caps are checked on those
 * declarations first (a zip bomb is refused before a byte is inflated), and an entry is never inflated past
 * what it declared (fflate writes into a buffer of exactly the declared size). Names that would climb out of
 * a folder (`../x`), absolute paths and drive letters are refused outright: no tool writes them, and an
 * importer that ever used entry names as paths would write outside the target.
 */
export interface ZipLimits {
  /** Entries in the archive, folders included. */
  readonly maxEntries: number;
  /** Sum of the declared uncompressed sizes of the entries that are read. */
  readonly maxTotalBytes: number;
}

/** Generous for interview studies (a study of 500 transcripts is ~100 MB of text), far below a bomb. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 20_000, maxTotalBytes: 1024 * 1024 * 1024 };

export interface ZipEntryInfo {
  readonly name: string;
  /** Declared uncompressed size. */
  readonly size: number;
}

export interface SafeZip {
  /** Every entry, as the central directory declares it. */
  readonly entries: readonly ZipEntryInfo[];
  /** The inflated bytes of the entries `wanted` chose. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/**
 * Lists a zip, checks it against the limits and the path rules, then inflates only the entries `wanted`
 * accepts. Throws RefiImportError naming `fileName` for anything that is not a usable, safe zip.
 */
export function readZipSafely(
  bytes: Uint8Array,
  fileName: string,
  wanted: (entry: ZipEntryInfo) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): SafeZip {
  const entries = listEntries(bytes, fileName, limits);
  for (const entry of entries) {
    const reason = unsafePathReason(entry.name);
    if (reason !== undefined)
      throw new RefiImportError(
        fileName,
        `the archive holds an entry named "${entry.name}", which ${reason}; nothing was imported`,
        'this is not a package any QDA program writes: export the project again, and do not open files from an unknown sender',
      );
  }
  const chosen = new Set(entries.filter((entry) => !entry.name.endsWith('/') && wanted(entry)).map((e) => e.name));
  const total = entries.filter((entry) => chosen.has(entry.name)).reduce((sum, entry) => sum + entry.size, 0);
  if (total > limits.maxTotalBytes)
    throw new RefiImportError(
      fileName,
      `the archive's files would inflate to ${megabytes(total)} MB, more than the ${megabytes(limits.maxTotalBytes)} MB Grounded reads from a project; nothing was imported`,
      'a real project of text sources is far smaller: this may be a zip bomb; export the text sources only',
    );
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (info) => chosen.has(info.name) });
  } catch (error) {
    throw notAZip(fileName, error);
  }
  return { entries, files: new Map(Object.entries(files)) };
}

/** The central directory, read without inflating anything; stops as soon as there are too many entries. */
function listEntries(bytes: Uint8Array, fileName: string, limits: ZipLimits): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  const tooMany = new RefiImportError(
    fileName,
    `the archive holds more than ${limits.maxEntries} entries; nothing was imported`,
    'a project exchange file has one .qde and one file per source: export the project again, or split it',
  );
  try {
    unzipSync(bytes, {
      filter: (info: UnzipFileInfo) => {
        if (entries.length >= limits.maxEntries) throw tooMany;
        // A stored entry's bytes are its compressed size; an inflated one's its declared size.
        entries.push({ name: info.name, size: Math.max(info.originalSize, info.compression === 0 ? info.size : 0) });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof RefiImportError) throw error;
    throw notAZip(fileName, error);
  }
  return entries;
}

function notAZip(fileName: string, error: unknown): RefiImportError {
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return new RefiImportError(
    fileName,
    `is not a readable zip archive${detail}; a .qdpx project is a zip with a .qde file inside; nothing was imported`,
    'export the project again from MAXQDA, NVivo, ATLAS.ti or QualCoder as "REFI-QDA project (.qdpx)"; for a codebook (.qdc) use `grounded import qdc`',
  );
}

/** Why an entry name is unsafe as a relative path, or undefined when it is a plain relative path. */
export function unsafePathReason(name: string): string | undefined {
  if (name.includes('\0')) return 'contains a NUL character';
  const slashed = name.replaceAll('\\', '/');
  if (slashed.startsWith('/')) return 'is an absolute path';
  if (/^[a-zA-Z]:/.test(slashed)) return 'starts with a drive letter';
  if (slashed.split('/').some((segment) => segment === '..')) return 'climbs out of its folder with ".."';
  return undefined;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(0);
}
