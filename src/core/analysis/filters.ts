import type { SurveyColumn, SurveyValue } from '../survey/index';
import type { ReportFilter } from './report-types';

/**
 * A cell as the user writes it on the command line: numbers as JavaScript prints them, yes-no cells as
 * their label in the file, Likert positions as their label. null stays null (missing matches nothing).
 */
export function cellLabel(column: SurveyColumn, value: SurveyValue): string | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return column.levels?.[value ? 1 : 0] ?? (value ? 'yes' : 'no');
  if (typeof value === 'number' && column.scale?.labels)
    return column.scale.labels[value - column.scale.min] ?? String(value);
  return String(value);
}

/**
 * Whether a row passes every filter. A filter matches the label exactly, or (for an ordinal column with
 * labels) its scale position, or (for yes-no) "true"/"false"; no case folding, like the survey itself.
 */
export function passesFilters(
  columns: ReadonlyMap<string, SurveyColumn>,
  values: Readonly<Record<string, SurveyValue>>,
  filters: readonly ReportFilter[],
): boolean {
  return filters.every((filter) => {
    const column = columns.get(filter.column);
    if (!column) return false;
    const value = values[filter.column] ?? null;
    if (value === null) return false;
    if (cellLabel(column, value) === filter.value) return true;
    if (typeof value === 'number') return String(value) === filter.value;
    if (typeof value === 'boolean') return String(value) === filter.value;
    return false;
  });
}

/** Parses "column=value" (the value may contain "="); undefined when there is no "=" or no column name. */
export function parseFilter(text: string): ReportFilter | undefined {
  const at = text.indexOf('=');
  if (at <= 0) return undefined;
  return { column: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
}
