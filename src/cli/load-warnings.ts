import type { Study } from '../core/index';
import type { Output } from './output';

/**
 * Reports (on stderr) files that failed to load, whose codings are therefore missing from a listing or
 * count. Returns whether there were any, so the command can exit 1 rather than look complete.
 */
export function warnAboutUnloadedFiles(study: Study, out: Output): boolean {
  const files = [...new Set(study.problems.filter((p) => p.severity === 'error').map((p) => p.uri))];
  if (files.length === 0) return false;
  out.error(
    `warning: ${files.length} file(s) of the study do not load, so what they hold is left out: ${files.map((uri) => out.path(uri)).join(', ')}`,
  );
  out.error('  run `grounded check` for the details');
  return true;
}
