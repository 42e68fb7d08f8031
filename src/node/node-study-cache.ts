import * as crypto from 'node:crypto';
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readFile, writeFile } from 'node:fs';
import { promisify } from 'node:util';
import { basename, join } from 'node:path';
import type { LoadStudyOptions, StudyCache } from '../core/index';
import { nodeUtf8 } from './node-utf8';

/**
 * The study cache on disk, in the user's cache folder rather than in the study:
 * - nothing appears in the study folder, so nothing can be committed by `git add -A` (derived data in git
 *   is what docs/ARCHITECTURE.md#file-formats rules out), even in studies whose .gitignore predates the cache or that
 *   were not made by `grounded init`; no sync client (Dropbox, OneDrive) uploads it; read-only studies get one;
 * - the OS and cleaning tools know the folder is disposable.
 * Entries are content-addressed (src/core/study/cache/study-cache.ts), so two checkouts of one study never see each
 * other's entries as valid unless the files are the same. Entries carry Grounded's version, so an upgrade
 * never reuses what an older loader derived.
 *
 * Storage: one pack file per study holding every entry of the last load (one read instead of a thousand
 * file opens, which dominated a warm load of 1,000 sidecars), plus loose files for the few entries that
 * changed since (an edit in the editor rewrites one small file, not the pack). When loose entries pile up
 * the next load folds them into a new pack. Packs and entries are written to a temp file and renamed.
 */
// The callback forms read and write a file in one request to the thread pool; fs.promises' FileHandle
// versions take four (open, stat, read, close).
const readFileOnce = promisify(readFile);
const writeFileOnce = promisify(writeFile);
const PACK_MAGIC = 'grounded-pack 1';

export class NodeStudyCache implements StudyCache {
  private pack: Promise<Map<string, Uint8Array>> | undefined;
  /** Entries written during this load, kept until retain() decides between loose files and a new pack. */
  private readonly pending = new Map<string, Uint8Array>();

  constructor(
    /** This study's folder of entries. */
    readonly folder: string,
    /** Grounded's version: entries of another version are never read and are pruned. */
    private readonly version: string,
  ) {}

  async read(key: string): Promise<Uint8Array | undefined> {
    const packed = (await this.packed()).get(key) ?? this.pending.get(key);
    if (packed) return packed;
    try {
      const buffer = await readFileOnce(join(this.folder, this.fileName(key)));
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch {
      return undefined; // missing or unreadable: a miss
    }
  }

  async write(key: string, bytes: Uint8Array): Promise<void> {
    this.pending.set(key, bytes);
  }

  /**
   * Stores what this load wrote, and drops entries of files that changed or went away and of other
   * Grounded versions. Few new entries become loose files; many (a first load, a big pull) a new pack.
   */
  async retain(keys: ReadonlySet<string>): Promise<void> {
    const pack = await this.packed();
    let names: string[] = [];
    try {
      names = await fs.readdir(this.folder);
    } catch {
      // no cache folder yet
    }
    const loose = new Set(names);
    const outside = [...keys].filter(
      (key) => !pack.has(key) && (this.pending.has(key) || loose.has(this.fileName(key))),
    );
    const stale = [...pack.keys()].filter((key) => !keys.has(key)).length;
    const repack = outside.length > Math.max(16, keys.size / 20) || stale > Math.max(16, pack.size / 5);
    await fs.mkdir(this.folder, { recursive: true });
    const keep = new Set<string>();
    if (repack) {
      const entries: [string, Uint8Array][] = [];
      for (const key of keys) {
        const bytes = await this.read(key);
        if (bytes) entries.push([key, bytes]);
      }
      await this.atomicWrite(this.packName(), packChunks(entries));
      keep.add(this.packName());
    } else {
      keep.add(this.packName());
      for (const [key, bytes] of this.pending) if (keys.has(key)) await this.atomicWrite(this.fileName(key), bytes);
      for (const key of keys) if (!pack.has(key)) keep.add(this.fileName(key));
    }
    this.pending.clear();
    this.pack = undefined;
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

  /** Every key stored (pack and loose files), for tests and diagnostics. */
  async storedKeys(): Promise<string[]> {
    const prefix = this.fileName('');
    const names = await fs.readdir(this.folder).catch(() => [] as string[]);
    const loose = names
      .filter((name) => name.startsWith(prefix) && !name.endsWith('.tmp'))
      .map((name) => name.slice(prefix.length));
    return [...new Set([...(await this.packed()).keys(), ...loose])].sort();
  }

  /** The pack's entries by key; an absent, unreadable or malformed pack is empty (every read a miss). */
  private packed(): Promise<Map<string, Uint8Array>> {
    this.pack ??= readFileOnce(join(this.folder, this.packName())).then(
      (buffer) => decodePack(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)),
      () => new Map<string, Uint8Array>(),
    );
    return this.pack;
  }

  /** Temp file and rename, so a reader (another `grounded` run) never sees half a file. */
  private async atomicWrite(name: string, chunks: Uint8Array | readonly Uint8Array[]): Promise<void> {
    const path = join(this.folder, name);
    const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      if (chunks instanceof Uint8Array) {
        await writeFileOnce(temp, chunks);
      } else {
        // Written piece by piece: a pack as one buffer would double the memory of a first load of a big study.
        const handle = await fs.open(temp, 'w');
        try {
          await handle.writev([...chunks]);
        } finally {
          await handle.close();
        }
      }
      await fs.rename(temp, path);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  private fileName(key: string): string {
    return `${this.safeVersion()}_${key}`;
  }

  private packName(): string {
    return `${this.safeVersion()}.pack`;
  }

  private safeVersion(): string {
    return this.version.replace(/[^A-Za-z0-9.-]/g, '_');
  }
}

/** A header line, an index line (JSON [key, length] pairs) and the entries back to back. */
function packChunks(entries: readonly [string, Uint8Array][]): Uint8Array[] {
  const head = new TextEncoder().encode(
    `${PACK_MAGIC}\n${JSON.stringify(entries.map(([key, bytes]) => [key, bytes.length]))}\n`,
  );
  return [head, ...entries.map(([, bytes]) => bytes)];
}

function decodePack(bytes: Uint8Array): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  const first = bytes.indexOf(0x0a);
  const second = first < 0 ? -1 : bytes.indexOf(0x0a, first + 1);
  if (second < 0 || new TextDecoder().decode(bytes.subarray(0, first)) !== PACK_MAGIC) return entries;
  let index: unknown;
  try {
    index = JSON.parse(new TextDecoder().decode(bytes.subarray(first + 1, second)));
  } catch {
    return entries;
  }
  if (!Array.isArray(index)) return entries;
  let at = second + 1;
  for (const item of index) {
    const [key, length] = Array.isArray(item) ? (item as unknown[]) : [];
    if (
      typeof key !== 'string' ||
      typeof length !== 'number' ||
      !Number.isSafeInteger(length) ||
      length < 0 ||
      at + length > bytes.length
    )
      return new Map();
    entries.set(key, bytes.subarray(at, at + length));
    at += length;
  }
  // Each entry also carries its own checksum, checked by the core: a damaged pack only costs misses.
  return at === bytes.length ? entries : new Map();
}

/** node:crypto's SHA-256 (native, ≈ 15× the pure-JS default), as loadStudy's `sha256` option wants it. */
export function nodeSha256(bytes: Uint8Array): string {
  // crypto.hash (Node ≥ 20.12) is one call, no Hash object: a warm load hashes some 3,000 buffers.
  return oneShotHash ? oneShotHash('sha256', bytes, 'hex') : createHash('sha256').update(bytes).digest('hex');
}

const oneShotHash = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'hex') => string }).hash;

/**
 * The per-user cache folder of the platform, from the environment only (so tests that pass an empty
 * environment get no cache): $GROUNDED_CACHE_DIR, else XDG_CACHE_HOME or ~/.cache (Linux),
 * ~/Library/Caches (macOS), %LOCALAPPDATA% (Windows), each with a "grounded" folder.
 */
export function userCacheFolder(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
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
 * loadStudy options for a study folder in a Node process: the native hash and UTF-8 decoder always; the
 * cache unless GROUNDED_CACHE is "off"/"0"/"false"/"no" or no cache folder is known; and the stat index
 * (a sidecar whose size, times and inode are unchanged and settled is not read again, stat-index.ts)
 * unless GROUNDED_CACHE is "verify", which reads and hashes every file on every load (and only records
 * the index). Each study gets its own folder, named after the study and a hash of its path, so pruning
 * one study never touches another's.
 */
export function nodeLoadOptions(
  studyPath: string,
  env: Readonly<Record<string, string | undefined>>,
  version: string,
): LoadStudyOptions {
  const setting = (env['GROUNDED_CACHE'] ?? '').toLowerCase();
  const base = ['off', '0', 'false', 'no'].includes(setting) ? undefined : userCacheFolder(env);
  if (base === undefined) return { sha256: nodeSha256, utf8: nodeUtf8 };
  const name =
    basename(studyPath)
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .slice(0, 40) || 'study';
  const folder = join(base, 'studies', `${name}-${nodeSha256(new TextEncoder().encode(studyPath)).slice(0, 16)}`);
  return {
    sha256: nodeSha256,
    utf8: nodeUtf8,
    cache: new NodeStudyCache(folder, version),
    fileStats: setting === 'verify' ? 'record' : 'trust',
  };
}
