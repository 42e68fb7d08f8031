import type { DirectoryEntry, FileStat, FileSystemPort, ReleaseLock } from '../ports/file-system';
import { WriteRefusedError } from './errors';
import { asFileAccessError, type FileOperation } from './file-access-error';

/**
 * A FileSystemPort whose refusals say which file and what went wrong (FileAccessError). The system's own
 * errors do not always: a full disk fails a write with "ENOSPC: no space left on device, write", no path.
 * The CLI and the extension put it around the port they use; the core's logic is unchanged, since a
 * FileAccessError keeps the system's `code`.
 */
export class FileAccessReporting implements FileSystemPort {
  constructor(private readonly inner: FileSystemPort) {}

  readFile(uri: string): Promise<Uint8Array> {
    return reported('read', uri, () => this.inner.readFile(uri));
  }

  writeFile(uri: string, data: Uint8Array): Promise<void> {
    return reported('write', uri, () => this.inner.writeFile(uri, data));
  }

  /**
   * A compare-and-swap that fails leaves the file as it was: the system refused writing the new copy (said as
   * "could not write") or swapping it in ("could not replace").
   */
  async replaceIfUnchanged(
    uri: string,
    expected: Uint8Array | undefined,
    data: Uint8Array,
    committing?: () => void,
  ): Promise<boolean> {
    try {
      return await this.inner.replaceIfUnchanged(uri, expected, data, committing);
    } catch (error) {
      const swapping =
        error instanceof WriteRefusedError || (error as { syscall?: unknown } | null)?.syscall === 'rename';
      throw asFileAccessError(error, swapping ? 'replace' : 'write', uri, true);
    }
  }

  /** A lock that cannot be taken for a system reason is reported as a refused write of the file it guards. */
  lock(uri: string): Promise<ReleaseLock> {
    return reported('lock', uri, () => this.inner.lock(uri));
  }

  /** Never refuses: a lock not taken at once is taken with lock(), which says why it cannot be. */
  tryLock(uri: string): Promise<ReleaseLock | undefined> {
    return this.inner.tryLock ? this.inner.tryLock(uri) : Promise.resolve(undefined);
  }

  isWriteArtifact(uri: string): boolean {
    return this.inner.isWriteArtifact(uri);
  }

  realPath(uri: string): Promise<string | undefined> {
    return this.inner.realPath ? reported('inspect', uri, () => this.inner.realPath!(uri)) : Promise.resolve(undefined);
  }

  delete(uri: string): Promise<void> {
    return reported('delete', uri, () => this.inner.delete(uri));
  }

  stat(uri: string): Promise<FileStat | undefined> {
    return reported('inspect', uri, () => this.inner.stat(uri));
  }

  list(uri: string): Promise<readonly DirectoryEntry[]> {
    return reported('list', uri, () => this.inner.list(uri));
  }
}

async function reported<T>(operation: FileOperation, uri: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    throw asFileAccessError(error, operation, uri);
  }
}
