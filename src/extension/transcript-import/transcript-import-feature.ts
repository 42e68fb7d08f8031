import * as vscode from 'vscode';
import type { Feature } from '../services';
import { displayPath } from '../shared/errors';
import { bindCommands, commandArgs } from '../shared/register-command';
import { ReportOutput } from '../shared/report-output';
import { ImportConversions } from '../conversion-worker/import-conversions';
import { whichStudy } from '../shared/which-study';
import { TRANSCRIPT_IMPORT_COMMANDS } from './commands';
import { importTranscriptFiles, openTranscript, type ImportedTranscripts } from './import-transcripts';
import { importMessages, importReport } from './import-summary';

/** What the integration tests reach through services.testHooks.transcriptImport. */
export interface TranscriptImportHooks {
  readonly output: ReportOutput;
  /** Where the last import converted its files: 'worker', or 'in-process (<reason>)'. */
  readonly convertedIn: () => string | undefined;
}

/**
 * Import Transcripts: Word documents, Zoom/Teams captions, SRT subtitles, Otter exports and text files become
 * transcripts of the study, through the file system ports (so the web entry works the same). Each run lists
 * per file in the "Grounded Import" output what was written and left out, or why a file was refused; the
 * refusals are also shown as one error naming each file, and the first new transcript opens.
 */
export const transcriptImportFeature: Feature = (services) => {
  const { context } = services;
  const output = new ReportOutput('Grounded Import');
  const conversions = new ImportConversions(services, output);

  bindCommands(context, TRANSCRIPT_IMPORT_COMMANDS, {
    importTranscripts: async (arg?: unknown): Promise<ImportedTranscripts | undefined> => {
      const study = await whichStudy(services.studies, commandArgs(arg).study());
      if (!study) return undefined;
      const imported = await importTranscriptFiles(services, study, conversions);
      if (!imported) return undefined;
      const folder = displayPath(imported.folder);
      const { results } = imported;
      const anyDropped = results.some((result) => result.status === 'written' && result.conversion.dropped.length > 0);
      output.report(importReport(folder, results, displayPath), anyDropped);
      const first = results.find((result) => result.status === 'written');
      if (first?.status === 'written') await openTranscript(first.uri);
      const { done, refused } = importMessages(folder, results);
      if (refused) void vscode.window.showErrorMessage(refused, 'Show Output').then((a) => a && output.show());
      else if (done) void vscode.window.showInformationMessage(done);
      return imported;
    },
  });
  context.subscriptions.push(output);
  services.testHooks = {
    ...services.testHooks,
    transcriptImport: { output, convertedIn: () => conversions.place } satisfies TranscriptImportHooks,
  };
};
