import type { FileSystemPort } from '../ports/file-system';
import { readValue, updateFile } from '../persistence/safe-file';
import { joinUri } from '../uri';
import type { Study } from '../study/study';
import {
  DISMISSALS_CODEC,
  DISMISSALS_FILE,
  DismissedPassages,
  withDismissals,
  withoutDismissals,
  type Dismissal,
} from './dismissals';

export function dismissalsUri(study: Pick<Study, 'root'>): string {
  return joinUri(study.root, DISMISSALS_FILE);
}

/**
 * The study's dismissals (none when the file is absent). A file that does not load throws FileLoadError with
 * its problems (file, line, column): a search that silently forgot what was set aside would show it again.
 */
export async function readDismissals(fs: FileSystemPort, study: Pick<Study, 'root'>): Promise<DismissedPassages> {
  return new DismissedPassages(await readValue(fs, dismissalsUri(study), DISMISSALS_CODEC));
}

/** Adds dismissals through the write contract (lock, fresh read, compare-and-swap); a broken file is refused, not overwritten. */
export async function dismissPassages(
  fs: FileSystemPort,
  study: Pick<Study, 'root'>,
  dismissals: readonly Dismissal[],
): Promise<boolean> {
  const result = await updateFile(fs, dismissalsUri(study), DISMISSALS_CODEC, (current) =>
    withDismissals(current, dismissals),
  );
  return result.written;
}

/** Takes dismissals back (undo). Nothing to take back: the file is left as it is. */
export async function undismissPassages(
  fs: FileSystemPort,
  study: Pick<Study, 'root'>,
  dismissals: readonly Dismissal[],
): Promise<boolean> {
  const result = await updateFile(fs, dismissalsUri(study), DISMISSALS_CODEC, (current) =>
    current ? withoutDismissals(current, dismissals) : undefined,
  );
  return result.written;
}
