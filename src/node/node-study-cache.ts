import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readFile, writeFile } from 'node:fs';
import { promisify } from 'node:util';
import { basename, join } from 'node:path';
import type { LoadStudyOptions, StudyCache } from '../core/study/cache';

/**
 * The study cache on disk, in the user's cache folder rather than in the study:
 * - nothing appears in the study folder, so nothing can be committed by `git add -A` (derived data in git
 *   is what ENGINEERING §3 rules out), even in studies whose .gitignore predates the cache or that were
 *   not made by `grounded init`; no sync client (Dropbox, OneDrive) uploads it; read-only studies get one;
 * - the OS and cleaning tools know the folder is disposable.
 * Entries are content-addressed (src/core/study/cache.ts), so two checkouts of one study never see each
 * other's entries as valid unless the files are the same. Entries carry Grounded's version, so an upgrade
 * never reuses what an older loader derived.
 */
// The callback forms read and write a file in one request to the thread pool; fs.promises' FileHandle
// versions take four (open, stat, read, close), which shows on a loaded machine with a thousand entries.
const readFileOnce = promisify(readFile);
const writeFileOnce = promisify(writeFile);

export class NodeStudyCache implements StudyCache {
  private folderMade: Promise<unknown> | undefined;

  constructor(
    /** This study's folder of entries. */
    readonly folder: string,
    /** Grounded's version: entries of another version are never read and are pruned. */
    private readonly version: string,
  ) {}

  async read(key: string): Promise<Uint8Array | undefined> {
    try {
      const buffer = await readFileOnce(join(this.folder, this.fileName(key)));
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch {
      return undefined; // missing or unreadable: a miss
    }
  }

  /** Temp file and rename, so a reader (another `grounded` run) never sees half an entry. */
  async write(key: string, bytes: Uint8Array): Promise<void> {
    this.folderMade ??= fs.mkdir(this.folder, { recursive: true });
    await this.folderMade;
    const path = join(this.folder, this.fileName(key));
    const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFileOnce(temp, bytes);
      await fs.rename(temp, path);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  /** Deletes entries of files that changed or went away, and of other Grounded versions. */
  async retain(keys: ReadonlySet<string>): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.folder);
    } catch {
      return; // no cache yet
    }
    const keep = new Set([...keys].map((key) => this.fileName(key)));
    const now = Date.now();
    for (const name of names) {
      if (keep.has(name)) continue;
      const path = join(this.folder, name);
      // A temp file may be another process's write in progress: leave recent ones alone.
      if (name.endsWith('.tmp')) {
        const stats = await fs.stat(path).catch(() => undefined);
        if (!stats || now - stats.mtimeMs < 60_000) continue;
      }
      await fs.rm(path, { force: true }).catch(() => undefined);
    }
  }

  private fileName(key: string): string {
    return `${this.version.replace(/[^A-Za-z0-9.-]/g, '_')}_${key}`;
  }
}

/** node:crypto's SHA-256 (native, ≈ 15× the pure-JS default), as loadStudy's `sha256` option wants it. */
export function nodeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The per-user cache folder of the platform, from the environment only (so tests that pass an empty
 * environment get no cache): $GROUNDED_CACHE_DIR, else XDG_CACHE_HOME or ~/.cache (Linux),
 * ~/Library/Caches (macOS), %LOCALAPPDATA% (Windows), each with a "grounded" folder.
 */
export function userCacheFolder(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): string | undefined {
  const explicit = env['GROUNDED_CACHE_DIR'];
  if (explicit) return explicit;
  const home = env['HOME'] ?? env['USERPROFILE'];
  if (platform === 'win32') {
    const local = env['LOCALAPPDATA'] ?? (home ? join(home, 'AppData', 'Local') : undefined);
    return local ? join(local, 'grounded', 'Cache') : undefined;
  }
  if (platform === 'darwin') return home ? join(home, 'Library', 'Caches', 'grounded') : undefined;
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg) return join(xdg, 'grounded');
  return home ? join(home, '.cache', 'grounded') : undefined;
}

/**
 * loadStudy options for a study folder in a Node process: the native hash always, and the cache unless
 * GROUNDED_CACHE is "off"/"0"/"false" or no cache folder is known. Each study gets its own folder, named
 * after the study and a hash of its path, so pruning one study never touches another's entries.
 */
export function nodeLoadOptions(studyPath: string, env: Readonly<Record<string, string | undefined>>, version: string): LoadStudyOptions {
  const setting = (env['GROUNDED_CACHE'] ?? '').toLowerCase();
  const base = ['off', '0', 'false', 'no'].includes(setting) ? undefined : userCacheFolder(env);
  if (base === undefined) return { sha256: nodeSha256 };
  const name = basename(studyPath).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40) || 'study';
  const folder = join(base, 'studies', `${name}-${nodeSha256(new TextEncoder().encode(studyPath)).slice(0, 16)}`);
  return { sha256: nodeSha256, cache: new NodeStudyCache(folder, version) };
}
