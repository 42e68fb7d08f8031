import * as vscode from 'vscode';
import { loadStudy } from '../../core/study/load-study';
import { reloadTranscripts } from '../../core/study/reload-transcripts';
import { MemoryStudyCache, type StudyCache } from '../../core/study/cache';
import { parseSidecarFileName } from '../../core/sidecar/format';
import type { Study, StudyTranscript } from '../../core/study/study';
import { SETTINGS_FILE } from '../../core/settings/format';
import { basenameUri, dirnameUri, isInside, stemOf } from '../../core/uri';
import type { FileSystemPort } from '../../core/ports/file-system';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';

/** How long to wait after the last file event before reloading: a git checkout fires hundreds. */
const RELOAD_DELAY_MS = 150;

/**
 * Owns the loaded studies of the workspace. A study root is a folder with a grounded.yaml; a workspace
 * folder without one anywhere is a study with default settings. Reloads (and so re-validates and
 * re-anchors) after every external change: file watcher events from git pull/checkout, other editors,
 * the CLI, or our own writes.
 */
export class StudyService implements vscode.Disposable {
  private readonly studies = new Map<string, Study>();
  private readonly loading = new Map<string, Promise<Study>>();
  private roots: string[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<Study>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private pendingReload: ReturnType<typeof setTimeout> | undefined;
  private readonly dirtyRoots = new Set<string>();
  /** Transcripts whose files (text or sidecars) changed, by root, when nothing else of the study did. */
  private readonly changedTranscripts = new Map<string, Set<string>>();
  /** One partial reload at a time per root: each builds on the study the previous one published. */
  private readonly partialReloads = new Map<string, Promise<Study>>();
  /** Cache keys each transcript's last partial reload used: the ones it no longer uses are dropped. */
  private readonly partialKeys = new Map<string, Set<string>>();
  private rootsKnown: Promise<void>;
  /** Only the newest root search may set `roots`: searches overlap when files change quickly. */
  private rootsGeneration = 0;

  /** Fires after a study finished (re)loading. */
  readonly onDidChangeStudy = this.changeEmitter.event;

  /**
   * Parsed sidecars, keyed by content, kept between reloads: after a write or a git pull only the files that
   * changed are parsed again, which keeps "code selection → colours updated" fast on large studies.
   */
  private readonly caches = new Map<string, MemoryStudyCache>();

  constructor(
    readonly fs: FileSystemPort,
    private readonly sha256?: (bytes: Uint8Array) => string,
  ) {
    this.rootsKnown = this.findRoots();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const onEvent = (uri: vscode.Uri) => this.fileChanged(uri);
    this.disposables.push(
      watcher,
      watcher.onDidChange(onEvent),
      watcher.onDidCreate(onEvent),
      watcher.onDidDelete(onEvent),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.rootsKnown = this.findRoots();
        void this.rootsKnown.then(() => this.reloadAll());
      }),
    );
  }

  dispose(): void {
    if (this.pendingReload) clearTimeout(this.pendingReload);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** All study roots of the workspace (deepest first when nested). */
  async studyRoots(): Promise<readonly string[]> {
    await this.rootsKnown;
    return this.roots;
  }

  /** The study a file belongs to (the deepest study root containing it), loaded. */
  async studyFor(uri: vscode.Uri | string): Promise<Study | undefined> {
    await this.rootsKnown;
    const target = typeof uri === 'string' ? uri : fromVscodeUri(uri);
    const root = this.roots.find((candidate) => isInside(candidate, target));
    return root === undefined ? undefined : this.study(root);
  }

  /** All studies, loaded. */
  async allStudies(): Promise<Study[]> {
    await this.rootsKnown;
    return Promise.all(this.roots.map((root) => this.study(root)));
  }

  /** The loaded study at a root (loading it on first use). */
  study(root: string): Promise<Study> {
    const loaded = this.studies.get(root);
    if (!loaded || this.dirtyRoots.has(root)) return this.load(root);
    // Files of some transcripts changed and their reload waits for the watcher's quiet period: do it now.
    const changed = this.changedTranscripts.get(root);
    if (changed) {
      this.changedTranscripts.delete(root);
      return this.reloadTranscripts(root, [...changed]);
    }
    return this.partialReloads.get(root) ?? Promise.resolve(loaded);
  }

  /** The transcript at a URI, if it is one of a study's transcripts. */
  async transcriptFor(uri: vscode.Uri | string): Promise<{ study: Study; transcript: StudyTranscript } | undefined> {
    const target = typeof uri === 'string' ? uri : fromVscodeUri(uri);
    const study = await this.studyFor(target);
    const transcript = study?.transcripts.find((t) => t.uri === target);
    return study && transcript ? { study, transcript } : undefined;
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

  private async reloadTranscriptsNow(root: string, transcriptUris: readonly string[]): Promise<Study> {
    // A full load already running may have read the files before the change: its result comes first.
    const running = this.loading.get(root);
    if (running) await running.catch(() => undefined);
    for (;;) {
      const base = this.studies.get(root);
      if (!base || this.dirtyRoots.has(root)) return this.load(root);
      const used = new Set<string>();
      const cache = this.cacheFor(root);
      const recording: StudyCache = {
        read: (key) => (used.add(key), cache.read(key)),
        write: (key, bytes) => (used.add(key), cache.write(key, bytes)),
      };
      const study = await reloadTranscripts(this.fs, base, transcriptUris, {
        cache: recording,
        ...(this.sha256 ? { sha256: this.sha256 } : {}),
      });
      if (!study) return this.reload(root);
      // Someone published a newer study meanwhile: redo the partial reload on top of it.
      if (this.studies.get(root) !== base) continue;
      this.forgetUnused(cache, transcriptUris, used);
      if (study !== base) this.publish(root, study);
      return study;
    }
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
    if (!cache) this.caches.set(root, (cache = new MemoryStudyCache()));
    return cache;
  }

  private publish(root: string, study: Study): void {
    this.studies.set(root, study);
    this.changeEmitter.fire(study);
  }

  async reloadAll(): Promise<void> {
    await Promise.all(this.roots.map((root) => this.reload(root)));
  }

  private load(root: string): Promise<Study> {
    const running = this.loading.get(root);
    if (running) return running;
    this.dirtyRoots.delete(root);
    this.changedTranscripts.delete(root);
    const cache = this.cacheFor(root);
    const promise = loadStudy(this.fs, root, { cache, ...(this.sha256 ? { sha256: this.sha256 } : {}) })
      .then((study) => {
        // A full load prunes the cache to what it used: partial reloads start over from it.
        for (const transcript of study.transcripts) this.partialKeys.delete(transcript.uri);
        this.publish(root, study);
        return study;
      })
      .catch(async (error: unknown) => {
        // The study folder was deleted (or renamed) under us: forget it instead of failing every caller.
        if (!(await this.fs.stat(root))) {
          this.studies.delete(root);
          this.caches.delete(root);
          this.roots = this.roots.filter((candidate) => candidate !== root);
          this.rootsKnown = this.findRoots();
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

  private fileChanged(uri: vscode.Uri): void {
    const path = uri.path;
    if (/\/(\.git|node_modules)\//.test(path)) return;
    const target = fromVscodeUri(uri);
    if (this.fs.isWriteArtifact(target)) return; // a write's temp or lock file: the write itself is reported when done
    if (path.endsWith('/' + SETTINGS_FILE)) {
      this.rootsKnown = this.findRoots();
    }
    for (const root of this.roots) {
      if (!isInside(root, target)) continue;
      const transcript = this.dirtyRoots.has(root) ? undefined : this.transcriptOfFile(root, target);
      if (transcript === undefined) this.dirtyRoots.add(root);
      else {
        const changed = this.changedTranscripts.get(root) ?? new Set<string>();
        this.changedTranscripts.set(root, changed.add(transcript));
      }
    }
    if (this.pendingReload) clearTimeout(this.pendingReload);
    this.pendingReload = setTimeout(() => {
      this.pendingReload = undefined;
      void this.rootsKnown.then(() => this.reloadChanged());
    }, RELOAD_DELAY_MS);
  }

  private async reloadChanged(): Promise<void> {
    const reloads: Promise<unknown>[] = [];
    for (const root of this.roots) {
      const transcripts = this.changedTranscripts.get(root);
      this.changedTranscripts.delete(root);
      if (this.dirtyRoots.has(root)) reloads.push(this.load(root));
      else if (transcripts) reloads.push(this.reloadTranscripts(root, [...transcripts]));
    }
    await Promise.all(reloads.map((reload) => reload.catch(() => undefined)));
  }

  /**
   * The transcript a changed file belongs to when the change can concern nothing else: the transcript
   * itself or one of its sidecars (an existing one, or a new coder's). Anything else — settings, codebook,
   * memos, a file that might be a new transcript — undefined: the whole study reloads.
   */
  private transcriptOfFile(root: string, uri: string): string | undefined {
    const study = this.studies.get(root);
    if (!study) return undefined;
    if (study.transcripts.some((t) => t.uri === uri)) return uri;
    const sidecar = parseSidecarFileName(basenameUri(uri));
    if (!sidecar) return undefined;
    const folder = dirnameUri(uri);
    const owners = study.transcripts.filter(
      (t) => dirnameUri(t.uri) === folder && stemOf(basenameUri(t.uri)) === sidecar.stem,
    );
    return owners.length === 1 ? owners[0]?.uri : undefined;
  }

  private async findRoots(): Promise<void> {
    const generation = ++this.rootsGeneration;
    const folders = vscode.workspace.workspaceFolders ?? [];
    const settingsFiles = await vscode.workspace.findFiles(`**/${SETTINGS_FILE}`, '**/{node_modules,.git}/**');
    if (generation !== this.rootsGeneration) return this.rootsKnown;
    const roots = new Set(settingsFiles.map((file) => dirnameUri(fromVscodeUri(file))));
    for (const folder of folders) {
      const folderUri = fromVscodeUri(folder.uri);
      if (![...roots].some((root) => isInside(folderUri, root))) roots.add(folderUri);
    }
    // Deepest first, so studyFor finds the innermost study.
    this.roots = [...roots].sort((a, b) => b.length - a.length);
    for (const root of this.studies.keys()) if (!this.roots.includes(root)) this.studies.delete(root);
  }
}

export { toVscodeUri };
