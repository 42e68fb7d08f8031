import picomatch from 'picomatch/posix';
import type { FileSystemPort } from '../ports/file-system';
import { joinUri } from '../uri';

/** Folders never searched for study files. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'dist', 'out']);

/** Every file below `root` as a '/'-separated relative path, sorted; dot-folders and build folders skipped. */
export async function listFiles(fs: FileSystemPort, root: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  const entries = await fs.list(prefix === '' ? root : joinUri(root, prefix));
  for (const entry of entries) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.type === 'directory') {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      found.push(...(await listFiles(fs, root, path)));
    } else {
      found.push(path);
    }
  }
  return found.sort();
}

/** A matcher for study-relative paths: included by one of `include` and by none of `exclude`. */
export function globMatcher(include: readonly string[], exclude: readonly string[]): (path: string) => boolean {
  const isIncluded = picomatch([...include], { dot: false });
  const isExcluded = exclude.length > 0 ? picomatch([...exclude], { dot: true }) : () => false;
  return (path) => isIncluded(path) && !isExcluded(path);
}
