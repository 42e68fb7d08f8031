import * as vscode from 'vscode';
import { allCodings, descendantsOf, type Study } from '../../../core/index';
import type { StudyService } from '../../study/study-service';
import { runQuietly } from '../run-quietly';
import { codeStats, statsText } from './code-stats';
import type { CodebookNode, CodeNode } from './codebook-tree';

/** The mime type VS Code gives drags from this tree ('application/vnd.code.tree.' + the view id in lower case). */
export const CODEBOOK_MIME = 'application/vnd.code.tree.grounded.codebook';

export type DropAction = 'move' | 'merge' | 'relate';

/**
 * Drag and drop in the Codebook view. Dropping on empty space puts the codes at the top level; dropping on
 * a code asks whether to move the dragged codes under it, merge them into it, or relate them to it (VS Code
 * gives a tree's drop no modifier keys, so the choice is a quick pick, answered by keyboard). The edits
 * themselves are the codebook commands' (grounded.moveCode, grounded.mergeCodes, grounded.relateCodes): one
 * implementation, one set of checks.
 */
export class CodebookDragAndDrop implements vscode.TreeDragAndDropController<CodebookNode> {
  readonly dragMimeTypes = [CODEBOOK_MIME];
  readonly dropMimeTypes = [CODEBOOK_MIME];

  /** How a drop onto a code is decided; the integration tests answer instead of the quick pick. */
  chooseAction: (study: Study, dragged: readonly CodeNode[], target: CodeNode) => Promise<DropAction | undefined> =
    askDropAction;

  constructor(private readonly studies: StudyService) {}

  handleDrag(source: readonly CodebookNode[], dataTransfer: vscode.DataTransfer): void {
    const codes = source.filter((node): node is CodeNode => node.kind === 'code');
    if (codes.length > 0) dataTransfer.set(CODEBOOK_MIME, new vscode.DataTransferItem(codes));
  }

  async handleDrop(
    target: CodebookNode | undefined,
    dataTransfer: vscode.DataTransfer,
    token: vscode.CancellationToken,
  ): Promise<void> {
    const value: unknown = dataTransfer.get(CODEBOOK_MIME)?.value;
    if (!Array.isArray(value)) return;
    const dragged = value.filter(isCodeNode);
    if (dragged.length === 0 || token.isCancellationRequested) return;
    const root = target?.study ?? dragged[0]?.study;
    // Codes belong to one codebook: a drop onto another study's codebook is not a move.
    const own = dragged.filter((node) => node.study === root);
    if (own.length === 0 || root === undefined) return;
    const study = await this.studies.study(root);

    if (target?.kind === 'relation') return;
    if (target === undefined || target.kind === 'study') {
      for (const node of own) {
        if (study.codebook.codes.find((c) => c.id === node.id)?.parent === undefined) continue;
        await runQuietly(() =>
          vscode.commands.executeCommand('grounded.moveCode', { id: node.id, study: root, parent: null }),
        );
      }
      return;
    }
    const movable = own.filter(
      (node) => node.id !== target.id && !descendantsOf(study.codebook, node.id).has(target.id),
    );
    if (movable.length === 0) return;
    const action = await this.chooseAction(study, movable, target);
    if (action === undefined || token.isCancellationRequested) return;
    if (action === 'relate') {
      // Each dragged code relates to the target; the type is asked per code (they may differ).
      for (const node of movable)
        await runQuietly(() =>
          vscode.commands.executeCommand('grounded.relateCodes', { from: node.id, to: target.id, study: root }),
        );
      return;
    }
    for (const node of movable) {
      if (action === 'move')
        await runQuietly(() =>
          vscode.commands.executeCommand('grounded.moveCode', { id: node.id, study: root, parent: target.id }),
        );
      else
        await runQuietly(() =>
          vscode.commands.executeCommand('grounded.mergeCodes', { from: node.id, into: target.id, study: root }),
        );
    }
  }
}

function isCodeNode(value: unknown): value is CodeNode {
  const node = value as Partial<CodeNode> | null;
  return (
    typeof node === 'object' &&
    node !== null &&
    node.kind === 'code' &&
    typeof node.id === 'string' &&
    typeof node.study === 'string'
  );
}

/** The quick pick that stands in for a modifier key; merge spells out what it does, as it removes codes. */
async function askDropAction(
  study: Study,
  dragged: readonly CodeNode[],
  target: CodeNode,
): Promise<DropAction | undefined> {
  const name = (id: string) => study.codebook.codes.find((c) => c.id === id)?.name ?? id;
  const what = dragged.length === 1 ? `"${name((dragged[0] as CodeNode).id)}"` : `${dragged.length} codes`;
  const stats = codeStats(study);
  // Only the dragged codes' own codings change code; their sub-codes move under the target as they are.
  const ids = new Set(dragged.map((node) => node.id));
  const used = allCodings(study).filter(({ coding }) => ids.has(coding.code)).length;
  const relate = {
    label: `$(arrow-swap) Relate ${what} to "${name(target.id)}"…`,
    detail: `Asks how (causes, is part of, contradicts…); the codes and their codings stay as they are.`,
    action: 'relate' as const,
  };
  const items: (vscode.QuickPickItem & { action: DropAction })[] = [
    {
      label: `$(list-tree) Move under "${name(target.id)}"`,
      detail: `${what} becomes a sub-code; codings keep their code.`,
      action: 'move',
    },
    {
      label: `$(git-merge) Merge into "${name(target.id)}"`,
      detail: `${what} ${dragged.length === 1 ? 'is' : 'are'} removed from the codebook; their codings (${used}) get the code "${name(target.id)}" (${statsText(stats.get(target.id))} now).`,
      action: 'merge',
    },
    relate,
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Drop ${what} on "${name(target.id)}"`,
    placeHolder: 'Move, merge or relate?',
  });
  return picked?.action;
}
