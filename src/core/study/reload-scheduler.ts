import { SETTINGS_FILE } from '../settings/format';
import { basenameUri, isInside } from '../uri';
import { isInUnwatchedFolder, transcriptOfChange } from './change-scope';
import { RootSearch } from './root-search';
import type { Study } from './study';

/** How long to wait after the last file event before reloading: a git checkout fires hundreds. */
export const RELOAD_DELAY_MS = 150;

/** Reads studies from their folders. */
export interface StudyLoader {
  /** The whole study at a root. */
  load(root: string): Promise<Study>;
  /**
   * `base` with these transcripts and their sidecars read again (see core reloadTranscripts): `base` itself
   * when they load as before, undefined when only a full load can tell.
   */
  reloadTranscripts(root: string, base: Study, transcriptUris: readonly string[]): Promise<Study | undefined>;
  /** Whether the study folder is still there (a load of a folder that vanished fails). */
  exists(root: string): Promise<boolean>;
  /** The study at this root is gone: drop what was kept for it. */
  forget(root: string): void;
}

/** Starts a timer; the returned function cancels it. */
export type StartTimer = (delayMs: number, callback: () => void) => () => void;

export interface ReloadSchedulerOptions {
  readonly loader: StudyLoader;
  /** Every study root of the workspace, deepest first (so the innermost study of a file is found first). */
  readonly findRoots: () => Promise<readonly string[]>;
  readonly startTimer: StartTimer;
  /** Hears each study as it replaces the one held: after every full load, after a partial one that changed it. */
  readonly publish: (study: Study) => void;
  /** Changed files that are no study's (a file-system adapter's own temp or lock files): nothing reloads. */
  readonly isIgnored: (uri: string) => boolean;
}

/**
 * Keeps the studies of a workspace loaded and decides when to load them again: a change to one transcript's
 * files reloads that transcript only, any other change the whole study, after a quiet period that coalesces
 * bursts of file events; of overlapping loads of a study, one that read the folder earlier never has the last
 * word, and a reload asked for after a write returns a study that read the folder after that write.
 */
export class ReloadScheduler {
  private readonly studies = new Map<string, Study>();
  private readonly loading = new Map<string, Promise<Study>>();
  /** Roots with a change only a full load takes in. */
  private readonly dirtyRoots = new Set<string>();
  /** Transcripts whose files (text or sidecars) changed, by root, when nothing else of the study did. */
  private readonly changedTranscripts = new Map<string, Set<string>>();
  /** One partial reload at a time per root: each builds on the study the previous one published. */
  private readonly partialReloads = new Map<string, Promise<Study>>();
  private readonly roots: RootSearch;
  private cancelPendingReload: (() => void) | undefined;

  constructor(private readonly options: ReloadSchedulerOptions) {
    this.roots = new RootSearch(options.findRoots, (roots) => {
      for (const root of this.studies.keys()) if (!roots.includes(root)) this.studies.delete(root);
    });
  }

  dispose(): void {
    this.cancelPendingReload?.();
  }

  /** All study roots of the workspace (deepest first when nested). */
  studyRoots(): Promise<readonly string[]> {
    return this.roots.list();
  }

  /** The study a file belongs to (the deepest study root containing it), loaded. */
  async studyFor(uri: string): Promise<Study | undefined> {
    const root = (await this.roots.list()).find((candidate) => isInside(candidate, uri));
    return root === undefined ? undefined : this.study(root);
  }

  /** All studies, loaded. */
  async allStudies(): Promise<Study[]> {
    const roots = await this.roots.list();
    const loads = await Promise.allSettled(roots.map((root) => this.study(root)));
    const studies: Study[] = [];
    let stillRoots: readonly string[] | undefined;
    for (const [index, load] of loads.entries()) {
      if (load.status === 'fulfilled') {
        studies.push(load.value);
        continue;
      }
      // A study folder deleted since the roots were found (its file event not handled yet) cannot load: the
      // roots are found again and a root that is gone is left out. A study that is there and fails is an error.
      if (stillRoots === undefined) {
        await this.roots.refresh();
        stillRoots = await this.roots.list();
      }
      if (stillRoots.includes(roots[index] as string)) throw load.reason;
    }
    return studies;
  }

  /** The loaded study at a root (loading it on first use). */
  study(root: string): Promise<Study> {
    const loaded = this.studies.get(root);
    if (!loaded || this.dirtyRoots.has(root)) return this.load(root);
    // Files of some transcripts changed and their reload waits for the quiet period: do it now.
    const changed = this.changedTranscripts.get(root);
    if (changed) {
      this.changedTranscripts.delete(root);
      return this.reloadTranscripts(root, [...changed]);
    }
    return this.partialReloads.get(root) ?? Promise.resolve(loaded);
  }

  /** Reloads now (after our own writes, so views update without waiting for the watcher). */
  async reload(root: string): Promise<Study> {
    // A load already running may have read the folder before the caller's write: let it finish, then load
    // again. A load started after this call began (by anyone) has seen the write, so joining it is fine.
    const running = this.loading.get(root);
    if (running) await running.catch(() => undefined);
    this.dirtyRoots.add(root);
    return this.load(root);
  }

  async reloadAll(): Promise<void> {
    await Promise.all(this.roots.latest.map((root) => this.reload(root)));
  }

  /**
   * Reloads only these transcripts and their sidecars (after our own write, or file events that touched
   * nothing else): the core's partial load, which gives what a full load would, at the cost of one
   * transcript instead of the study. The whole study is loaded when that cannot be done exactly.
   */
  reloadTranscripts(root: string, transcriptUris: readonly string[]): Promise<Study> {
    const previous = this.partialReloads.get(root) ?? Promise.resolve(undefined);
    const next = previous.catch(() => undefined).then(() => this.reloadTranscriptsNow(root, transcriptUris));
    this.partialReloads.set(root, next);
    void next
      .catch(() => undefined)
      .then(() => {
        if (this.partialReloads.get(root) === next) this.partialReloads.delete(root);
      });
    return next;
  }

  /** The workspace folders changed: find the roots again and reload every study. */
  workspaceChanged(): void {
    void this.roots.refresh().then(() => this.reloadAll());
  }

  /** A file was created, changed or deleted (by us, another editor, git, the CLI): reload what it concerns. */
  fileChanged(uri: string): void {
    if (isInUnwatchedFolder(uri) || this.options.isIgnored(uri)) return;
    if (basenameUri(uri) === SETTINGS_FILE) void this.roots.refresh();
    for (const root of this.roots.latest) {
      if (!isInside(root, uri)) continue;
      const study = this.studies.get(root);
      const transcript = this.dirtyRoots.has(root) || !study ? undefined : transcriptOfChange(study, uri);
      if (transcript === undefined) this.dirtyRoots.add(root);
      else {
        const changed = this.changedTranscripts.get(root) ?? new Set<string>();
        this.changedTranscripts.set(root, changed.add(transcript));
      }
    }
    this.cancelPendingReload?.();
    this.cancelPendingReload = this.options.startTimer(RELOAD_DELAY_MS, () => {
      this.cancelPendingReload = undefined;
      void this.reloadChanged();
    });
  }

  private async reloadChanged(): Promise<void> {
    const reloads: Promise<unknown>[] = [];
    for (const root of await this.roots.list()) {
      const transcripts = this.changedTranscripts.get(root);
      this.changedTranscripts.delete(root);
      if (this.dirtyRoots.has(root)) reloads.push(this.load(root));
      else if (transcripts) reloads.push(this.reloadTranscripts(root, [...transcripts]));
    }
    await Promise.all(reloads.map((reload) => reload.catch(() => undefined)));
  }

  private async reloadTranscriptsNow(root: string, transcriptUris: readonly string[]): Promise<Study> {
    // A full load already running may have read the files before the change: its result comes first.
    const running = this.loading.get(root);
    if (running) await running.catch(() => undefined);
    for (;;) {
      const base = this.studies.get(root);
      if (!base || this.dirtyRoots.has(root)) return this.load(root);
      const study = await this.options.loader.reloadTranscripts(root, base, transcriptUris);
      if (!study) return this.reload(root);
      // Someone published a newer study meanwhile: redo the partial reload on top of it.
      if (this.studies.get(root) !== base) continue;
      // The same study (the watcher's echo of a write it already shows): nothing to publish.
      if (study !== base) this.publish(root, study);
      return study;
    }
  }

  private load(root: string): Promise<Study> {
    const running = this.loading.get(root);
    if (running) return running;
    this.dirtyRoots.delete(root);
    this.changedTranscripts.delete(root);
    const promise = this.options.loader
      .load(root)
      .then((study) => {
        this.publish(root, study);
        return study;
      })
      .catch(async (error: unknown) => {
        // The study folder was deleted (or renamed) under us: forget it instead of failing every caller.
        if (!(await this.options.loader.exists(root))) {
          this.studies.delete(root);
          this.options.loader.forget(root);
          this.roots.drop(root);
        }
        throw error;
      })
      .finally(() => {
        this.loading.delete(root);
        // A change that arrived while loading marks the root dirty again: load once more.
        if (this.dirtyRoots.has(root)) void this.load(root);
      });
    this.loading.set(root, promise);
    return promise;
  }

  private publish(root: string, study: Study): void {
    this.studies.set(root, study);
    this.options.publish(study);
  }
}
