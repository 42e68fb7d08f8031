import * as vscode from 'vscode';
import type { Study } from '../../core/index';
import type { StudyService } from '../study/study-service';
import { isStudy } from '../shared/which-study';

/** What the views show for the workspace; also the `grounded.studyState` context key the welcome views read. */
export type StudyState = 'noFolder' | 'none' | 'emptyCodebook' | 'brokenCodebook' | 'ready';

export function studyStateOf(shown: readonly Study[]): StudyState {
  if ((vscode.workspace.workspaceFolders ?? []).length === 0) return 'noFolder';
  if (shown.length === 0) return 'none';
  // An empty list because codebook.yaml does not load must not invite the person to start a codebook.
  if (shown.some((study) => !study.codebookLoaded)) return 'brokenCodebook';
  return shown.some((study) => study.codebook.codes.length > 0) ? 'ready' : 'emptyCodebook';
}

/**
 * Keeps `grounded.studyState` in step with the loaded studies, so the right welcome content shows. Passive:
 * it reads the studies as they finish loading and never starts a load itself, so it adds no work (and no
 * concurrent loads) to each file change.
 */
export function trackStudyState(studies: StudyService): vscode.Disposable {
  const known = new Map<string, Study>();
  let last: StudyState | undefined;
  const publish = async () => {
    const roots = new Set(await studies.studyRoots());
    for (const root of [...known.keys()]) if (!roots.has(root)) known.delete(root);
    const state = studyStateOf([...known.values()].filter(isStudy));
    if (state === last) return;
    last = state;
    await vscode.commands.executeCommand('setContext', 'grounded.studyState', state);
  };
  // Once at activation, when every study is loaded anyway (decorations, diagnostics).
  void studies.allStudies().then((all) => {
    for (const study of all) if (!known.has(study.root)) known.set(study.root, study);
    return publish();
  });
  return vscode.Disposable.from(
    studies.onDidChangeStudy((study) => {
      known.set(study.root, study);
      void publish();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void publish()),
  );
}
