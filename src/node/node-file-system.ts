import { promises as fs, readFile as readFileCallback, stat as statCallback } from 'node:fs';
import { promisify } from 'node:util';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { normalizeUri } from '../core/uri';
import type { DirectoryEntry, FileStat, FileSystemPort } from '../core/ports/file-system';

// The callback forms cost one thread-pool request per call; fs.promises.readFile takes several (open, fstat,
// read, close). Study loading reads and stats thousands of small files, so this is most of a warm load.
const readFileOnce = promisify(readFileCallback);
const statOnce = promisify(statCallback);

/** FileSystemPort over node:fs, for the CLI and the unit tests. Accepts file:// URIs only. */
export class NodeFileSystem implements FileSystemPort {
  async readFile(uri: string): Promise<Uint8Array> {
    const buffer = await readFileOnce(fileURLToPath(uri));
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  async writeFile(uri: string, data: Uint8Array): Promise<void> {
    const path = fileURLToPath(uri);
    await fs.mkdir(dirname(path), { recursive: true });
    await fs.writeFile(path, data);
  }

  async rename(from: string, to: string): Promise<void> {
    await fs.rename(fileURLToPath(from), fileURLToPath(to));
  }

  async delete(uri: string): Promise<void> {
    await fs.rm(fileURLToPath(uri), { force: true });
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      const stats = await statOnce(fileURLToPath(uri));
      return { type: stats.isDirectory() ? 'directory' : 'file', size: stats.size, mtime: stats.mtimeMs };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async list(uri: string): Promise<readonly DirectoryEntry[]> {
    const entries = await fs.readdir(fileURLToPath(uri), { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() || entry.isDirectory())
      .map((entry) => ({ name: entry.name, type: entry.isDirectory() ? 'directory' : 'file' }) as const);
  }
}

/** file:// URI (in the core's normal form) of an OS path, absolute or relative to the working directory. */
export function pathToUri(path: string): string {
  return normalizeUri(pathToFileURL(path).href);
}

export function uriToPath(uri: string): string {
  return fileURLToPath(uri);
}
