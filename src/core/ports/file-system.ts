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
  /**
   * Status-change time in ms (POSIX ctime, not VS Code's creation time): set by the system on every write,
   * rename or utimes, and no program can set it back. Only where the host knows it (Node); a stat index
   * (src/core/study/stat-index.ts) is used only for files that have it.
   */
  readonly changeTime?: number;
  /** The file's identity (inode) where the host has one: an atomic save (temp file + rename) gives a new one. */
  readonly inode?: number;
}

export interface DirectoryEntry {
  readonly name: string;
  /** For a symbolic link, what it points to ('file' when that is missing). */
  readonly type: 'file' | 'directory';
  /** The entry is a symbolic link (where the host has them): listed so the loader can say it skips it. */
  readonly symbolicLink?: boolean;
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
  /**
   * True for a file this adapter creates only while writing (temp copies, lock files): not study data, and
   * reported by `grounded check` when an interrupted process left one behind. Only the adapter knows how
   * they are named. (Optional here until every adapter has it.)
   */
  isWriteArtifact?(uri: string): boolean;
}
