import { parseSidecarFileName } from '../sidecar/format';
import { basenameUri, dirnameUri, stemOf } from '../uri';
import type { Study } from './study';

/** Folders no study reads: a change inside them reloads nothing. */
const UNWATCHED_FOLDER = /\/(\.git|node_modules)\//;

/** Whether a reported file change is inside a folder no study reads (git's own files, installed packages). */
export function isInUnwatchedFolder(uri: string): boolean {
  return UNWATCHED_FOLDER.test(uri);
}

/**
 * The transcript a changed file belongs to when the change can concern nothing else: the transcript
 * itself or one of its sidecars (an existing one, or a new coder's). Anything else — settings, codebook,
 * memos, a file that might be a new transcript — undefined: the whole study reloads.
 */
export function transcriptOfChange(study: Study, uri: string): string | undefined {
  if (study.transcripts.some((t) => t.uri === uri)) return uri;
  const sidecar = parseSidecarFileName(basenameUri(uri));
  if (!sidecar) return undefined;
  const folder = dirnameUri(uri);
  const owners = study.transcripts.filter(
    (t) => dirnameUri(t.uri) === folder && stemOf(basenameUri(t.uri)) === sidecar.stem,
  );
  return owners.length === 1 ? owners[0]?.uri : undefined;
}
