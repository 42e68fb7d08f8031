import { knownSidecarUris, readChecked, sidecarCodec, type FileSystemPort, type Study } from '../../core/index';

/** Codings of one code in the study, and the sidecars holding them (stray sidecars included). */
export async function usageOfCode(
  fs: FileSystemPort,
  study: Study,
  id: string,
): Promise<{ codings: number; files: number }> {
  const loaded = new Map(study.transcripts.flatMap((t) => t.sidecars.map((s) => [s.uri, s.sidecar] as const)));
  let codings = 0;
  let files = 0;
  for (const uri of knownSidecarUris(study)) {
    // Strays are not loaded with the study (they have no transcript): read them here.
    const sidecar = loaded.get(uri) ?? (await readChecked(fs, uri, sidecarCodec))?.value;
    const count = sidecar?.codings.filter((c) => c.code === id).length ?? 0;
    codings += count;
    if (count > 0) files++;
  }
  return { codings, files };
}
