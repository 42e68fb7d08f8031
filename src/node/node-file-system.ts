import {
  promises as fs,
  readFile as readFileCallback,
  readFileSync,
  readdirSync,
  stat as statCallback,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type DirectoryEntry,
  type FileStat,
  type FileSystemPort,
  isWriteArtifactUri,
  type LockHolder,
  type LockOptions,
  LockTable,
  normalizeUri,
  type ReleaseLock,
  settled,
  tempUriFor,
  WriteRefusedError,
} from '../core/index';

// The callback forms cost one thread-pool request per call; fs.promises.readFile takes several (open, fstat,
// read, close). Study loading reads and stats thousands of small files, so this is most of a warm load.
const readFileOnce = promisify(readFileCallback);
const statOnce = promisify(statCallback);

export interface NodeFileSystemOptions {
  /**
   * Read, stat and list with the synchronous calls. For a one-shot process (the CLI) that has nothing
   * else to do meanwhile: each asynchronous call is a round trip through libuv's thread pool, and on a
   * busy two-core machine those hand-offs cost more than the reads (a warm load of 1,500 files: 1.2 s
   * asynchronous, 0.7 s blocking). Never for a host that must stay responsive (the extension).
   * Writes stay asynchronous either way.
   */
  readonly blocking?: boolean;
  /** Who takes this instance's locks, as a waiting process names it: "grounded command line", "VS Code". */
  readonly lockHolder?: string;
  /** Lock timings, for tests. */
  readonly lockTimings?: Pick<LockOptions, 'timeoutMs' | 'staleAfterMs' | 'renewEveryMs'>;
}

/** FileSystemPort over node:fs, for the CLI and the unit tests. Accepts file:// URIs only. */
export class NodeFileSystem implements FileSystemPort {
  private readonly blocking: boolean;
  private readonly locks: LockTable;

  constructor(options: NodeFileSystemOptions = {}) {
    this.blocking = options.blocking ?? false;
    this.locks = new LockTable(nodeLockPrimitives, {
      holder: { pid: process.pid, host: hostname(), tool: options.lockHolder ?? 'Grounded' },
      ...options.lockTimings,
    });
  }

  async readFile(uri: string): Promise<Uint8Array> {
    const path = uriToPath(uri);
    const buffer = this.blocking ? readFileSync(path) : await readFileOnce(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  async writeFile(uri: string, data: Uint8Array): Promise<void> {
    const path = uriToPath(uri);
    await fs.mkdir(dirname(path), { recursive: true });
    await fs.writeFile(path, data);
  }

  /** Temp file in the same folder (same file system, so the rename is atomic), renamed over the target. */
  async replaceIfUnchanged(
    uri: string,
    expected: Uint8Array | undefined,
    data: Uint8Array,
    committing?: () => void,
  ): Promise<boolean> {
    const path = uriToPath(uri);
    const temp = uriToPath(tempUriFor(uri));
    // A coding action waits for every round trip through the thread pool, one after the other: what the path is,
    // what it holds and the temp file's creation (a fresh name) are asked for together; the temp file is removed
    // again when the file may not be replaced after all.
    const [found, read, opened] = await Promise.all([
      lstatIfExists(path),
      settled(readForComparison(path, expected)),
      settled(fs.open(temp, 'wx')),
    ]);
    let handle = 'value' in opened ? opened.value : undefined;
    let created = handle !== undefined;
    const reader = 'value' in read ? read.value.handle : undefined;
    let readerClosed = false;
    const closeReader = async () => {
      if (reader && !readerClosed) await reader.close().catch(() => undefined);
      readerClosed = true;
    };
    try {
      if (found?.isSymbolicLink()) throw new WriteRefusedError(uri, 'symbolic-link');
      if (found?.isDirectory()) throw new WriteRefusedError(uri, 'folder');
      if (found && (found.mode & 0o222) === 0) throw new WriteRefusedError(uri, 'read-only');
      if (found && 'error' in read) throw read.error;
      const holds = 'value' in read ? read.value.bytes : undefined;
      const unchanged = found ? expected !== undefined && sameContent(holds, expected) : expected === undefined;
      if (!unchanged) {
        await closeReader();
        if (created) await discardTemp(handle, temp);
        return false;
      }
      if (!handle) {
        handle = await openTempAfterAll('error' in opened ? opened.error : undefined, temp, path);
        created = true;
      }
      // The file's permissions are kept (umask would not), set while the bytes are written.
      await Promise.all([writeAll(handle, data), found && handle.chmod(found.mode & 0o7777), closeReader()]);
      await handle.close();
      handle = undefined;
      const renaming = fs.rename(temp, path);
      committing?.();
      await renaming;
    } catch (error) {
      await closeReader();
      if (created) await discardTemp(handle, temp); // a failed write leaves no temp file behind
      throw error;
    }
    return true;
  }

  lock(uri: string): Promise<ReleaseLock> {
    return this.locks.lock(uri);
  }

  tryLock(uri: string): Promise<ReleaseLock | undefined> {
    return this.locks.tryLock(uri);
  }

  isWriteArtifact(uri: string): boolean {
    return isWriteArtifactUri(uri);
  }

  async delete(uri: string): Promise<void> {
    await fs.rm(uriToPath(uri), { force: true });
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      const path = uriToPath(uri);
      const stats: Stats = this.blocking ? statSync(path) : await statOnce(path);
      return {
        type: stats.isDirectory() ? 'directory' : 'file',
        size: stats.size,
        mtime: stats.mtimeMs,
        changeTime: stats.ctimeMs,
        inode: stats.ino,
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async list(uri: string): Promise<readonly DirectoryEntry[]> {
    const path = uriToPath(uri);
    const entries: Dirent[] = this.blocking
      ? readdirSync(path, { withFileTypes: true })
      : await fs.readdir(path, { withFileTypes: true });
    const listed: DirectoryEntry[] = [];
    for (const entry of entries) {
      if (entry.isFile() || entry.isDirectory())
        listed.push({ name: entry.name, type: entry.isDirectory() ? 'directory' : 'file' });
      else if (entry.isSymbolicLink())
        listed.push({ name: entry.name, type: await this.linkTargetType(join(path, entry.name)), symbolicLink: true });
    }
    return listed;
  }

  /** What a link points to; 'file' when nothing is there (a dangling link is still reported as a file). */
  private async linkTargetType(path: string): Promise<DirectoryEntry['type']> {
    try {
      const stats = this.blocking ? statSync(path) : await statOnce(path);
      return stats.isDirectory() ? 'directory' : 'file';
    } catch {
      return 'file';
    }
  }

  async realPath(uri: string): Promise<string | undefined> {
    try {
      return pathToUri(await fs.realpath(uriToPath(uri)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  }
}

/** The result of a file operation, or undefined when nothing exists at the path (a path under a file included). */
async function unlessMissing<T>(operation: Promise<T>): Promise<T | undefined> {
  try {
    return await operation;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * The file's bytes, as far as comparing them with `expected` needs: up to one byte more than `expected` (a longer file
 * differs, whatever follows). Two requests (open, read) where reading the whole file takes four (open, stat, read,
 * close); the caller closes the handle beside its next step. A regular file's read stops short only at the file's
 * end, so one read tells whether it holds exactly `expected` (a short read that was not the end would only make the
 * file look changed, and the change be made again on a fresh read). Nothing is read when nothing is expected: the
 * file's state says whether it exists. No bytes: the file is not there.
 */
async function readForComparison(
  path: string,
  expected: Uint8Array | undefined,
): Promise<{ bytes?: Uint8Array; handle?: FileHandle }> {
  if (expected === undefined) return {};
  const handle = await unlessMissing(fs.open(path, 'r'));
  if (!handle) return {};
  try {
    const buffer = Buffer.allocUnsafe(expected.byteLength + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, 0);
    return { bytes: buffer.subarray(0, bytesRead), handle };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/** sameBytes, compared natively: a coding action compares its whole sidecar (hundreds of KB) before replacing it. */
function sameContent(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/**
 * The temp file, when creating it beside the target failed: a new file's folder may not exist yet (made now, then
 * the temp file created; a file where a folder should be makes mkdir say so). Any other failure is the write's.
 */
async function openTempAfterAll(error: unknown, temp: string, target: string): Promise<FileHandle> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  await fs.mkdir(dirname(target), { recursive: true });
  return fs.open(temp, 'wx');
}

/** Closes and removes a temp file of ours; its own failures are not the caller's (the write's error is). */
async function discardTemp(handle: FileHandle | undefined, temp: string): Promise<void> {
  await handle?.close().catch(() => undefined);
  await fs.rm(temp, { force: true }).catch(() => undefined);
}

/** All of `data` in one request as a rule (FileHandle.writeFile writes in 512 KiB pieces, one request each). */
async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  for (let at = 0; at < data.byteLength;) {
    const { bytesWritten } = await handle.write(data, at, data.byteLength - at, at);
    at += bytesWritten;
  }
}

const lstatIfExists = (path: string): Promise<Stats | undefined> => unlessMissing(fs.lstat(path));

const readIfExists = (path: string): Promise<Uint8Array | undefined> => unlessMissing(readFileOnce(path));

/** Lock files on a local disk: O_EXCL creation, and a holder on this host is alive while its pid runs. */
const nodeLockPrimitives = {
  async createExclusive(uri: string, content: Uint8Array): Promise<boolean> {
    const path = uriToPath(uri);
    for (let attempt = 0; ; attempt++) {
      let handle: FileHandle;
      try {
        handle = await fs.open(path, 'wx');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return false;
        if (code !== 'ENOENT' || attempt > 0) throw error;
        await fs.mkdir(dirname(path), { recursive: true }); // the target's folder does not exist yet
        continue;
      }
      try {
        await handle.writeFile(content);
        await handle.close();
        return true;
      } catch (error) {
        // Created but not written (a full disk): ours to remove, or it would hold everyone off until stale.
        await handle.close().catch(() => undefined);
        await fs.rm(path, { force: true });
        throw error;
      }
    }
  },
  read: (uri: string) => readIfExists(uriToPath(uri)),
  async age(uri: string): Promise<number | undefined> {
    const stats = await lstatIfExists(uriToPath(uri));
    return stats && Date.now() - stats.mtimeMs;
  },
  async touch(uri: string): Promise<void> {
    const now = new Date();
    await fs.utimes(uriToPath(uri), now, now);
  },
  async remove(uri: string): Promise<void> {
    // A lock is a file: unlink is one request where rm walks it as a tree.
    await unlessMissing(fs.unlink(uriToPath(uri)));
  },
  isAlive(holder: LockHolder): boolean | undefined {
    if (holder.host !== hostname()) return undefined;
    try {
      process.kill(holder.pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
    }
  },
};

/** file:// URI (in the core's normal form) of an OS path, absolute or relative to the working directory. */
export function pathToUri(path: string): string {
  return normalizeUri(pathToFileURL(path).href);
}

export function uriToPath(uri: string): string {
  // The common case without the URL parser (a warm study load converts some 2,500 URIs): on POSIX a
  // file:/// URI of characters the parser keeps as they are, without '.' or '..' segments, is its path.
  if (POSIX && uri.startsWith('file:///') && PLAIN_PATH.test(uri) && !DOT_SEGMENT.test(uri))
    return uri.slice('file://'.length);
  return fileURLToPath(uri);
}

const POSIX = process.platform !== 'win32';
const PLAIN_PATH = /^file:\/\/\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;
