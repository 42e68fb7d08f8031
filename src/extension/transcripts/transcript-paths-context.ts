import * as vscode from 'vscode';
import type { Study } from '../../core/index';
import type { StudyService } from '../study/study-service';
import { toVscodeUri } from '../platform/workspace-file-system';

/** Context key: the paths of every study's transcripts, for `resourcePath in …` menus. */
export const TRANSCRIPT_PATHS = 'grounded.transcriptPaths';

/**
 * Keeps TRANSCRIPT_PATHS in step with the loaded studies, so the explorer and editor-tab menus offer the
 * transcript commands on transcripts only (a file's language is not known before it is opened). Paths, not
 * URIs: in a remote window (code-server) the workbench names a file vscode-remote://host/… while this
 * extension host names the same file file:///…; the workbench's `resourcePath` is the file-system path of a
 * local file and the URI's path otherwise, which is what `menuPath` gives.
 */
export class TranscriptPathsContext implements vscode.Disposable {
  private readonly byRoot = new Map<string, readonly string[]>();
  private sent = '';
  private readonly subscription: vscode.Disposable;

  constructor(studies: StudyService) {
    this.subscription = studies.onDidChangeStudy((study) => this.update(study));
    void studies.allStudies().then(
      (all) => all.forEach((study) => this.update(study)),
      () => undefined,
    );
  }

  private update(study: Study): void {
    this.byRoot.set(
      study.root,
      study.transcripts.map((transcript) => menuPath(toVscodeUri(transcript.uri))),
    );
    const all = [...this.byRoot.values()].flat();
    const key = all.join('\n');
    // setContext crosses to the renderer: only when the list changed.
    if (key === this.sent) return;
    this.sent = key;
    void vscode.commands.executeCommand('setContext', TRANSCRIPT_PATHS, all);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** A file's path as the workbench's `resourcePath` context key spells it. */
function menuPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}
