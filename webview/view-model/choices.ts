import type { StudyReport } from '../../src/core/analysis/report-types';

export interface ColumnChoice {
  name: string;
  /** Values a filter can match (labels as the survey writes them). */
  values: string[];
}

/** Columns the report can group by: categorical, yes-no and ordinal (the core's GROUPING_TYPES). */
export function groupingChoices(report: StudyReport): string[] {
  return report.variables
    .filter((v) => v.kind === 'categorical' || (v.kind === 'numeric' && v.type === 'ordinal'))
    .map((v) => v.name);
}

/** Columns with a known set of values to filter on, and those values (empty levels included). */
export function filterChoices(report: StudyReport): ColumnChoice[] {
  const choices: ColumnChoice[] = [];
  for (const v of report.variables) {
    if (v.kind === 'categorical') choices.push({ name: v.name, values: v.levels.map((l) => l.level) });
    else if (v.kind === 'numeric' && v.levels && v.levels.length > 0)
      choices.push({ name: v.name, values: v.levels.map((l) => l.level) });
  }
  return choices;
}

/** Numeric and ordinal variables that the Codes section can compare by code presence. */
export function codeComparisonVariables(report: StudyReport): string[] {
  return [...new Set(report.codeComparisons.map((c) => c.variable))];
}
