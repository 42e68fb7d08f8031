/**
 * The only way the core touches files. Implemented over node:fs (src/node), vscode.workspace.fs
 * (src/extension) and memory (tests). Everything is addressed by URI strings such as
 * `file:///home/me/study/P01.txt` or `memory:/study/P01.txt`.
 */
export interface FileStat {
  readonly type: 'file' | 'directory';
  readonly size: number;
  /** Modification time in ms since the epoch. */
  readonly mtime: number;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly type: 'file' | 'directory';
}

export interface FileSystemPort {
  readFile(uri: string): Promise<Uint8Array>;
  /** Creates or replaces the file; creates missing parent folders. */
  writeFile(uri: string, data: Uint8Array): Promise<void>;
  /** Replaces `to` with `from` in one step where the platform can (POSIX rename). */
  rename(from: string, to: string): Promise<void>;
  delete(uri: string): Promise<void>;
  /** undefined when nothing exists at the URI. */
  stat(uri: string): Promise<FileStat | undefined>;
  /** Entries of a folder, unsorted. */
  list(uri: string): Promise<readonly DirectoryEntry[]>;
}
