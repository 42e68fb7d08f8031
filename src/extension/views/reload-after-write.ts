import type { Study } from '../../core/study/study';
import type { StudyService } from '../study/study-service';

/** Reload attempts before giving up on seeing our own write (each is a full study load). */
const ATTEMPTS = 3;

/**
 * Reloads a study after one of our writes and returns a study that shows it. StudyService.reload hands back
 * a load that is already running when it is called, and that load may have read the folder before the write;
 * the next reload then returns the load that follows it. `shows` says whether the write is in.
 */
export async function reloadAfterWrite(
  studies: StudyService,
  root: string,
  shows: (study: Study) => boolean,
): Promise<Study> {
  let study = await studies.reload(root);
  for (let attempt = 1; attempt < ATTEMPTS && !shows(study); attempt++) study = await studies.reload(root);
  return study;
}
