import type { DirectoryEntry, FileStat, FileSystemPort } from './file-system';
import { dirnameUri, basenameUri } from '../uri';

/** An in-memory FileSystemPort, for tests and for previews that must not touch disk. */
export class MemoryFileSystem implements FileSystemPort {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private clock = 1;

  constructor(initial: Record<string, string | Uint8Array> = {}) {
    for (const [uri, content] of Object.entries(initial)) this.put(uri, content);
  }

  /** Test helper: sets a file synchronously (simulates an external change). */
  put(uri: string, content: string | Uint8Array): void {
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.files.set(uri, { data: new Uint8Array(data), mtime: this.clock++ });
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
    this.files.set(uri, { data: new Uint8Array(data), mtime: this.clock++ });
  }

  async rename(from: string, to: string): Promise<void> {
    const file = this.files.get(from);
    if (!file) throw Object.assign(new Error(`ENOENT: no such file: ${from}`), { code: 'ENOENT' });
    this.files.delete(from);
    this.files.set(to, { data: file.data, mtime: this.clock++ });
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
