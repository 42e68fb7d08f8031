import * as vscode from 'vscode';
import { codingProgress, type Sidecar, type Study } from '../../core/index';
import type { StudyService } from '../study/study-service';
import type { CoderIdentity } from '../study/coder-identity';
import type { BlindCoding } from '../study/blind-coding';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';
import { progressBadge, type ProgressBadge } from './progress-badge';

/**
 * Explorer badges: each transcript shows its coding progress from the current coder's point of view (see
 * progress-badge.ts) with a tooltip naming who coded it and how many codings each; sidecars, codebooks and
 * settings files with problems are coloured like errors (or warnings). Built from each loaded study, so
 * lookups are synchronous.
 */
export class ExplorerBadges implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.emitter.event;
  /** Decorations by core URI, per study root (so one study's reload replaces only its own). */
  private readonly byRoot = new Map<string, Map<string, vscode.FileDecoration>>();
  /** The last study seen per root: the badges are rebuilt from it when the coder changes. */
  private readonly studies = new Map<string, Study>();
  /** Who "you" is in the badges; undefined until known (or when nobody is set up as coder yet). */
  private me: string | undefined;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(
    studies: StudyService,
    private readonly coder: CoderIdentity,
    private readonly blind: BlindCoding,
  ) {
    this.disposables.push(
      studies.onDidChangeStudy((study) => this.update(study)),
      blind.onDidChange(() => {
        for (const study of this.studies.values()) this.update(study);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('grounded.coder')) void this.refreshCoder();
      }),
    );
    void studies.allStudies().then(
      (all) => all.forEach((study) => this.update(study)),
      () => undefined,
    );
    void this.refreshCoder();
  }

  /** The coder the badges speak for (for tests). */
  get currentCoder(): string | undefined {
    return this.me;
  }

  /** Re-reads who is coding (never asks) and rebuilds the badges when it changed. */
  async refreshCoder(): Promise<void> {
    const me = await this.coder.coderId(false).catch(() => undefined);
    if (me === this.me) return;
    this.me = me;
    for (const study of this.studies.values()) this.update(study);
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
    this.studies.set(study.root, study);
    const next = new Map<string, vscode.FileDecoration>();
    // While blind, the badges know only the current coder's sidecars: who else coded is hidden too.
    const shown = this.blind.view(study);
    const progress = codingProgress(shown).transcripts;
    shown.transcripts.forEach((transcript, index) => {
      let review = 0;
      for (const { sidecar } of transcript.sidecars) review += toReview(sidecar);
      next.set(transcript.uri, decorationOf(progressBadge(progress[index]!, review, this.me)));
    });
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
    const previous = this.byRoot.get(study.root) ?? new Map<string, vscode.FileDecoration>();
    this.byRoot.set(study.root, next);
    // Only what changed: after a coding that is one transcript of thousands, each of which VS Code would ask for
    // its decoration again across the process boundary.
    const changed = [...next.keys()].filter((uri) => !sameDecoration(previous.get(uri), next.get(uri)));
    for (const uri of previous.keys()) if (!next.has(uri)) changed.push(uri);
    if (changed.length > 0) this.emitter.fire(changed.map(toVscodeUri));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * Codings of a sidecar that need review, counted once per sidecar object: a reload after a coding keeps every
 * other sidecar's object, so only the written one is counted again (100,000 codings at a large study otherwise).
 */
const reviewCounts = new WeakMap<Sidecar, number>();

function toReview(sidecar: Sidecar): number {
  let count = reviewCounts.get(sidecar);
  if (count === undefined) {
    count = 0;
    for (const coding of sidecar.codings) if (coding.status !== undefined) count++;
    reviewCounts.set(sidecar, count);
  }
  return count;
}

function sameDecoration(a: vscode.FileDecoration | undefined, b: vscode.FileDecoration | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const colorOf = (d: vscode.FileDecoration) => (d.color as { id?: string } | undefined)?.id;
  return a.badge === b.badge && a.tooltip === b.tooltip && colorOf(a) === colorOf(b);
}

function decorationOf({ badge, tooltip, needsReview }: ProgressBadge): vscode.FileDecoration {
  return {
    ...(badge !== undefined ? { badge } : {}),
    tooltip,
    ...(needsReview ? { color: new vscode.ThemeColor('list.warningForeground') } : {}),
  };
}
