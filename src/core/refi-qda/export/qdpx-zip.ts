import { zipSync, type Zippable } from 'fflate';
import { encodeUtf8 } from '../../text/canonical';
import type { SourceFile } from './project-xml';

/**
 * The `.qdpx` archive: `project.qde` at the root and each source's text as `sources/<guid>.txt` (UTF-8, no
 * BOM), the file its TextSource names as `internal://<guid>.txt`. Entries carry `modified` as their date, so
 * the same study exported with the same date gives the same bytes.
 */
export function qdpxArchive(projectXml: string, sources: readonly SourceFile[], modified: Date): Uint8Array {
  const files: Zippable = { 'project.qde': encodeUtf8(projectXml) };
  for (const source of sources) files[`sources/${source.guid}.txt`] = encodeUtf8(source.text);
  return zipSync(files, { level: 6, mtime: modified });
}
