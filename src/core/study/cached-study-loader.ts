import type { FileSystemPort } from '../ports/file-system';
import { MemoryStudyCache, type LoadStudyOptions, type StudyCache } from './cache/study-cache';
import { loadStudy } from './load-study';
import { reloadTranscripts } from './reload-transcripts';
import type { StudyLoader } from './reload-scheduler';
import type { Study } from './study';

/**
 * Loads studies keeping their parsed sidecars in memory, keyed by content, between loads: after a write or
 * a git pull only the files that changed are parsed again, which keeps "code selection → colours updated"
 * fast on large studies.
 */
export class CachedStudyLoader implements StudyLoader {
  private readonly caches = new Map<string, MemoryStudyCache>();
  /** Cache keys each transcript's last partial reload used: the ones it no longer uses are dropped. */
  private readonly partialKeys = new Map<string, Set<string>>();

  constructor(
    private readonly fs: FileSystemPort,
    private readonly sha256?: (bytes: Uint8Array) => string,
    private readonly newCache: () => MemoryStudyCache = () => new MemoryStudyCache(),
    /** See LoadStudyOptions.pause: how a host that shares its thread lets other work run during a load. */
    private readonly pause?: () => Promise<void>,
  ) {}

  async load(root: string): Promise<Study> {
    const study = await loadStudy(this.fs, root, this.options(this.cacheFor(root)));
    // A full load prunes the cache to what it used: partial reloads start over from it.
    for (const transcript of study.transcripts) this.partialKeys.delete(transcript.uri);
    return study;
  }

  async reloadTranscripts(root: string, base: Study, transcriptUris: readonly string[]): Promise<Study | undefined> {
    const used = new Set<string>();
    const cache = this.cacheFor(root);
    const recording: StudyCache = {
      read: (key) => (used.add(key), cache.read(key)),
      write: (key, bytes) => (used.add(key), cache.write(key, bytes)),
    };
    const study = await reloadTranscripts(this.fs, base, transcriptUris, this.options(recording));
    if (study) this.forgetUnused(cache, transcriptUris, used);
    return study;
  }

  async exists(root: string): Promise<boolean> {
    return (await this.fs.stat(root)) !== undefined;
  }

  forget(root: string): void {
    this.caches.delete(root);
  }

  /**
   * Drops the cache entries a transcript's previous partial reload used and this one did not (older versions
   * of its sidecars), so memory does not grow with every coding. Keys of a reload of several transcripts
   * cannot be told apart: those are left to the next full load, which keeps only what it uses.
   */
  private forgetUnused(cache: MemoryStudyCache, transcriptUris: readonly string[], used: ReadonlySet<string>): void {
    const [only] = transcriptUris;
    if (transcriptUris.length !== 1 || only === undefined) {
      for (const uri of transcriptUris) this.partialKeys.delete(uri);
      return;
    }
    for (const key of this.partialKeys.get(only) ?? []) if (!used.has(key)) cache.entries.delete(key);
    this.partialKeys.set(only, new Set(used));
  }

  private cacheFor(root: string): MemoryStudyCache {
    let cache = this.caches.get(root);
    if (!cache) this.caches.set(root, (cache = this.newCache()));
    return cache;
  }

  private options(cache: StudyCache): LoadStudyOptions {
    return { cache, ...(this.sha256 ? { sha256: this.sha256 } : {}), ...(this.pause ? { pause: this.pause } : {}) };
  }
}
