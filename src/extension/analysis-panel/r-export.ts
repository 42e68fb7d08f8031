import * as vscode from 'vscode';
import {
  basenameUri,
  formatProblem,
  GROUPING_TYPES,
  joinUri,
  loadSurvey,
  type MergedSurvey,
  type Problem,
  type Study,
} from '../../core/index';
import type { ReportRequestState } from '../../../webview/protocol';
import type { GroundedServices } from '../services';
import { displayPath, UserError } from '../shared/errors';
import { exportTargetRefusal } from '../shared/export-target';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';
import type { ChooseSaveUri } from './exports';
import { createReportComputer } from './report-worker/create-report-computer';
import type { ReportComputer } from './report-worker/report-computer';

/** Where to write the package: the save dialog names the folder (created when missing). */
export const askPackageFolder: ChooseSaveUri = (suggested) =>
  // Read at call time, not captured: the integration test answers the (native) dialog by replacing it.
  Promise.resolve(
    vscode.window.showSaveDialog({
      defaultUri: suggested,
      title: 'Export for R: the folder to write the data, grounded-report.json and analysis.R into',
      saveLabel: 'Export for R',
    }),
  );

async function survey(services: GroundedServices, study: Study): Promise<MergedSurvey | undefined> {
  const loaded = await loadSurvey(services.fs, study, services.surveys);
  if (loaded && !loaded.ok) throw surveyRefusal(loaded.problems[0]);
  return loaded?.value;
}

function surveyRefusal(first: Problem | undefined): UserError {
  return new UserError(
    `Grounded did not export for R: the survey does not load${first ? ` (${formatProblem(first, displayPath)})` : ''}. Fix it and export again.`,
    first,
  );
}

/**
 * Export for R (the panel's button and the command): the same package as `grounded export r` for the given
 * request and the study as displayed (blind coding applied), written through the file system port (so the web
 * entry works) into the folder the person names. The package is built where the panel's reports are (its
 * worker, or one started for the export): at XL it is the whole report and its data, seconds of work the
 * extension host's thread must not do. Every file is checked before any is written: a package never replaces
 * a study file.
 */
export async function exportForR(
  services: GroundedServices,
  study: Study,
  request: ReportRequestState,
  choose: ChooseSaveUri = askPackageFolder,
  computer?: ReportComputer,
): Promise<vscode.Uri | undefined> {
  const own = computer ? undefined : createReportComputer(services);
  let outcome;
  try {
    outcome = await (computer ?? own!).rPackage(study, services.blind.visible, request);
  } finally {
    own?.dispose();
  }
  if (outcome.kind === 'survey-problem') throw surveyRefusal(outcome.problem);
  if (outcome.kind === 'request-error')
    throw new UserError(`Grounded did not export for R: ${outcome.messages.join('; ')}.`);
  const pack = outcome;
  const name = `${basenameUri(study.root) || 'study'}-r`;
  const folder = await choose(vscode.Uri.joinPath(toVscodeUri(study.root), name), {});
  if (!folder) return undefined;
  const root = fromVscodeUri(folder);
  const targets = pack.files.map((file) => ({ uri: joinUri(root, file.path), bytes: file.bytes }));
  for (const target of targets) {
    const refusal = await exportTargetRefusal(services.fs, study, target.uri);
    if (refusal !== undefined)
      throw new UserError(
        `Grounded did not export for R to ${displayPath(root)} (${displayPath(target.uri)}): ${refusal}.`,
      );
  }
  for (const target of targets) await services.fs.writeFile(target.uri, target.bytes);
  return folder;
}

/** The grouping column for the command when no analysis panel is open: asked with a quick pick. */
export async function askGrouping(services: GroundedServices, study: Study): Promise<string | null | undefined> {
  const columns = (await survey(services, study))?.columns.filter((c) => GROUPING_TYPES.includes(c.type)) ?? [];
  if (columns.length === 0) return null;
  const none = { label: 'No grouping', description: 'descriptives, codes and co-occurrence only', by: null };
  const picked = await vscode.window.showQuickPick(
    [none, ...columns.map((c) => ({ label: c.name, description: c.type, by: c.name as string | null }))],
    { title: 'Export for R: compare groups of which survey column?', placeHolder: 'Group by' },
  );
  return picked ? picked.by : undefined;
}

export function exportedForRMessage(folder: vscode.Uri): string {
  return `Grounded exported the R package to ${displayPath(fromVscodeUri(folder))}: run "Rscript analysis.R" there to recompute every figure.`;
}
