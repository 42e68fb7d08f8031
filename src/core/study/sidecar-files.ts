import type { FileSystemPort } from '../ports/file-system';
import { parseSidecarFileName } from '../sidecar/format';
import { basenameUri, dirnameUri, joinUri, stemOf } from '../uri';
import type { Study } from './study';

/** The sidecars a loaded study knows: those of its transcripts, and stray ones whose transcript is missing. */
export function knownSidecarUris(study: Study): string[] {
  const uris = new Set(study.transcripts.flatMap((t) => t.sidecars.map((s) => s.uri)));
  for (const p of study.problems) if (p.kind === 'no-transcript' && isSidecarUri(p.uri)) uris.add(p.uri);
  return [...uris].sort();
}

export function isSidecarUri(uri: string): boolean {
  return parseSidecarFileName(basenameUri(uri)) !== undefined;
}

/**
 * The sidecars on disk now, in the folders the study's transcripts and sidecars are in, plus those the study
 * knows: a study-wide rewrite lists them again once it holds the codebook lock, so a sidecar another process
 * created after this one loaded the study (a new coder's first coding) is rewritten too.
 */
export async function sidecarUrisNow(fs: FileSystemPort, study: Study): Promise<string[]> {
  const known = knownSidecarUris(study);
  const folders = new Set([...study.transcripts.map((t) => dirnameUri(t.uri)), ...known.map(dirnameUri)]);
  const stems = new Set(study.transcripts.map((t) => joinUri(dirnameUri(t.uri), stemOf(basenameUri(t.uri)))));
  const uris = new Set(known);
  for (const folder of folders) {
    for (const entry of await fs.list(folder).catch(() => [])) {
      const name = entry.type === 'file' ? parseSidecarFileName(entry.name) : undefined;
      if (name && stems.has(joinUri(folder, name.stem))) uris.add(joinUri(folder, entry.name));
    }
  }
  return [...uris].sort();
}
