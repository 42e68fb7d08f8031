import type { StudySettings } from '../model';
import type { FileSystemPort } from '../ports/file-system';
import { basenameUri, dirnameUri, isInside, joinUri } from '../uri';

/** A location grounded.yaml configures (or defaults to), with the settings key that names it. */
export interface ConfiguredLocation {
  /** The key in grounded.yaml, e.g. ['codebook'] or ['survey', 'files', 1]. */
  readonly setting: readonly (string | number)[];
  /** As configured, relative to the study folder. */
  readonly path: string;
  readonly uri: string;
}

/** A configured location that symbolic links take outside the study folder. */
export interface EscapedLocation extends ConfiguredLocation {
  /** Where it really leads, or undefined when that could not be found out (a link loop, no permission). */
  readonly leadsTo: string | undefined;
}

/** Every file or folder the settings point Grounded at: codebook, memo folder, survey files. */
export function configuredLocations(root: string, settings: StudySettings): ConfiguredLocation[] {
  const at = (setting: readonly (string | number)[], path: string) => ({ setting, path, uri: joinUri(root, path) });
  return [
    at(['codebook'], settings.codebook),
    at(['memos'], settings.memos),
    ...settings.survey.files.map((file, index) => at(['survey', 'files', index], file)),
  ];
}

/**
 * The configured locations that are not really inside the study once symbolic links are followed (the
 * settings themselves keep to the folder: configured-paths.ts). Nothing is read there and nothing is
 * written: a study must not be a way to read /etc/passwd or to create files elsewhere. Empty when the
 * file system cannot resolve links.
 */
export async function escapedLocations(
  fs: FileSystemPort,
  root: string,
  locations: readonly ConfiguredLocation[],
): Promise<EscapedLocation[]> {
  if (!fs.realPath) return [];
  const realRoot = await fs.realPath(root).catch(() => undefined);
  if (realRoot === undefined) return [];
  const escaped: EscapedLocation[] = [];
  for (const location of locations) {
    const leadsTo = await realLocation(fs, location.uri).catch(() => undefined);
    if (leadsTo === undefined || !isInside(realRoot, leadsTo)) escaped.push({ ...location, leadsTo });
  }
  return escaped;
}

/**
 * Where `uri` really is: the file's real path, or, for one that does not exist yet, its nearest existing
 * folder's real path and the rest of the path (a file created there lands where that folder really is).
 * undefined when the file system cannot resolve links.
 */
export async function realLocation(fs: FileSystemPort, uri: string): Promise<string | undefined> {
  if (!fs.realPath) return undefined;
  const missing: string[] = [];
  for (let current = uri; ; current = dirnameUri(current)) {
    const real = await fs.realPath(current);
    if (real !== undefined) return joinUri(real, ...missing.reverse());
    if (dirnameUri(current) === current) return undefined;
    missing.push(basenameUri(current));
  }
}
