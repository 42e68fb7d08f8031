import * as vscode from 'vscode';
import type { Problem, Study } from '../../core/index';
import type { StudyService } from '../study/study-service';
import { toVscodeUri } from '../platform/workspace-file-system';
import { toDiagnostic } from './problem-diagnostic';

/**
 * Every problem of every study (malformed or conflicted sidecars, unknown codes, codings that need review,
 * a broken codebook or grounded.yaml) as Diagnostics on its file, replaced on each reload of the study;
 * files whose problems are gone are cleared.
 */
export class StudyDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('grounded');
  /** The files each study root put diagnostics on last time, so fixed files can be cleared. */
  private readonly filesByRoot = new Map<string, Set<string>>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(studies: StudyService) {
    this.disposables.push(studies.onDidChangeStudy((study) => this.update(study)));
    void studies.allStudies().then(
      (all) => all.forEach((study) => this.update(study)),
      () => undefined,
    );
  }

  update(study: Study): void {
    const byFile = new Map<string, Problem[]>();
    for (const problem of study.problems) {
      const list = byFile.get(problem.uri) ?? [];
      list.push(problem);
      byFile.set(problem.uri, list);
    }
    for (const stale of this.filesByRoot.get(study.root) ?? []) {
      if (!byFile.has(stale)) this.collection.delete(toVscodeUri(stale));
    }
    for (const [file, problems] of byFile) this.collection.set(toVscodeUri(file), problems.map(toDiagnostic));
    this.filesByRoot.set(study.root, new Set(byFile.keys()));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
