import type { Utf8Decoder } from '../../text/canonical';

/**
 * The derived-data cache of study loading (docs/ARCHITECTURE.md#the-derived-data-cache): a port, like FileSystemPort,
 * so the core stays pure. The Node implementation keeps files in the OS cache folder (src/node/node-study-cache.ts);
 * tests and the browser can use MemoryStudyCache; without one, loadStudy computes everything every time.
 *
 * Entries are content-addressed: a key is derived from the SHA-256 of every input the entry depends on,
 * so an entry is either exactly right for the files being loaded or never looked up. The one exception is
 * the stat index (stat-index.ts, only with `fileStats`), which is state kept under a fixed key.
 */
export interface StudyCache {
  /** The bytes stored under `key`, or undefined. May throw; loadStudy then treats it as a miss. */
  read(key: string): Promise<Uint8Array | undefined>;
  /** Stores bytes under `key`, atomically where the platform can. May throw; loading goes on. */
  write(key: string, bytes: Uint8Array): Promise<void>;
  /**
   * Called after a load with every key it used: any other entry belongs to files that no longer exist in
   * this form and may be dropped, so the cache does not grow with every edit.
   */
  retain?(keys: ReadonlySet<string>): Promise<void>;
}

export interface LoadStudyOptions {
  /** Where derived data (parsed, validated, re-anchored sidecars) is kept between loads. */
  readonly cache?: StudyCache;
  /**
   * SHA-256 of bytes as lowercase hex. Defaults to the pure-JS @noble/hashes; Node passes node:crypto's,
   * which is ≈ 15× faster on the ≈ 30 MB of text a 500-transcript study hashes per load.
   */
  readonly sha256?: (bytes: Uint8Array) => string;
  /**
   * Strict UTF-8 decoding (throws on invalid bytes, keeps a BOM). Defaults to TextDecoder; Node passes one
   * over its native converters, which decode the non-ASCII text of transcripts ≈ 1.7× as fast.
   */
  readonly utf8?: Utf8Decoder;
  /**
   * The stat index (src/core/study/cache/stat-index.ts; needs `cache` and a file system that reports change times
   * and inodes): 'trust' takes a sidecar's hash from the previous load's index when its size, times and
   * inode are unchanged and settled (git's racy-safe rule) instead of reading and hashing the file;
   * 'record' reads and hashes every file but keeps the index up to date; absent, no index at all.
   */
  readonly fileStats?: 'trust' | 'record';
  /**
   * Awaited between transcripts in the passes over every coding of the study, so that a host whose thread other
   * work shares (the extension host) can let that work run during a long load: the host decides whether a call
   * yields (to a timer turn, once a stretch has lasted long enough) or returns at once. Absent (the CLI), nothing
   * is awaited; the study loaded is the same either way.
   */
  readonly pause?: () => Promise<void>;
}

/** A cache in memory: for tests, and for hosts without a place on disk (the browser) to reuse within a session. */
export class MemoryStudyCache implements StudyCache {
  readonly entries = new Map<string, Uint8Array>();

  async read(key: string): Promise<Uint8Array | undefined> {
    return this.entries.get(key);
  }

  async write(key: string, bytes: Uint8Array): Promise<void> {
    this.entries.set(key, bytes);
  }

  async retain(keys: ReadonlySet<string>): Promise<void> {
    for (const key of [...this.entries.keys()]) if (!keys.has(key)) this.entries.delete(key);
  }
}
