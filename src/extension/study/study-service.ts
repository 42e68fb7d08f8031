import * as vscode from 'vscode';
import {
  CachedStudyLoader,
  dirnameUri,
  type FileSystemPort,
  isInside,
  ReloadScheduler,
  SETTINGS_FILE,
  type StartTimer,
  type Study,
  type StudyTranscript,
} from '../../core/index';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';
import { timeSlicedPause } from '../shared/time-slices';

/**
 * Owns the loaded studies of the workspace. A study root is a folder with a grounded.yaml; a workspace
 * folder without one anywhere is a study with default settings. Reloads (and so re-validates and
 * re-anchors) after every external change: file watcher events from git pull/checkout, other editors,
 * the CLI, or our own writes. When and what to reload is the core's ReloadScheduler; this is its
 * VS Code side: the file watcher, the search for study roots, the change event.
 */
export class StudyService implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<Study>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private readonly scheduler: ReloadScheduler;

  /** Fires after a study finished (re)loading. */
  readonly onDidChangeStudy = this.changeEmitter.event;

  constructor(
    readonly fs: FileSystemPort,
    sha256?: (bytes: Uint8Array) => string,
  ) {
    this.scheduler = new ReloadScheduler({
      // The host's thread is shared: a long pass over every coding of a big study lets other work run.
      loader: new CachedStudyLoader(fs, sha256, undefined, timeSlicedPause()),
      findRoots: findStudyRoots,
      startTimer,
      publish: (study) => this.changeEmitter.fire(study),
      // The temp files of the core's safe writes: their rename onto the target is the change that counts.
      isIgnored: (uri) => fs.isWriteArtifact(uri), // a write's temp or lock file: the write itself is reported when done
    });
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const onEvent = (uri: vscode.Uri) => this.scheduler.fileChanged(fromVscodeUri(uri));
    this.disposables.push(
      watcher,
      watcher.onDidChange(onEvent),
      watcher.onDidCreate(onEvent),
      watcher.onDidDelete(onEvent),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduler.workspaceChanged()),
    );
  }

  dispose(): void {
    this.scheduler.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** All study roots of the workspace (deepest first when nested). */
  studyRoots(): Promise<readonly string[]> {
    return this.scheduler.studyRoots();
  }

  /** The study a file belongs to (the deepest study root containing it), loaded. */
  async studyFor(uri: vscode.Uri | string): Promise<Study | undefined> {
    return this.scheduler.studyFor(typeof uri === 'string' ? uri : fromVscodeUri(uri));
  }

  /** All studies, loaded. */
  allStudies(): Promise<Study[]> {
    return this.scheduler.allStudies();
  }

  /** The loaded study at a root (loading it on first use). */
  study(root: string): Promise<Study> {
    return this.scheduler.study(root);
  }

  /** The transcript at a URI, if it is one of a study's transcripts. */
  async transcriptFor(uri: vscode.Uri | string): Promise<{ study: Study; transcript: StudyTranscript } | undefined> {
    const target = typeof uri === 'string' ? uri : fromVscodeUri(uri);
    const study = await this.studyFor(target);
    const transcript = study?.transcripts.find((t) => t.uri === target);
    return study && transcript ? { study, transcript } : undefined;
  }

  /** Reloads now (after our own writes, so views update without waiting for the watcher). */
  reload(root: string): Promise<Study> {
    return this.scheduler.reload(root);
  }

  /** Reloads only these transcripts and their sidecars (after our own write); see ReloadScheduler. */
  reloadTranscripts(root: string, transcriptUris: readonly string[]): Promise<Study> {
    return this.scheduler.reloadTranscripts(root, transcriptUris);
  }

  reloadAll(): Promise<void> {
    return this.scheduler.reloadAll();
  }
}

const startTimer: StartTimer = (delayMs, callback) => {
  const timer = setTimeout(callback, delayMs);
  return () => clearTimeout(timer);
};

/** Folders with a grounded.yaml, and each workspace folder that has none anywhere inside; deepest first. */
async function findStudyRoots(): Promise<string[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const settingsFiles = await vscode.workspace.findFiles(`**/${SETTINGS_FILE}`, '**/{node_modules,.git}/**');
  const roots = new Set(settingsFiles.map((file) => dirnameUri(fromVscodeUri(file))));
  for (const folder of folders) {
    const folderUri = fromVscodeUri(folder.uri);
    if (![...roots].some((root) => isInside(folderUri, root))) roots.add(folderUri);
  }
  // Deepest first, so studyFor finds the innermost study.
  return [...roots].sort((a, b) => b.length - a.length);
}

export { toVscodeUri };
