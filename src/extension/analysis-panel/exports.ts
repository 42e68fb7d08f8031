import * as vscode from 'vscode';
import type { StudyReport } from '../../../webview/protocol';
import type { FileSystemPort, Study } from '../../core/index';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';
import { exportFile, exportTargetRefusal, type ExportMessage } from './export-file';

/** Where to save: asks with the save dialog; tests replace it (see AnalysisPanel.chooseSaveUri). */
export type ChooseSaveUri = (
  suggested: vscode.Uri,
  filters: Record<string, string[]>,
) => Promise<vscode.Uri | undefined>;

export const askSaveUri: ChooseSaveUri = (suggested, filters) =>
  Promise.resolve(vscode.window.showSaveDialog({ defaultUri: suggested, filters }));

/**
 * Asks where to save (suggesting the study folder) and writes through vscode.workspace.fs; refuses a file
 * of the study itself (the codebook, a transcript…), which the export would replace.
 */
export async function saveExport(
  message: ExportMessage,
  report: StudyReport,
  study: Study,
  fs: FileSystemPort,
  choose: ChooseSaveUri,
): Promise<vscode.Uri | undefined> {
  const file = exportFile(message, report);
  if ('error' in file) {
    void vscode.window.showErrorMessage(`Grounded: ${file.error}.`);
    return undefined;
  }
  return saveFile(file, study, fs, choose);
}

/** Saves an export's bytes where the person chooses (the study folder suggested), never over a study file. */
export async function saveFile(
  file: { fileName: string; bytes: Uint8Array; filters: Record<string, string[]> },
  study: Study,
  fs: FileSystemPort,
  choose: ChooseSaveUri,
): Promise<vscode.Uri | undefined> {
  const target = await choose(vscode.Uri.joinPath(toVscodeUri(study.root), file.fileName), file.filters);
  if (!target) return undefined;
  const refusal = await exportTargetRefusal(fs, study, fromVscodeUri(target));
  if (refusal !== undefined) {
    void vscode.window.showErrorMessage(
      `Grounded did not save ${vscode.workspace.asRelativePath(target)}: ${refusal}.`,
    );
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, file.bytes);
  return target;
}
