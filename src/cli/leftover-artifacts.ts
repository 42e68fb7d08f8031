import { joinUri, problem, type Problem, type Study, walkStudy } from '../core/index';
import type { CommandContext } from './command';

/**
 * Younger files may belong to a write in progress (a temp copy about to be renamed, a lock held by a live
 * process): never reported or removed. A writer holds either for well under a second, and renews a lock
 * long before this.
 */
const LEFTOVER_AFTER_MS = 2 * 60 * 1000;

/**
 * Files the file-system adapter creates only while writing (which names those are is the adapter's
 * knowledge) that an interrupted process left in the study. The study file each was written for is intact:
 * the write either completed (the temp file is gone) or never replaced it.
 */
export async function leftoverArtifacts(context: CommandContext, study: Study): Promise<string[]> {
  const { fs } = context;
  const now = Date.now();
  const leftovers: string[] = [];
  for (const path of (await walkStudy(fs, study.root)).artifacts) {
    const uri = joinUri(study.root, path);
    const stat = await fs.stat(uri).catch(() => undefined);
    if (stat && now - stat.mtime >= LEFTOVER_AFTER_MS) leftovers.push(uri);
  }
  return leftovers;
}

export function leftoverProblem(uri: string): Problem {
  return problem(
    uri,
    0,
    0,
    'leftover-temp-file',
    'left over from an interrupted write; the study file it was written for is intact',
    'remove it with `grounded check --clean`',
    'warning',
  );
}

/** Removes them; returns the ones that could not be removed, as problems. */
export async function removeLeftovers(context: CommandContext, uris: readonly string[]): Promise<Problem[]> {
  const failed: Problem[] = [];
  for (const uri of uris) {
    try {
      await context.fs.delete(uri);
    } catch (error) {
      failed.push(
        problem(
          uri,
          0,
          0,
          'leftover-temp-file',
          `left over from an interrupted write, and cannot be removed: ${(error as Error).message}`,
          'remove it by hand',
          'warning',
        ),
      );
    }
  }
  return failed;
}
