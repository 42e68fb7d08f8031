import type { Sidecar } from '../model';
import type { FileSystemPort } from '../ports/file-system';
import { readChecked, updateFile } from '../persistence/safe-file';
import { withFileLocks } from '../persistence/file-locks';
import { basenameUri } from '../uri';
import { sidecarCodecFor, sidecarUriFor, type TranscriptRef } from './coding-operations';

/**
 * Records that `coder` has coded the transcript: an empty sidecar when there is none ("read, nothing
 * applies"); an existing sidecar is left exactly as it is. Returns whether a sidecar was created.
 */
export async function markTranscriptCoded(
  fs: FileSystemPort,
  transcript: TranscriptRef,
  coder: string,
): Promise<boolean> {
  const uri = sidecarUriFor(transcript.uri, coder);
  const empty: Sidecar = { transcript: basenameUri(transcript.uri), coder, textHash: transcript.textHash, codings: [] };
  const result = await updateFile(fs, uri, sidecarCodecFor(transcript), (existing) =>
    existing === undefined ? empty : undefined,
  );
  return result.written;
}

/** Marking a transcript not coded would delete codings: refused, nothing changed. */
export class TranscriptHasCodingsError extends Error {
  constructor(
    readonly sidecarUri: string,
    readonly codings: number,
    coder: string,
  ) {
    super(
      `${basenameUri(sidecarUri)} holds ${codings} coding(s) by ${coder}; marking the transcript not coded would ` +
        'delete them. Remove the codings first (or delete the sidecar yourself if that is what you mean).',
    );
    this.name = 'TranscriptHasCodingsError';
  }
}

/**
 * Records that `coder` has not coded the transcript: removes their sidecar when it holds no codings. A sidecar
 * with codings is never deleted (TranscriptHasCodingsError); one that does not load is refused by the read
 * (FileLoadError) and left alone. Returns whether a sidecar was removed.
 */
export async function markTranscriptNotCoded(
  fs: FileSystemPort,
  transcript: TranscriptRef,
  coder: string,
): Promise<boolean> {
  const uri = sidecarUriFor(transcript.uri, coder);
  return withFileLocks(fs, [uri], async () => {
    const current = await readChecked(fs, uri, sidecarCodecFor(transcript));
    if (current === undefined) return false;
    if (current.value.codings.length > 0) throw new TranscriptHasCodingsError(uri, current.value.codings.length, coder);
    await fs.delete(uri);
    return true;
  });
}
