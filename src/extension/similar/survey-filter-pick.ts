import * as vscode from 'vscode';
import { cellLabel, loadSurvey, type MergedSurvey, type Study } from '../../core/index';
import type { GroundedServices } from '../services';
import { UserError } from '../shared/errors';
import { filterableColumns, levelsOf, rowPasses, type AttributeFilter } from '../views/retrieve/survey-filter';

/** The study's survey, or a refusal saying why there is none to filter by. */
export async function surveyOf(services: GroundedServices, study: Study): Promise<MergedSurvey> {
  const loaded = await loadSurvey(services.fs, study, services.surveys);
  if (!loaded) throw new UserError('This study has no survey: set survey.files in grounded.yaml.');
  if (!loaded.ok)
    throw new UserError(`The survey does not load: ${loaded.problems[0]?.message ?? 'see the Problems panel'}.`);
  return loaded.value;
}

/** The participants the filters keep, as the Retrieve view filters; undefined without filters. */
export async function participantsFor(
  services: GroundedServices,
  study: Study,
  filters: readonly AttributeFilter[],
): Promise<Set<string> | undefined> {
  if (filters.length === 0) return undefined;
  const survey = await surveyOf(services, study);
  return new Set(survey.rows.filter((row) => rowPasses(survey, row, filters)).map((row) => row.id));
}

/**
 * Asks for one survey condition the way the Retrieve view does (a column with few labelled answers, then the
 * answers to keep; none ticked removes the column's condition). Undefined: cancelled.
 */
export async function pickSurveyFilter(
  services: GroundedServices,
  study: Study,
  current: readonly AttributeFilter[],
): Promise<AttributeFilter[] | undefined> {
  const survey = await surveyOf(services, study);
  const columns = filterableColumns(survey);
  if (columns.length === 0) throw new UserError('The survey has no column with a few labelled answers to filter by.');
  const column = await vscode.window.showQuickPick(
    columns.map((c) => ({ label: c.name, description: `${c.type} · ${levelsOf(survey, c).length} values`, column: c })),
    { title: 'Find similar passages of participants with which survey answer?', matchOnDescription: true },
  );
  if (!column) return undefined;
  const counts = new Map<string, number>();
  for (const row of survey.rows) {
    const label = cellLabel(column.column, row.values[column.column.name] ?? null);
    if (label !== null) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const before = current.find((f) => f.column === column.column.name)?.values ?? [];
  const values = await vscode.window.showQuickPick(
    levelsOf(survey, column.column).map((label) => ({
      label,
      description: `${counts.get(label) ?? 0} participants`,
      picked: before.includes(label),
    })),
    { title: `${column.column.name}: keep participants whose answer is…`, canPickMany: true },
  );
  if (!values) return undefined;
  const others = current.filter((f) => f.column !== column.column.name);
  return values.length > 0 ? [...others, { column: column.column.name, values: values.map((v) => v.label) }] : others;
}
