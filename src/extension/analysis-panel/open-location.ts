import * as vscode from 'vscode';
import { isInside, joinUri, type Study } from '../../core/index';
import { toVscodeUri } from '../platform/workspace-file-system';
import type { DocumentTexts } from '../study/document-text';

/** The editor column beside the panel, so opening a quote keeps the analysis in view. */
function columnBeside(panel: vscode.WebviewPanel): vscode.ViewColumn {
  return panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
}

/**
 * Opens a transcript of the study with the coding selected. The coding is looked up by id in the study as
 * loaded now (offsets move when the transcript is edited); the message's offsets are the fallback for a
 * coding that has since gone. Code points become an editor range through DocumentText.
 */
export async function openCoding(
  study: Study,
  panel: vscode.WebviewPanel,
  transcriptPath: string,
  start: number,
  end: number,
  codingId: string,
  texts: DocumentTexts,
): Promise<vscode.TextEditor | undefined> {
  const transcript = study.transcripts.find((t) => t.path === transcriptPath);
  if (!transcript) {
    void vscode.window.showWarningMessage(`Grounded: ${transcriptPath} is no longer a transcript of this study.`);
    return undefined;
  }
  const current = transcript.sidecars.flatMap((s) => s.sidecar.codings).find((c) => c.id === codingId);
  const range = current ? { start: current.start, end: current.end } : { start, end };
  const document = await vscode.workspace.openTextDocument(toVscodeUri(transcript.uri));
  const selection = texts.of(document).toRange(range.start, range.end);
  return vscode.window.showTextDocument(document, {
    viewColumn: columnBeside(panel),
    selection,
    preserveFocus: false,
    preview: false,
  });
}

/** Opens a file the panel listed (a problem, an unjoined transcript or row) at a 1-based line and column. */
export async function openProblem(
  study: Study,
  panel: vscode.WebviewPanel,
  file: string,
  line: number,
  column: number,
): Promise<vscode.TextEditor | undefined> {
  // The controller only passes files it listed itself; relative ones are inside the study.
  const uri = /^[a-z][a-z0-9+.-]*:/i.test(file) ? file : joinUri(study.root, file);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(file) && !isInside(study.root, uri)) return undefined;
  const document = await vscode.workspace.openTextDocument(toVscodeUri(uri));
  const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
  return vscode.window.showTextDocument(document, {
    viewColumn: columnBeside(panel),
    selection: new vscode.Range(position, position),
    preview: false,
  });
}
