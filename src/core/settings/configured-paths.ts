/**
 * Why a path written in grounded.yaml could name something outside the study folder, or undefined when
 * it cannot. Every path there is relative to the study folder and stays inside it: "..", absolute paths
 * and, in file paths, "\" (a Windows separator, so "..\x" would climb out there) are refused; in a glob
 * "\" escapes a character, and a glob only ever picks among the study's own files. Symbolic links are
 * followed later, where files are looked at (src/core/study/confine.ts).
 */
export function reasonPathLeavesStudy(path: string, kind: 'file' | 'glob' = 'file'): string | undefined {
  if (path.trim() === '') return 'it is empty';
  if (kind === 'file' && path.includes('\\')) return 'it contains "\\"; separate folders with "/"';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it is an absolute path';
  let depth = 0;
  for (const segment of path.split('/')) {
    if (segment === '..') depth--;
    else if (segment !== '' && segment !== '.') depth++;
    if (depth < 0) return 'its ".." leads out of the study folder';
  }
  return undefined;
}
