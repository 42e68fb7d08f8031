import type { Codebook } from '../../model';
import type { FileSystemPort } from '../../ports/file-system';
import type { Study } from '../../study/study';
import type { MergedSurvey } from '../../survey/types';
import { codebookXml, RefiExportError } from './codebook-xml';
import { ensureCodeGuids } from './code-guids';
import { projectXml } from './project-xml';
import { qdpxArchive } from './qdpx-zip';
import { XmlText } from './xml-text';

export { RefiExportError } from './codebook-xml';
export { ensureCodeGuids } from './code-guids';
export { GUID, isGuid, stableGuid, uuidV5 } from '../guids';

export interface RefiExportOptions {
  /** The `origin` attribute, e.g. "Grounded 1.4.0". */
  readonly origin?: string;
  /** Date of the archive's entries (default: now). */
  readonly modified?: Date;
}

export interface QdpxExport {
  readonly bytes: Uint8Array;
  readonly sources: number;
  readonly codings: number;
  /** Codings left out, each with the reason. */
  readonly skipped: readonly string[];
  /** Text that had to change to fit into XML (control characters, line breaks in names). */
  readonly warnings: readonly string[];
}

/**
 * A study as a REFI-QDA project (`.qdpx`). First stores a GUID for every code that lacks one (the only
 * write, to the codebook, through the safe-write path), so the next export names each code the same way.
 */
export async function exportQdpx(
  fs: FileSystemPort,
  study: Study,
  survey: MergedSurvey | undefined,
  options: RefiExportOptions = {},
): Promise<QdpxExport> {
  return buildQdpx(study, await codebookWithGuids(fs, study), survey, options);
}

/**
 * The project archive of a study whose codebook has every GUID (exportQdpx's pure part, after the write):
 * CPU work only (the XML of every coding, the zip of every transcript), so it can run off the caller's thread.
 */
export function buildQdpx(
  study: Study,
  codebook: Codebook,
  survey: MergedSurvey | undefined,
  options: RefiExportOptions = {},
): QdpxExport {
  const xml = new XmlText();
  const project = projectXml(
    { study, codebook, ...(survey ? { survey } : {}), ...(options.origin ? { origin: options.origin } : {}) },
    xml,
  );
  return {
    bytes: qdpxArchive(project.xml, project.sources, options.modified ?? new Date()),
    sources: project.sources.length,
    codings: project.codings,
    skipped: project.skipped,
    warnings: xml.warnings,
  };
}

export interface QdcExport {
  readonly xml: string;
  readonly codes: number;
  readonly warnings: readonly string[];
}

/** A study's codebook as a REFI-QDA codebook (`.qdc`), storing missing code GUIDs first as exportQdpx does. */
export async function exportQdc(fs: FileSystemPort, study: Study, options: RefiExportOptions = {}): Promise<QdcExport> {
  const codebook = await codebookWithGuids(fs, study);
  const xml = new XmlText();
  const text = codebookXml(codebook, xml, options.origin);
  return { xml: text, codes: codebook.codes.length, warnings: xml.warnings };
}

/** Stores a GUID for every code that lacks one (through the safe-write path) and gives the codebook with them. */
export async function codebookWithGuids(fs: FileSystemPort, study: Study): Promise<Codebook> {
  // An export of a codebook that does not load would look complete and hold no codes.
  if (!study.codebookLoaded)
    throw new RefiExportError(
      `the codebook ${study.codebookUri} does not load, so it cannot be exported; run grounded check and fix it first`,
    );
  return ensureCodeGuids(fs, study.codebookUri, study.codebook);
}
