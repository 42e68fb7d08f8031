import * as vscode from 'vscode';
import {
  editCodebook,
  mergeRefiCodebook,
  readQdc,
  RefiImportError,
  StudyFolderNotEmptyError,
  type CodebookMerge,
  type ImportSummary,
  type Study,
  writeNewStudy,
} from '../../core/index';
import type { GroundedServices } from '../services';
import { displayPath, UserError } from '../shared/errors';
import { reloadFresh } from '../shared/fresh-reload';
import { fromVscodeUri } from '../platform/workspace-file-system';
import type { ReportOutput } from '../shared/report-output';
import { codebookMergeReport, importHeadline, importReport } from './refi-report';
import type { ImportConversions } from '../conversion-worker/import-conversions';

export interface ImportedProject {
  /** The name of the imported .qdpx. */
  readonly file: string;
  readonly folder: vscode.Uri;
  readonly summary: ImportSummary;
}

/**
 * Import REFI-QDA Project: asks for the .qdpx, then for the folder of the new study (empty or new; a folder
 * with files is refused, nothing written), reads and checks the whole package first, writes the study through
 * the file system port and lists in the output channel what was imported and what could not be.
 */
export async function importProject(
  services: GroundedServices,
  output: ReportOutput,
  conversions: ImportConversions,
): Promise<ImportedProject | undefined> {
  // The dialogs are read at call time, not captured: the integration test answers them by replacing them.
  const [file] =
    (await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: false,
      filters: { 'REFI-QDA project': ['qdpx'] },
      openLabel: 'Import',
      title: 'Import a REFI-QDA project (MAXQDA, NVivo, ATLAS.ti, QualCoder)',
    })) ?? [];
  if (!file) return undefined;
  const [folder] =
    (await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: 'Create the Study Here',
      title: 'An empty folder for the new study',
    })) ?? [];
  if (!folder) return undefined;
  const shown = basename(file);
  const bytes = await readInput(services, file);
  // Unzipping and parsing a big project takes seconds: in a worker, off the extension host's thread.
  const planning = await conversions.run((converter) => converter.project(shown, bytes));
  if (!planning.ok)
    throw new UserError(`Grounded did not import: ${planning.message}${planning.hint ? ` (${planning.hint})` : ''}`);
  const plan = planning.plan;
  const folderUri = fromVscodeUri(folder);
  try {
    await writeNewStudy(services.fs, folderUri, plan.files);
  } catch (error) {
    if (error instanceof StudyFolderNotEmptyError)
      throw new UserError(
        `Grounded did not import ${shown}: ${folder.fsPath || displayPath(folderUri)} ${error.reason === 'a-file' ? 'is a file, not a folder' : 'is not empty'}. An import creates a new study and never mixes it into existing files: choose a new or empty folder. Nothing was written.`,
      );
    throw error;
  }
  const lines = importReport(shown, folder.fsPath || displayPath(folderUri), plan.summary);
  output.report(lines, true);
  return { file: shown, folder, summary: plan.summary };
}

/** The notification after an import: what came in, and whether there is more to read in the output. */
export function importedMessage(imported: ImportedProject): string {
  return `Imported ${imported.file} as a new study: ${importHeadline(imported.summary)}.`;
}

/**
 * Import Codebook: adds a .qdc's codes to the study's codebook by GUID or name (existing codes untouched, the
 * others added under their parents) through the editor-aware port, then lists what was added and skipped.
 */
export async function importCodebook(
  services: GroundedServices,
  study: Study,
  output: ReportOutput,
): Promise<CodebookMerge | undefined> {
  const [file] =
    (await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: false,
      filters: { 'REFI-QDA codebook': ['qdc'] },
      openLabel: 'Import',
      title: `Add a REFI-QDA codebook's codes to ${displayPath(study.codebookUri)}`,
    })) ?? [];
  if (!file) return undefined;
  const shown = basename(file);
  const bytes = await readInput(services, file);
  const read = refusal(() => readQdc(bytes, shown));
  if (!study.codebookLoaded)
    throw new UserError(
      `Grounded did not import ${shown}: ${displayPath(study.codebookUri)} does not load. Fix it first (see the Problems view).`,
    );
  let merge: CodebookMerge | undefined;
  await editCodebook(services.editorAwareFs, study.codebookUri, (current) => {
    merge = mergeRefiCodebook(current, read.codes);
    return merge.codebook;
  });
  const done = merge as CodebookMerge;
  const added = new Set(done.added.map((code) => code.id));
  await reloadFresh(services.studies, study.root, (loaded) =>
    [...added].every((id) => loaded.codebook.codes.some((code) => code.id === id)),
  );
  output.report(codebookMergeReport(shown, displayPath(study.codebookUri), done, read.skipped), true);
  return done;
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

async function readInput(services: GroundedServices, file: vscode.Uri): Promise<Uint8Array> {
  try {
    return await services.fs.readFile(fromVscodeUri(file));
  } catch {
    throw new UserError(`Grounded cannot read ${file.fsPath || file.toString()}.`);
  }
}

/** A package or codebook that cannot be imported: its reason and what to do; nothing was written. */
function refusal<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof RefiImportError)
      throw new UserError(`Grounded did not import: ${error.message}${error.hint ? ` (${error.hint})` : ''}`);
    throw error;
  }
}
