import * as vscode from 'vscode';
import type { Feature } from '../services';
import { bindCommands, commandArgs } from '../shared/register-command';
import { whichStudy } from '../shared/which-study';
import { REFI_QDA_COMMANDS } from './commands';
import { exportCodebook, exportProject } from './refi-export';
import { importCodebook, importedMessage, importProject } from './refi-import';
import { ReportOutput } from '../shared/report-output';
import { ImportConversions } from '../conversion-worker/import-conversions';

/** Opens a folder as the workspace: vscode.openFolder, replaced by the integration tests (a reload ends them). */
export type FolderOpener = (folder: vscode.Uri, newWindow: boolean) => Promise<void>;

/** What the integration tests reach through services.testHooks.refiQda. */
export interface RefiQdaHooks {
  openFolder: FolderOpener;
  readonly output: ReportOutput;
  /** Where the last Import REFI-QDA Project read its package: 'worker', or 'in-process (<reason>)'. */
  readonly convertedIn: () => string | undefined;
}

const OPEN_HERE = 'Open Study';
const OPEN_NEW_WINDOW = 'Open in New Window';

/**
 * REFI-QDA in the editor: export the study (.qdpx) or the codebook (.qdc) for MAXQDA, NVivo, ATLAS.ti and
 * QualCoder; import a project as a new study (then open it) or a codebook into the current study. Everything
 * goes through the file system ports, so the web entry works the same; reports go to one output channel.
 */
export const refiQdaFeature: Feature = (services) => {
  const { context } = services;
  const output = new ReportOutput('Grounded REFI-QDA');
  const hooks: RefiQdaHooks = {
    openFolder: async (folder, newWindow) => {
      await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: newWindow });
    },
    output,
    convertedIn: () => conversions.place,
  };
  const conversions = new ImportConversions(services, output);
  const origin = () => `Grounded ${String((context.extension.packageJSON as { version?: string }).version ?? '')}`;
  const study = (arg?: unknown) => whichStudy(services.studies, commandArgs(arg).study());
  const exported = (file: vscode.Uri | undefined, what: string) => {
    if (file)
      void vscode.window.showInformationMessage(`Grounded exported ${what} to ${file.fsPath || file.toString()}.`);
    return file;
  };

  bindCommands(context, REFI_QDA_COMMANDS, {
    exportProject: async (arg?: unknown) => {
      const target = await study(arg);
      if (!target) return undefined;
      return exported((await exportProject(services, target, output, origin()))?.file, 'the study');
    },
    exportCodebook: async (arg?: unknown) => {
      const target = await study(arg);
      if (!target) return undefined;
      return exported((await exportCodebook(services, target, output, origin()))?.file, 'the codebook');
    },
    importProject: async () => {
      const imported = await importProject(services, output, conversions);
      if (!imported) return undefined;
      // Asked, not done: opening replaces this window (and its output channel) unless a new one is chosen.
      const answer = await vscode.window.showInformationMessage(importedMessage(imported), OPEN_HERE, OPEN_NEW_WINDOW);
      if (answer === OPEN_HERE || answer === OPEN_NEW_WINDOW)
        await hooks.openFolder(imported.folder, answer === OPEN_NEW_WINDOW);
      return imported.folder;
    },
    importCodebook: async (arg?: unknown) => {
      const target = await study(arg);
      if (!target) return undefined;
      const merge = await importCodebook(services, target, output);
      if (merge)
        void vscode.window.showInformationMessage(
          `Grounded added ${merge.added.length} code(s) to the codebook and skipped ${merge.skipped.length} it already has (listed in the output).`,
        );
      return merge;
    },
  });
  context.subscriptions.push(output);
  services.testHooks = { ...services.testHooks, refiQda: hooks };
};
