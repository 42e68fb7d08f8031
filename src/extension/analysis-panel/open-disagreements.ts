import * as vscode from 'vscode';
import { disagreementSpan, listDisagreements, type Study, type StudyReport } from '../../core/index';
import { COMPARE_CODERS_COMMANDS } from '../compare-coders/commands';
import { toVscodeUri } from '../platform/workspace-file-system';
import type { DocumentTexts } from '../study/document-text';

/**
 * The agreement section's click on a code: Compare Coders for the report's two coders, started on the
 * transcript of the code's first disagreement in reading order, with that disagreement selected. Compare
 * Coders lists every disagreement of the pair (it has no filter by code); the next / previous keys go on
 * from this one. Returns false when the message does not name the report's pair and one of its codes.
 */
export async function openDisagreements(
  study: Study,
  report: StudyReport | undefined,
  message: { first: string; second: string; code: string },
  texts: DocumentTexts,
): Promise<boolean> {
  const agreement = report?.agreement;
  if (
    !agreement ||
    agreement.first !== message.first ||
    agreement.second !== message.second ||
    !agreement.codes.some((c) => c.code === message.code)
  )
    return false;
  const [first] = listDisagreements(study, message.first, message.second, { codes: [message.code] });
  if (!first) {
    void vscode.window.showInformationMessage(
      `${message.first} and ${message.second} agree on every segment of ${message.code}: no disagreement to open.`,
    );
    return true;
  }
  await vscode.commands.executeCommand(COMPARE_CODERS_COMMANDS.compareCoders.id, {
    study: study.root,
    first: message.first,
    second: message.second,
    transcript: first.transcriptUri,
  });
  const document = await vscode.workspace.openTextDocument(toVscodeUri(first.transcriptUri));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const span = disagreementSpan(first);
  const range = texts.of(document).toRange(span.start, span.end);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
