import * as vscode from 'vscode';
import { basenameUri, type Study } from '../../core/index';
import type { StudyService } from '../study/study-service';
import { toVscodeUri } from '../platform/workspace-file-system';
import { UserError } from './errors';

/** What to do when the workspace has no study: open one, or make the open folder one. */
export const NO_STUDY =
  'Open a study folder first (one with grounded.yaml), or run Grounded: Create a Study Here to make this folder one.';

/**
 * Which study a command acts on — the one rule every command follows:
 *  1. a hint (a script's `study`, a view item's study: any file or folder of it) → that study, or an error
 *     naming the hint when it is in none;
 *  2. else the study of the active editor's file;
 *  3. else the only study of the workspace;
 *  4. else the one the person picks (undefined when they cancel);
 *  5. no study at all → NO_STUDY (open one, or make this folder one).
 * The studies counted in 3–5 are the ones the views list (see `isStudy`).
 */
export async function whichStudy(studies: StudyService, hint: string | undefined): Promise<Study | undefined> {
  if (hint !== undefined) {
    const named = await studies.studyFor(toVscodeUri(hint));
    if (!named) throw new UserError(`"${hint}" is not in a Grounded study of this workspace.`);
    return named;
  }
  const editor = vscode.window.activeTextEditor;
  // An untitled or virtual document (no file path) belongs to no study.
  const active =
    editor && !editor.document.isUntitled
      ? await studies.studyFor(editor.document.uri).catch(() => undefined)
      : undefined;
  if (active) return active;
  const shown = await shownStudies(studies);
  if (shown.length === 0) throw new UserError(NO_STUDY);
  if (shown.length === 1) return shown[0];
  const picked = await vscode.window.showQuickPick(
    shown.map((study) => ({
      label: studyLabel(study),
      description: vscode.workspace.asRelativePath(toVscodeUri(study.root)),
      study,
    })),
    { title: 'Which study?' },
  );
  return picked?.study;
}

/**
 * A folder counts as a study when it has a grounded.yaml, codes, or codings. A workspace folder without any
 * of these is still loaded with default settings by StudyService, but the views offer to create a study there
 * instead of showing an empty codebook.
 */
export function isStudy(study: Study): boolean {
  return (
    study.settingsUri !== undefined ||
    study.codebook.codes.length > 0 ||
    study.transcripts.some((t) => t.sidecars.length > 0)
  );
}

/** The studies the views list, outermost folder first (StudyService keeps them deepest first). */
export async function shownStudies(studies: StudyService): Promise<Study[]> {
  const all = await studies.allStudies();
  return all.filter(isStudy).sort((a, b) => a.root.length - b.root.length || a.root.localeCompare(b.root));
}

/** A short name for a study in views that list several: its folder name. */
export function studyLabel(study: Study): string {
  return basenameUri(study.root) || study.root;
}
