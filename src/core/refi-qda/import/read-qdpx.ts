import { readZipSafely, type ZipLimits, DEFAULT_ZIP_LIMITS } from '../zip-safety';
import { RefiImportError } from '../import-error';

/** A .qdpx opened: its project file's bytes and a way to find the files its sources point to. */
export interface QdpxPackage {
  /** Name of the project file inside the archive: "project.qde", or "<name>.qde" as ATLAS.ti writes it. */
  readonly projectEntry: string;
  readonly projectBytes: Uint8Array;
  /** The bytes a source's or note's path points to inside the package, or undefined when it is not there. */
  find(path: string): { entry: string; bytes: Uint8Array } | undefined;
}

/**
 * Opens a .qdpx: a zip holding one .qde project file and a `sources/` folder (`Sources/` from some tools).
 * Only the project file and text files are inflated: PDFs, pictures and media are listed, never read.
 */
export function readQdpx(bytes: Uint8Array, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): QdpxPackage {
  const zip = readZipSafely(bytes, fileName, (entry) => /\.(qde|txt)$/i.test(entry.name), limits);
  const projectEntry = chooseProjectFile(
    [...zip.files.keys()].filter((name) => /\.qde$/i.test(name)),
    fileName,
  );
  const base = projectEntry.includes('/') ? projectEntry.slice(0, projectEntry.lastIndexOf('/') + 1) : '';
  const byLowerPath = new Map<string, string>();
  const byLowerName = new Map<string, string[]>();
  for (const name of zip.files.keys()) {
    if (!name.startsWith(base)) continue;
    const relative = name.slice(base.length);
    byLowerPath.set(relative.toLowerCase(), name);
    const leaf = relative.slice(relative.lastIndexOf('/') + 1).toLowerCase();
    byLowerName.set(leaf, [...(byLowerName.get(leaf) ?? []), name]);
  }
  const entryFor = (path: string): string | undefined => {
    for (const candidate of pathCandidates(path)) {
      const exact = byLowerPath.get(candidate.toLowerCase());
      if (exact !== undefined) return exact;
    }
    // internal://, an absolute path from the exporting machine, or a path relative to another folder:
    // the file is in the package if exactly one entry has its name (sources are named by unique GUIDs).
    for (const candidate of pathCandidates(path)) {
      const matches = byLowerName.get(candidate.slice(candidate.lastIndexOf('/') + 1).toLowerCase()) ?? [];
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  };
  return {
    projectEntry,
    projectBytes: zip.files.get(projectEntry) as Uint8Array,
    find: (path) => {
      const entry = entryFor(path);
      return entry === undefined ? undefined : { entry, bytes: zip.files.get(entry) as Uint8Array };
    },
  };
}

function chooseProjectFile(candidates: readonly string[], fileName: string): string {
  const atRoot = candidates.filter((name) => !name.includes('/'));
  const pool = atRoot.length > 0 ? atRoot : candidates.filter((name) => name.split('/').length === 2);
  const preferred = pool.find((name) => /(^|\/)project\.qde$/i.test(name));
  if (preferred !== undefined) return preferred;
  if (pool.length === 1) return pool[0] as string;
  if (pool.length === 0)
    throw new RefiImportError(
      fileName,
      'holds no .qde project file; nothing was imported',
      'a REFI-QDA project (.qdpx) has a .qde file at the root of the zip: export the project again as "REFI-QDA project"',
    );
  throw new RefiImportError(
    fileName,
    `holds ${pool.length} project files (${pool.join(', ')}) and none is named project.qde; nothing was imported`,
    'export one project per .qdpx file',
  );
}

/** The relative paths a source path may mean, most specific first. */
function pathCandidates(path: string): string[] {
  let rest = path.trim().replaceAll('\\', '/');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  const candidates: string[] = [];
  if (scheme) {
    rest = rest.slice(scheme[0].length);
    if (scheme[1]?.toLowerCase() === 'internal') candidates.push(`sources/${stripDotSlash(rest)}`);
  }
  rest = stripDotSlash(rest.replace(/^\/+/, '').replace(/^[a-zA-Z]:\//, ''));
  candidates.push(rest);
  let decoded = rest;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    // not percent-encoded
  }
  if (decoded !== rest) candidates.push(decoded, `sources/${decoded}`);
  return candidates;
}

function stripDotSlash(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}
