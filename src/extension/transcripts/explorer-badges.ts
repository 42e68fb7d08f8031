import * as vscode from 'vscode';
import type { Study } from '../../core/index';
import type { StudyService } from '../study/study-service';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';

/** Explorer badges hold two characters at most. */
const BADGE_CAP = 99;

/**
 * Explorer badges: each transcript shows its number of codings (all coders) with a tooltip naming the
 * coders and how many codings need review; sidecars, codebooks and settings files with problems are
 * coloured like errors (or warnings). Built from each loaded study, so lookups are synchronous.
 */
export class ExplorerBadges implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.emitter.event;
  /** Decorations by core URI, per study root (so one study's reload replaces only its own). */
  private readonly byRoot = new Map<string, Map<string, vscode.FileDecoration>>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(studies: StudyService) {
    this.disposables.push(studies.onDidChangeStudy((study) => this.update(study)));
    void studies.allStudies().then(
      (all) => all.forEach((study) => this.update(study)),
      () => undefined,
    );
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const key = fromVscodeUri(uri);
    for (const decorations of this.byRoot.values()) {
      const found = decorations.get(key);
      if (found) return found;
    }
    return undefined;
  }

  update(study: Study): void {
    const next = new Map<string, vscode.FileDecoration>();
    for (const transcript of study.transcripts) {
      const codings = transcript.sidecars.flatMap((sidecar) => sidecar.sidecar.codings);
      const coders = transcript.sidecars
        .filter((sidecar) => sidecar.sidecar.codings.length > 0)
        .map((sidecar) => sidecar.coder);
      const review = codings.filter((coding) => coding.status !== undefined).length;
      next.set(transcript.uri, transcriptDecoration(codings.length, coders, review));
    }
    const worst = new Map<string, { errors: number; warnings: number }>();
    for (const problem of study.problems) {
      if (problem.severity === 'info') continue;
      const counts = worst.get(problem.uri) ?? { errors: 0, warnings: 0 };
      if (problem.severity === 'error') counts.errors++;
      else counts.warnings++;
      worst.set(problem.uri, counts);
    }
    for (const [uri, counts] of worst) {
      if (next.has(uri)) continue;
      const total = counts.errors + counts.warnings;
      next.set(uri, {
        color: new vscode.ThemeColor(counts.errors > 0 ? 'list.errorForeground' : 'list.warningForeground'),
        tooltip: `${total} problem${total === 1 ? '' : 's'} (see the Problems panel)`,
      });
    }
    const previous = this.byRoot.get(study.root);
    this.byRoot.set(study.root, next);
    const changed = new Set([...(previous?.keys() ?? []), ...next.keys()]);
    if (changed.size > 0) this.emitter.fire([...changed].map(toVscodeUri));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** "12 codings by amara, jonas; 2 need review". */
export function transcriptDecoration(count: number, coders: readonly string[], review: number): vscode.FileDecoration {
  if (count === 0) return { tooltip: 'No codings yet' };
  const tooltip = `${count} coding${count === 1 ? '' : 's'} by ${coders.join(', ')}${review > 0 ? `; ${review} need${review === 1 ? 's' : ''} review` : ''}`;
  return {
    badge: String(Math.min(count, BADGE_CAP)),
    tooltip,
    ...(review > 0 ? { color: new vscode.ThemeColor('list.warningForeground') } : {}),
  };
}
