/**
 * Why a path written in grounded.yaml could name something outside the study folder, or undefined when
 * it cannot. Every path there is relative to the study folder and stays inside it: "..", absolute paths
 * and "\" (a Windows separator, so "..\x" would climb out there) are refused. Symbolic links are followed
 * later, where files are looked at (src/core/study/confine.ts).
 */
export function reasonPathLeavesStudy(path: string): string | undefined {
  if (path.trim() === '') return 'it is empty';
  if (path.includes('\\')) return 'it contains "\\"; separate folders with "/"';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it is an absolute path';
  let depth = 0;
  for (const segment of path.split('/')) {
    if (segment === '..') depth--;
    else if (segment !== '' && segment !== '.') depth++;
    if (depth < 0) return 'its ".." leads out of the study folder';
  }
  return undefined;
}
