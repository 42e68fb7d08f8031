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
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { normalizeUri } from '../core/uri';
import type { DirectoryEntry, FileStat, FileSystemPort } from '../core/ports/file-system';

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
}

/** FileSystemPort over node:fs, for the CLI and the unit tests. Accepts file:// URIs only. */
export class NodeFileSystem implements FileSystemPort {
  private readonly blocking: boolean;

  constructor(options: NodeFileSystemOptions = {}) {
    this.blocking = options.blocking ?? false;
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

  async rename(from: string, to: string): Promise<void> {
    await fs.rename(uriToPath(from), uriToPath(to));
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

  /** The temp copies safe-file writes beside a target: `.<name>.<random>.tmp`. */
  isWriteArtifact(uri: string): boolean {
    return /^\..+\.[a-z0-9]+\.tmp$/.test(uri.slice(uri.lastIndexOf('/') + 1));
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
}

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
