import * as vscode from 'vscode';
import {
  basenameUri,
  CodebookEditError,
  codebookWithGuids,
  exportQdc,
  formatProblem,
  loadSurvey,
  type Problem,
  RefiExportError,
  type Study,
} from '../../core/index';
import { createReportComputer } from '../analysis-panel/report-worker/create-report-computer';
import type { GroundedServices } from '../services';
import { displayPath, UserError } from '../shared/errors';
import { exportTargetRefusal } from '../shared/export-target';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';
import type { ReportOutput } from '../shared/report-output';

export interface RefiExported {
  readonly file: vscode.Uri;
  /** What was left out or changed on the way, as the output channel lists it. */
  readonly lines: readonly string[];
}

/**
 * Export Study as REFI-QDA Project: asks where (suggesting `<study>.qdpx` in the study folder), refuses a
 * file of the study, then writes the archive through the file system port. The export itself stores a GUID
 * for every code that lacks one, through the editor-aware port, so an open codebook is changed in its editor.
 */
export async function exportProject(
  services: GroundedServices,
  study: Study,
  output: ReportOutput,
  origin: string,
): Promise<RefiExported | undefined> {
  const target = await chooseTarget(services, study, 'qdpx', { 'REFI-QDA project': ['qdpx'] });
  if (!target) return undefined;
  const fs = services.editorAwareFs;
  const survey = await loadSurvey(fs, study, services.surveys);
  if (survey && !survey.ok) throw surveyRefusal(survey.problems[0]);
  // The one write (GUIDs for codes without one) here; the archive — the XML of every coding and the zip of every
  // transcript, seconds of CPU for a large study — where the reports are built, off the extension host's thread.
  const codebook = await refused(() => codebookWithGuids(fs, study));
  const computer = createReportComputer(services);
  let outcome;
  try {
    outcome = await computer.refiProject(study, codebook, { origin });
  } finally {
    computer.dispose();
  }
  if (outcome.kind === 'survey-problem') throw surveyRefusal(outcome.problem);
  if (outcome.kind === 'refused')
    throw new UserError(`Grounded did not export: ${outcome.message}; nothing was written.`);
  const result = outcome.archive;
  await services.fs.writeFile(fromVscodeUri(target), result.bytes);
  const lines = [
    `Exported ${result.sources} transcript(s), ${result.codings} coding(s), ${study.codebook.codes.length} code(s) to ${displayPath(fromVscodeUri(target))}`,
    ...unloadedFiles(study),
    ...(survey?.warnings ?? []).map((problem) => `  warning: ${formatProblem(problem, displayPath)}`),
    ...result.skipped.map((skipped) => `  left out ${skipped}`),
    ...result.warnings.map((warning) => `  warning: ${warning}`),
  ];
  output.report(lines, lines.length > 1);
  return { file: target, lines };
}

function surveyRefusal(first: Problem | undefined): UserError {
  return new UserError(
    `Grounded did not export the study: the survey does not load${first ? ` (${formatProblem(first, displayPath)})` : ''}, and an export without its cases would look complete and not be. Fix it and export again.`,
    first,
  );
}

/** Export Codebook as REFI-QDA: the code tree alone as a `.qdc`, the same way. */
export async function exportCodebook(
  services: GroundedServices,
  study: Study,
  output: ReportOutput,
  origin: string,
): Promise<RefiExported | undefined> {
  const target = await chooseTarget(services, study, 'qdc', { 'REFI-QDA codebook': ['qdc'] });
  if (!target) return undefined;
  const result = await refused(() => exportQdc(services.editorAwareFs, study, { origin }));
  await services.fs.writeFile(fromVscodeUri(target), new TextEncoder().encode(result.xml));
  const lines = [
    `Exported ${result.codes} code(s) to ${displayPath(fromVscodeUri(target))}`,
    ...result.warnings.map((warning) => `  warning: ${warning}`),
  ];
  output.report(lines, lines.length > 1);
  return { file: target, lines };
}

async function chooseTarget(
  services: GroundedServices,
  study: Study,
  extension: string,
  filters: Record<string, string[]>,
): Promise<vscode.Uri | undefined> {
  const name = `${basenameUri(study.root) || 'study'}.${extension}`;
  // Read at call time, not captured: the integration test answers the (native) dialog by replacing it.
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(toVscodeUri(study.root), name),
    filters,
    title: extension === 'qdpx' ? 'Export the study as a REFI-QDA project' : 'Export the codebook as REFI-QDA',
  });
  if (!target) return undefined;
  // Checked before the export stores GUIDs, so a refused target leaves the study untouched.
  const refusal = await exportTargetRefusal(services.fs, study, fromVscodeUri(target));
  if (refusal !== undefined)
    throw new UserError(`Grounded did not export to ${displayPath(fromVscodeUri(target))}: ${refusal}.`);
  return target;
}

/** Files of the study that do not load: what they hold is missing from the export, which must say so. */
function unloadedFiles(study: Study): string[] {
  const files = [...new Set(study.problems.filter((p) => p.severity === 'error').map((p) => p.uri))];
  return files.length === 0
    ? []
    : [
        `  warning: left out what ${files.length} file(s) hold, as they do not load: ${files.map(displayPath).join(', ')}`,
      ];
}

/** A study that cannot be exported as it is (no codes, a codebook that does not load, a broken GUID). */
async function refused<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RefiExportError || error instanceof CodebookEditError)
      throw new UserError(`Grounded did not export: ${error.message}; nothing was written.`);
    throw error;
  }
}
