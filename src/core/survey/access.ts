import type { SurveyColumn, SurveyData, SurveyRow, SurveyValue } from './types';

/** The column called `name`, if any. */
export function findColumn(survey: SurveyData, name: string): SurveyColumn | undefined {
  return survey.columns.find((column) => column.name === name);
}

/** Participant ids in row order: the index every `columnValues` array is aligned to. */
export function participantIds(survey: SurveyData): string[] {
  return survey.rows.map((row) => row.id);
}

/** One column's values in row order (aligned with `participantIds`). Throws for an unknown column: a caller bug. */
export function columnValues(survey: SurveyData, name: string): SurveyValue[] {
  if (!findColumn(survey, name)) throw new RangeError(`no survey column "${name}"`);
  return survey.rows.map((row) => row.values[name] ?? null);
}

/** Rows by participant id. */
export function rowsById<R extends SurveyRow>(survey: SurveyData<R>): Map<string, R> {
  return new Map(survey.rows.map((row) => [row.id, row]));
}

/**
 * A numeric or ordinal column's values in row order, for statistics. Throws for another type: averaging
 * labels or dates is a caller bug, not something to coerce.
 */
export function numericValues(survey: SurveyData, name: string): (number | null)[] {
  const column = findColumn(survey, name);
  if (!column) throw new RangeError(`no survey column "${name}"`);
  if (column.type !== 'numeric' && column.type !== 'ordinal')
    throw new TypeError(`survey column "${name}" is ${column.type}, not numeric or ordinal`);
  return survey.rows.map((row) => {
    const value = row.values[name];
    return typeof value === 'number' ? value : null;
  });
}
