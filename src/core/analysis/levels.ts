import type { SurveyColumn } from '../survey/index';
import { cellLabel } from './filters';

/** Column types a report can group by: few labelled levels. Numeric columns would need cut points. */
export const GROUPING_TYPES: readonly SurveyColumn['type'][] = ['categorical', 'yes-no', 'ordinal'];

/**
 * Every level of a labelled column in its natural order, empty ones included: categorical levels as
 * sorted by the survey module, yes-no as [false label, true label], ordinal scale points low to high.
 */
export function columnLevels(column: SurveyColumn): string[] {
  if (column.type === 'categorical') return [...(column.levels ?? [])];
  if (column.type === 'yes-no') return [...(column.levels ?? ['no', 'yes'])];
  if (column.type === 'ordinal' && column.scale) {
    const points: string[] = [];
    for (let value = column.scale.min; value <= column.scale.max; value++)
      points.push(cellLabel(column, value) as string);
    return points;
  }
  return [];
}

/** A record's label in a labelled column (null when missing), in the same spelling as `columnLevels`. */
export function labelOf(column: SurveyColumn, values: Readonly<Record<string, unknown>>): string | null {
  const value = values[column.name];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return null;
  return cellLabel(column, value);
}

/**
 * The groups of a comparison by `column`: every level of the column in its natural order (empty ones
 * included), then labels met among `records` that the column does not list (an ordinal scale point
 * outside its labels), in the order met. Records with no answer in the column are in no group.
 */
export function groupLevels(
  column: SurveyColumn,
  records: readonly { readonly values: Readonly<Record<string, unknown>> }[],
): string[] {
  const levels = columnLevels(column);
  const known = new Set(levels);
  for (const record of records) {
    const label = labelOf(column, record.values);
    if (label === null || known.has(label)) continue;
    known.add(label);
    levels.push(label);
  }
  return levels;
}
