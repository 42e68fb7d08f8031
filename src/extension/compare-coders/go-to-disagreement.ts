import * as vscode from 'vscode';
import { disagreementSpan } from '../../core/index';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';
import { UserError } from '../shared/errors';
import { commandArgs } from '../shared/register-command';
import type { CompareContext } from './compare-context';
import type { ComparedDisagreement, Comparison } from './comparison';
import { stepFrom, type Whereabouts } from './disagreement-order';

export const NOT_COMPARING = 'Start with Grounded: Compare Coders: it lists the disagreements of two coders.';

/** The comparison on screen, or a refusal that says how to start one. */
export function comparisonOf({ compare }: CompareContext): Comparison {
  const comparison = compare.comparison;
  if (!comparison) throw new UserError(NOT_COMPARING);
  return comparison;
}

/**
 * Opens a disagreement's transcript with the passage both coders' codings span selected (so "adjust" starts
 * from it), makes it the current one and selects it in the Disagreements view.
 */
export async function goTo(context: CompareContext, item: ComparedDisagreement): Promise<vscode.Selection> {
  const { services, compare, tree, view } = context;
  const document = await vscode.workspace.openTextDocument(toVscodeUri(item.disagreement.transcriptUri));
  const editor = await vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
  const span = disagreementSpan(item.disagreement);
  const range = services.texts.of(document).toRange(span.start, span.end);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  compare.current = item;
  const node = tree.nodeOf(item.key);
  if (node && view.visible) await view.reveal(node, { select: true, focus: false, expand: true });
  return editor.selection;
}

/** grounded.compare.showDisagreement: the view's click (`{ key }`). */
export async function showDisagreementCommand(context: CompareContext, arg?: unknown): Promise<void> {
  const key = commandArgs(arg).string('key');
  const item = key === undefined ? undefined : context.compare.find(key);
  if (!item) throw new UserError('That disagreement is no longer listed: one of the coders has changed it.');
  await goTo(context, item);
}

/**
 * grounded.compare.nextDisagreement / previousDisagreement: the next open disagreement in reading order from
 * the current one, or from the cursor when the person has moved away from it; wraps around at the end.
 */
export async function stepCommand(
  context: CompareContext,
  direction: 1 | -1,
): Promise<ComparedDisagreement | undefined> {
  const comparison = comparisonOf(context);
  const order = comparison.study.transcripts.map((t) => t.path);
  const step = stepFrom(comparison.disagreements, whereabouts(context, comparison), direction, order);
  if (!step) {
    const total = comparison.disagreements.length;
    void vscode.window.showInformationMessage(
      total === 0
        ? `${comparison.first} and ${comparison.second} agree on every segment: nothing to resolve.`
        : `All ${total} disagreements of ${comparison.first} and ${comparison.second} are resolved.`,
    );
    return undefined;
  }
  if (step.wrapped)
    vscode.window.setStatusBarMessage(
      direction === 1 ? 'Back at the first open disagreement' : 'At the last open disagreement',
      4000,
    );
  await goTo(context, step.to);
  return step.to;
}

/** On the current disagreement while the cursor is inside it; otherwise at the cursor in a compared transcript. */
function whereabouts(context: CompareContext, comparison: Comparison): Whereabouts | undefined {
  const current = context.compare.current;
  const editor = vscode.window.activeTextEditor;
  const uri = editor ? fromVscodeUri(editor.document.uri) : undefined;
  const transcript = comparison.study.transcripts.find((t) => t.uri === uri);
  if (!editor || !transcript) return current && { key: current.key };
  const offset = context.services.texts.of(editor.document).toOffset(editor.selection.active);
  if (current && current.disagreement.transcriptUri === transcript.uri) {
    const span = disagreementSpan(current.disagreement);
    if (offset >= span.start && offset <= span.end) return { key: current.key };
  }
  return { transcript: transcript.path, offset };
}
