import * as vscode from 'vscode';
import {
  type DetectedStudy,
  detectStudy,
  encodeUtf8,
  initialStudyFiles,
  joinUri,
  NEW_CODEBOOK_FILE,
  SETTINGS_FILE,
} from '../../core/index';
import type { GroundedServices } from '../services';
import { UserError } from '../shared/errors';
import { commandArgs } from '../shared/register-command';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';

export interface CreatedStudy {
  readonly folder: string;
  readonly settings: string;
  readonly codebook: string;
  /** False when a codebook.yaml was there already and was kept. */
  readonly codebookWritten: boolean;
  readonly detected: DetectedStudy;
}

/**
 * grounded.createStudy: what `grounded init` does, in the editor. Writes grounded.yaml from what the folder
 * holds (transcripts, survey, participant ids) and an empty codebook.yaml. Never overwrites: an existing
 * grounded.yaml stops it, an existing codebook is kept. Argument `{ folder }` (a Uri or URI string) skips
 * the folder question.
 */
export async function createStudy(services: GroundedServices, arg?: unknown): Promise<CreatedStudy | undefined> {
  const given = commandArgs(arg).uri('folder');
  const folderUri =
    given instanceof vscode.Uri ? given : typeof given === 'string' ? toVscodeUri(given) : await chooseFolder();
  if (!folderUri) return undefined;
  const folder = fromVscodeUri(folderUri);
  const { fs } = services;
  const settingsUri = joinUri(folder, SETTINGS_FILE);
  if ((await fs.stat(settingsUri)) !== undefined) {
    throw new UserError(
      `${vscode.workspace.asRelativePath(toVscodeUri(settingsUri))} already exists: this folder is a study already. Nothing was written.`,
    );
  }
  const detected = await detectStudy(fs, folder);
  const files = initialStudyFiles(detected);
  const codebookUri = joinUri(folder, NEW_CODEBOOK_FILE);
  const codebookWritten = (await fs.stat(codebookUri)) === undefined;
  // The codebook first: a study whose grounded.yaml names a codebook that is not there yet would report it missing.
  if (codebookWritten) await fs.writeFile(codebookUri, encodeUtf8(files.codebook));
  await fs.writeFile(settingsUri, encodeUtf8(files.settings));
  // A study inside the workspace: the views switch from "create a study" to the (empty) codebook.
  if (vscode.workspace.getWorkspaceFolder(folderUri)) await services.studies.reloadAll();
  return { folder, settings: settingsUri, codebook: codebookUri, codebookWritten, detected };
}

/** The only workspace folder, or the one the person picks. */
async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]?.uri;
  if (folders.length > 1)
    return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the study in which folder?' }))?.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Create Study Here',
    title: 'Folder of the new study',
  });
  return picked?.[0];
}

/** What the person sees after creating a study: what was found, and what to do next. */
export function createdMessage(created: CreatedStudy): string {
  const { detected } = created;
  const found =
    detected.transcripts.length === 0
      ? 'no .txt transcripts yet (add them to the folder)'
      : `${detected.transcripts.length} transcript(s) (${detected.transcriptGlob})`;
  const survey =
    detected.surveyFile !== undefined ? `, survey ${detected.surveyFile} joined on "${detected.idColumn ?? ''}"` : '';
  return `Created a Grounded study: ${found}${survey}. Wrote ${SETTINGS_FILE}${created.codebookWritten ? ` and an empty ${NEW_CODEBOOK_FILE}` : `; kept the existing ${NEW_CODEBOOK_FILE}`}.`;
}
