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
   * (src/core/study/cache/stat-index.ts) is used only for files that have it.
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

/** Gives a lock back. Resolves once the lock is released (a lock already taken over as stale is left alone). */
export type ReleaseLock = () => Promise<void>;

export interface FileSystemPort {
  readFile(uri: string): Promise<Uint8Array>;
  /**
   * Creates or replaces the file; creates missing parent folders. For files nobody else writes at the same
   * time (a new memo, an export). Study files that several processes change go through replaceIfUnchanged.
   */
  writeFile(uri: string, data: Uint8Array): Promise<void>;
  delete(uri: string): Promise<void>;
  /** undefined when nothing exists at the URI. */
  stat(uri: string): Promise<FileStat | undefined>;
  /** Entries of a folder, unsorted. */
  list(uri: string): Promise<readonly DirectoryEntry[]>;

  /**
   * Compare-and-swap: replaces the file's content with `data` only if it still holds exactly `expected`
   * (`undefined`: only if no file exists there), and answers whether it did. The contract every adapter keeps:
   * - Nothing is written when the current content differs from `expected`; the caller re-reads and re-applies
   *   its logical change (someone else's change is never overwritten).
   * - Readers see the old content or the new one, never a mix or an empty file: the Node adapter writes a temp
   *   file in the same folder and renames it over the target; a file open in an editor is changed by one
   *   WorkspaceEdit and saved (so the person's undo and unsaved state are respected); other VS Code file
   *   systems write through workspace.fs.
   * - The file keeps its permissions; a read-only file or a symbolic link is refused, not replaced.
   * - Atomic across processes (the CLI, the extension, a second window) for every writer that holds
   *   `lock(uri)` around its read and this call, as updateFile does: with the lock held, no other Grounded
   *   process can change the file between the read and the replace. Without the lock, the comparison still
   *   catches most interleavings but not all.
   * - Creates missing parent folders.
   *
   * `committing`, when given, is called once the comparison has passed and the operation that puts the new bytes
   * in place (the rename) has been started, before it is known to have succeeded: what waits for the write (an
   * editor's colours) can run while that last operation does. It must not throw. An adapter that cannot tell that
   * moment (an editor's save) never calls it.
   */
  replaceIfUnchanged(
    uri: string,
    expected: Uint8Array | undefined,
    data: Uint8Array,
    committing?: () => void,
  ): Promise<boolean>;

  /**
   * Takes the exclusive write lock of a file, shared by every process on this machine that writes the same
   * files through Grounded (a lock file beside the target). Waits while someone else holds it; takes over a
   * lock whose holder is gone (its process ended, or it has not been renewed for a minute); after a timeout,
   * fails with FileLockedError naming the holder. Not re-entrant: a holder that asks again waits for itself
   * (callers that hold several locks say so, see persistence/file-locks.ts).
   */
  lock(uri: string): Promise<ReleaseLock>;

  /**
   * Takes the write lock of a file if it is free right now, without waiting: undefined when another process or
   * an earlier request of this one holds it (or the attempt failed). Optional; withFileLocks uses it to take
   * several locks at once.
   */
  tryLock?(uri: string): Promise<ReleaseLock | undefined>;

  /**
   * True for a file this adapter creates only while writing (temp copies, lock files): not study data. The
   * loader and the watcher skip them; `grounded check` reports the ones an interrupted process left behind.
   * Only the adapter knows how they are named.
   */
  isWriteArtifact(uri: string): boolean;
  /**
   * Where `uri` really is, every symbolic link on the way followed (realpath), in the normal form; undefined
   * when nothing exists there. Hosts without links or without a way to ask leave it out: the study's
   * paths are then only checked as written.
   */
  realPath?(uri: string): Promise<string | undefined>;
}
