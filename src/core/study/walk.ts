import picomatch from 'picomatch/posix';
import type { FileSystemPort } from '../ports/file-system';
import { joinUri } from '../uri';

/** Folders never searched for study files. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'dist', 'out']);

/** Every file below `root` as a '/'-separated relative path, sorted; dot-folders and build folders skipped. */
export async function listFiles(fs: FileSystemPort, root: string): Promise<string[]> {
  return (await walkStudy(fs, root)).files;
}

/** A symbolic link inside the study: never followed, never read through (see loadStudy). */
export interface StudyLink {
  readonly path: string;
  readonly type: 'file' | 'directory';
}

/**
 * listFiles, and what it leaves out of it: the symbolic links it passed by, and the files the adapter
 * creates only while writing (temp copies, lock files: not study data). Each sorted by path.
 */
export async function walkStudy(
  fs: FileSystemPort,
  root: string,
): Promise<{ files: string[]; links: StudyLink[]; artifacts: string[] }> {
  const found: Found = { files: [], links: [], artifacts: [] };
  await walk(fs, root, '', found);
  const byPath = (a: StudyLink, b: StudyLink) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files: found.files.sort(), links: found.links.sort(byPath), artifacts: found.artifacts.sort() };
}

interface Found {
  readonly files: string[];
  readonly links: StudyLink[];
  readonly artifacts: string[];
}

async function walk(fs: FileSystemPort, root: string, prefix: string, found: Found): Promise<void> {
  const entries = await fs.list(prefix === '' ? root : joinUri(root, prefix));
  for (const entry of entries) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.type === 'directory' && (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name))) continue;
    if (entry.symbolicLink) found.links.push({ path, type: entry.type });
    else if (entry.type === 'directory') await walk(fs, root, path, found);
    else if (fs.isWriteArtifact(joinUri(root, path))) found.artifacts.push(path);
    else found.files.push(path);
  }
}

/** A matcher for study-relative paths: included by one of `include` and by none of `exclude`. */
export function globMatcher(include: readonly string[], exclude: readonly string[]): (path: string) => boolean {
  const isIncluded = picomatch([...include], { dot: false });
  const isExcluded = exclude.length > 0 ? picomatch([...exclude], { dot: true }) : () => false;
  return (path) => isIncluded(path) && !isExcluded(path);
}
