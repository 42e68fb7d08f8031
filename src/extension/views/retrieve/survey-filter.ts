import {
  cellLabel,
  columnLevels,
  GROUPING_TYPES,
  type MergedRow,
  type MergedSurvey,
  type SurveyColumn,
} from '../../../core/index';

/** One condition of the Retrieve filter: the column's label is one of `values` (e.g. role ∈ {resident, chief}). */
export interface AttributeFilter {
  readonly column: string;
  readonly values: readonly string[];
}

/** Columns worth filtering quotes by: labelled ones with few levels (numbers would need cut points). */
export function filterableColumns(survey: MergedSurvey): SurveyColumn[] {
  return survey.columns.filter(
    (column) =>
      GROUPING_TYPES.includes(column.type) || (column.type === 'text' && distinctLabels(survey, column).length <= 20),
  );
}

/** The labels a column's cells take, in the column's natural order (as written, as the survey keeps them). */
export function levelsOf(survey: MergedSurvey, column: SurveyColumn): string[] {
  const levels = columnLevels(column);
  return levels.length > 0 ? levels : distinctLabels(survey, column);
}

function distinctLabels(survey: MergedSurvey, column: SurveyColumn): string[] {
  const labels = new Set<string>();
  for (const row of survey.rows) {
    const label = cellLabel(column, row.values[column.name] ?? null);
    if (label !== null) labels.add(label);
  }
  return [...labels].sort();
}

/** Whether a participant's row passes every filter; a missing row or a missing cell passes none. */
export function rowPasses(
  survey: MergedSurvey,
  row: MergedRow | undefined,
  filters: readonly AttributeFilter[],
): boolean {
  if (filters.length === 0) return true;
  if (!row) return false;
  return filters.every((filter) => {
    const column = survey.columns.find((c) => c.name === filter.column);
    if (!column) return false;
    const label = cellLabel(column, row.values[column.name] ?? null);
    return label !== null && filter.values.includes(label);
  });
}

/** "gender = female · role ∈ {resident, chief}" */
export function describeFilters(filters: readonly AttributeFilter[]): string {
  return filters
    .map((f) => (f.values.length === 1 ? `${f.column} = ${f.values[0]}` : `${f.column} ∈ {${f.values.join(', ')}}`))
    .join(' · ');
}

/** The row's labels for the filtered columns, shown beside each participant ("female, resident"). */
export function attributeLabels(
  survey: MergedSurvey,
  row: MergedRow | undefined,
  columns: readonly string[],
): string[] {
  if (!row) return [];
  return columns.flatMap((name) => {
    const column = survey.columns.find((c) => c.name === name);
    const label = column ? cellLabel(column, row.values[name] ?? null) : null;
    return label === null ? [] : [label];
  });
}
