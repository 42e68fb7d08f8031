import type { DirectoryEntry, FileStat, FileSystemPort, ReleaseLock } from './file-system';
import { dirnameUri, basenameUri } from '../uri';
import { LockTable, type LockOptions } from './lock-protocol';
import { isWriteArtifactUri } from './write-artifacts';
import { sameBytes } from '../bytes';
import type { LockHolder } from '../persistence/errors';

/** An in-memory FileSystemPort, for tests and for previews that must not touch disk. */
export class MemoryFileSystem implements FileSystemPort {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number; touched: number }>();
  private clock = 1;
  private readonly locks: LockTable;

  /** `lockOptions`: for tests of the lock protocol (a holder of another "process", short timeouts). */
  constructor(
    initial: Record<string, string | Uint8Array> = {},
    lockOptions?: Partial<LockOptions> & { isAlive?: (holder: LockHolder) => boolean | undefined },
  ) {
    for (const [uri, content] of Object.entries(initial)) this.put(uri, content);
    this.locks = new LockTable(
      {
        createExclusive: async (uri, content) => {
          if (this.files.has(uri)) return false;
          this.put(uri, content);
          return true;
        },
        read: async (uri) => this.files.get(uri)?.data,
        age: async (uri) => {
          const file = this.files.get(uri);
          return file ? Date.now() - file.touched : undefined;
        },
        touch: async (uri) => {
          const file = this.files.get(uri);
          if (file) file.touched = Date.now();
        },
        remove: async (uri) => void this.files.delete(uri),
        // One process: a holder is alive unless a test says otherwise through lockOptions.
        isAlive: (holder) => lockOptions?.isAlive?.(holder) ?? true,
      },
      { holder: { pid: 1, host: 'memory', tool: 'test' }, ...lockOptions },
    );
  }

  /** Test helper: sets a file synchronously (simulates an external change). */
  put(uri: string, content: string | Uint8Array): void {
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.files.set(uri, { data: new Uint8Array(data), mtime: this.clock++, touched: Date.now() });
  }

  /** Test helper: a file's content as text, or undefined. */
  text(uri: string): string | undefined {
    const file = this.files.get(uri);
    return file ? new TextDecoder().decode(file.data) : undefined;
  }

  uris(): string[] {
    return [...this.files.keys()].sort();
  }

  async readFile(uri: string): Promise<Uint8Array> {
    const file = this.files.get(uri);
    if (!file) throw Object.assign(new Error(`ENOENT: no such file: ${uri}`), { code: 'ENOENT' });
    return new Uint8Array(file.data);
  }

  async writeFile(uri: string, data: Uint8Array): Promise<void> {
    this.put(uri, data);
  }

  /** Test helper (not part of the port): moves a file, as a rename on disk would. */
  async rename(from: string, to: string): Promise<void> {
    const file = this.files.get(from);
    if (!file) throw Object.assign(new Error(`ENOENT: no such file: ${from}`), { code: 'ENOENT' });
    this.files.delete(from);
    this.files.set(to, { data: file.data, mtime: this.clock++, touched: Date.now() });
  }

  async replaceIfUnchanged(uri: string, expected: Uint8Array | undefined, data: Uint8Array): Promise<boolean> {
    const current = this.files.get(uri)?.data;
    if (!sameBytes(current, expected)) return false;
    if (current === undefined && (await this.stat(uri))?.type === 'directory')
      throw Object.assign(new Error(`EISDIR: ${uri} is a folder`), { code: 'EISDIR' });
    this.put(uri, data);
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
    this.files.delete(uri);
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const file = this.files.get(uri);
    if (file) return { type: 'file', size: file.data.length, mtime: file.mtime };
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    for (const key of this.files.keys()) if (key.startsWith(prefix)) return { type: 'directory', size: 0, mtime: 0 };
    return undefined;
  }

  async list(uri: string): Promise<readonly DirectoryEntry[]> {
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    const entries = new Map<string, DirectoryEntry['type']>();
    for (const key of this.files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) entries.set(rest, 'file');
      else entries.set(rest.slice(0, slash), 'directory');
    }
    // Keys are URIs (percent-encoded); entries are file names, as every other port returns them.
    return [...entries].map(([name, type]) => ({ name: decodeSegment(name), type }));
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// Re-exported for adapters that need the same folder arithmetic.
export { dirnameUri, basenameUri };
