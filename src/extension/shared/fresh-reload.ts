import type { Coding, Study } from '../../core/index';
import type { StudyService } from '../study/study-service';

const ATTEMPTS = 3;

/**
 * Reloads a study after our own write and makes sure the result includes it. StudyService.reload hands
 * back a load that is already running (started by the file watcher for an earlier change), which may
 * have read the files before our write; it schedules one more load in that case, which the next reload
 * joins. `isFresh` tells whether a loaded study shows the write.
 */
export async function reloadFresh(
  studies: StudyService,
  root: string,
  isFresh: (study: Study) => boolean,
): Promise<Study> {
  let study = await studies.reload(root);
  for (let attempt = 1; attempt < ATTEMPTS && !isFresh(study); attempt++) study = await studies.reload(root);
  return study;
}

/** The codings of one coder's sidecar of a transcript in a loaded study (empty when there is none). */
export function loadedCodings(study: Study, transcriptUri: string, coder: string): readonly Coding[] {
  const transcript = study.transcripts.find((t) => t.uri === transcriptUri);
  return transcript?.sidecars.find((s) => s.coder === coder)?.sidecar.codings ?? [];
}
