import { describeCategorical, describeNumeric } from '../stats/index';
import type { SurveyColumn } from '../survey/index';
import { compareCategorical, compareCategoricalColumns, compareNumeric, compareNumericColumns } from './compare-groups';
import { columnLevels, labelOf } from './levels';
import type { GroupComparison, VariableSummary } from './report-types';
import type { ParticipantRecord } from './study-data';

/** Participants a survey figure is about: those with a survey row (a missing row is not a missing answer). */
export function surveyed(records: readonly ParticipantRecord[]): ParticipantRecord[] {
  return records.filter((r) => r.surveyed);
}

function numberOf(record: ParticipantRecord, column: SurveyColumn): number | null {
  const value = record.values[column.name];
  return typeof value === 'number' ? value : null;
}

/**
 * Descriptives of one survey column: numeric and ordinal → mean, SD, median, IQR, range and the t-based CI
 * of the mean (ordinal also the distribution over its scale points); categorical and yes-no → counts and
 * percentages with Wilson CIs; text and dates → answered and distinct counts only.
 */
export function describeVariable(column: SurveyColumn, records: readonly ParticipantRecord[]): VariableSummary {
  return describeSurveyed(column, surveyed(records));
}

/**
 * describeVariable of each column, the surveyed participants picked once rather than once per column (30 columns
 * × 5,000 records in a big study). Results in the order of `columns`.
 */
export function describeVariables(
  columns: readonly SurveyColumn[],
  records: readonly ParticipantRecord[],
): VariableSummary[] {
  const rows = surveyed(records);
  return columns.map((column) => describeSurveyed(column, rows));
}

/** describeVariable over the surveyed participants `rows`. */
function describeSurveyed(column: SurveyColumn, rows: readonly ParticipantRecord[]): VariableSummary {
  if (column.type === 'numeric' || column.type === 'ordinal') {
    const summary = describeNumeric(rows.map((r) => numberOf(r, column)));
    const result: VariableSummary = { kind: 'numeric', name: column.name, type: column.type, ...summary };
    if (column.type === 'ordinal' && column.scale) {
      result.scale = {
        min: column.scale.min,
        max: column.scale.max,
        ...(column.scale.labels ? { labels: [...column.scale.labels] } : {}),
      };
      result.levels = describeCategorical(
        rows.map((r) => labelOf(column, r.values)),
        columnLevels(column),
      ).levels;
    }
    return result;
  }
  if (column.type === 'categorical' || column.type === 'yes-no') {
    const summary = describeCategorical(
      rows.map((r) => labelOf(column, r.values)),
      columnLevels(column),
    );
    return { kind: 'categorical', name: column.name, type: column.type, ...summary };
  }
  const answers = rows.map((r) => r.values[column.name] ?? null).filter((v) => v !== null);
  return {
    kind: 'other',
    name: column.name,
    type: column.type,
    n: answers.length,
    missing: rows.length - answers.length,
    distinct: new Set(answers.map(String)).size,
  };
}

/**
 * compareVariable of each column (those it compares), the records labelled by `by` once rather than once
 * per column: a report compares every column of a survey (30 columns × 5,000 rows in a big study) by the
 * same groups. Results in the order of `columns`.
 */
export function compareVariables(
  columns: readonly SurveyColumn[],
  by: SurveyColumn,
  records: readonly ParticipantRecord[],
): GroupComparison[] {
  const rows = surveyed(records);
  const levels = columnLevels(by);
  const groups = rows.map((r) => labelOf(by, r.values));
  const comparisons: GroupComparison[] = [];
  for (const column of columns) {
    if (column.name === by.name) continue;
    if (column.type === 'numeric' || column.type === 'ordinal') {
      const values = rows.map((r) => numberOf(r, column));
      comparisons.push(compareNumericColumns(column.name, column.type, by.name, levels, groups, values));
    } else if (column.type === 'categorical' || column.type === 'yes-no') {
      const values = rows.map((r) => labelOf(column, r.values));
      comparisons.push(
        compareCategoricalColumns(column.name, column.type, by.name, levels, outcomesOf(column), groups, values),
      );
    }
  }
  return comparisons;
}

/** Yes-no outcomes put "yes" first so a 2 × 2 odds ratio reads as the odds of yes. */
function outcomesOf(column: SurveyColumn): string[] {
  return column.type === 'yes-no' ? [...columnLevels(column)].reverse() : columnLevels(column);
}

/**
 * A survey column compared across the levels of `by`. Numeric and ordinal columns get the numeric
 * comparison (ordinal: rank tests are the right reading of Likert items, the means are shown beside them);
 * categorical and yes-no the contingency table. Text, dates and the grouping column itself: undefined.
 */
export function compareVariable(
  column: SurveyColumn,
  by: SurveyColumn,
  records: readonly ParticipantRecord[],
): GroupComparison | undefined {
  if (column.name === by.name) return undefined;
  const rows = surveyed(records);
  const levels = columnLevels(by);
  if (column.type === 'numeric' || column.type === 'ordinal') {
    return compareNumeric(
      column.name,
      column.type,
      by.name,
      levels,
      rows.map((r) => ({ group: labelOf(by, r.values), value: numberOf(r, column) })),
    );
  }
  if (column.type === 'categorical' || column.type === 'yes-no') {
    return compareCategorical(
      column.name,
      column.type,
      by.name,
      levels,
      outcomesOf(column),
      rows.map((r) => ({ group: labelOf(by, r.values), value: labelOf(column, r.values) })),
    );
  }
  return undefined;
}
