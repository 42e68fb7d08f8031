import { problem, type Loaded, type Problem } from '../problems';
import { namedRecordMaker } from './named-record';
import { numberKind, observedRange, sortedLevels, stringKind } from './column-type';
import type { MergedRow, MergedSurvey, OrdinalScale, RowSource, SurveyColumn, SurveyTable, SurveyValue } from './types';

/**
 * Tables parseSurvey made: their column names are distinct, their participant ids too, and each row's values
 * object has every column as an own property (null when missing) in the order of the columns. With each
 * column's count of rows whose value is not null, counted as the values were set.
 */
const parsedTables = new WeakMap<SurveyTable, readonly number[]>();

/** Marks a table as parseSurvey makes them (see parsedTables), with each column's count of answers. */
export function markParsedTable(table: SurveyTable, answered: readonly number[]): void {
  parsedTables.set(table, answered);
}

/** Merged surveys whose every row's values object has exactly the survey's columns, in their order, none undefined. */
const completeSurveys = new WeakSet<MergedSurvey>();

/**
 * Whether each row's values of this survey (as mergeSurveys made it) has exactly its columns as own
 * properties, in their order, none undefined: then a copy of the values column by column is the same values,
 * and a reader may take the row's own object.
 */
export function rowsHoldEveryColumn(survey: MergedSurvey): boolean {
  return completeSurveys.has(survey);
}

/**
 * Joins survey files on participant id (already trimmed; case-sensitive). Columns keep their first
 * position (file order, then column order); rows their first appearance. A participant absent from a file
 * gets null for that file's columns, counted as missing.
 *
 * Inference sees one file at a time, so a column can come out categorical in one file and text in another,
 * or ordinal (integers 0–10) in one and numeric in another; such a column is typed again over the merged
 * answers with the same rules.
 *
 * Errors (the merge fails): the same column typed otherwise differently in two files, ordinal label scales
 * that differ, and a participant with two different non-missing values for one column. A missing value beside
 * a value is no conflict: the value is kept. Problems point at the later row (or at line 1 for a column).
 */
export function mergeSurveys(tables: readonly SurveyTable[]): Loaded<MergedSurvey> {
  const only = tables[0];
  const answered = only && parsedTables.get(only);
  const merged = tables.length === 1 && only && answered ? mergeOne(only, answered) : mergeTables(tables);
  if (merged.ok) completeSurveys.add(merged.value);
  return merged;
}

/**
 * mergeSurveys of one table parseSurvey made: nothing to join or type again, and no value can conflict with
 * another (its ids are distinct), so each row keeps its values object (which already has every column in
 * order) instead of going through a list by position and a new object (5,000 rows × 30 columns).
 */
function mergeOne(table: SurveyTable, answered: readonly number[]): Loaded<MergedSurvey> {
  const rows = table.rows;
  const mergedRows: MergedRow[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as SurveyTable['rows'][number];
    const from = { uri: table.uri, line: row.line };
    mergedRows.push({ id: row.id, uri: table.uri, line: row.line, sources: [from], values: row.values });
  }
  const columns = table.columns.map((column, c): SurveyColumn => ({
    ...column,
    missing: rows.length - (answered[c] as number),
    invalid: column.invalid,
  }));
  return {
    ok: true,
    value: { uris: [table.uri], idColumn: table.idColumn, columns, rows: mergedRows },
    warnings: [],
  };
}

/** mergeSurveys of any tables, by the rules above. */
export function mergeTables(tables: readonly SurveyTable[]): Loaded<MergedSurvey> {
  const problems: Problem[] = [];
  const columns = new Map<string, SurveyColumn>();
  const retype = new Set<string>();
  for (const table of tables) {
    for (const column of table.columns) {
      const known = columns.get(column.name);
      if (!known) {
        columns.set(column.name, column);
        continue;
      }
      if (sameKind(known, column)) {
        retype.add(column.name);
        continue;
      }
      const merged = mergeColumn(known, column);
      if (typeof merged === 'string') {
        problems.push(
          problem(
            table.uri,
            1,
            1,
            'survey-column-conflict',
            `column "${column.name}" ${merged}`,
            `declare one type for "${column.name}" in survey.types of grounded.yaml, or rename the column in one file`,
          ),
        );
      } else {
        columns.set(column.name, merged);
      }
    }
  }

  // Each row's values and where each came from, by column position in `columns` (arrays, not a map per row:
  // a survey of 5,000 participants × 30 columns would otherwise make 150,000 entries).
  const names = [...columns.keys()];
  const position = new Map(names.map((name, index) => [name, index]));
  interface Building {
    readonly id: string;
    readonly uri: string;
    readonly line: number;
    readonly sources: RowSource[];
    readonly values: SurveyValue[];
    readonly from: (RowSource | undefined)[];
  }
  const rows = new Map<string, Building>();
  for (const table of tables) {
    const positions = table.columns.map((column) => position.get(column.name) as number);
    for (const row of table.rows) {
      const from = { uri: table.uri, line: row.line };
      let building = rows.get(row.id);
      if (!building) {
        building = { id: row.id, uri: table.uri, line: row.line, sources: [], values: [], from: [] };
        rows.set(row.id, building);
      }
      building.sources.push(from);
      table.columns.forEach((column, c) => {
        const at = positions[c] as number;
        const value = row.values[column.name] ?? null;
        const earlierFrom = building.from[at];
        const earlierValue = building.values[at] ?? null;
        if (earlierFrom === undefined || earlierValue === null) {
          building.values[at] = value;
          building.from[at] = from;
        } else if (value !== null && value !== earlierValue) {
          problems.push(
            problem(
              table.uri,
              row.line,
              1,
              'survey-conflicting-value',
              `participant "${row.id}" has ${show(value)} for column "${column.name}" here but ${show(earlierValue)} in ${earlierFrom.uri} on line ${earlierFrom.line}`,
              'correct one of the two files (or leave the cell empty in one of them)',
            ),
          );
        }
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const newValues = namedRecordMaker<SurveyValue>(names, null);
  const valuesOf = (found: readonly SurveyValue[]) => {
    const values = newValues();
    names.forEach((name, index) => (values[name] = found[index] ?? null));
    return values;
  };
  const mergedRows: MergedRow[] = [...rows.values()].map((row) => ({
    id: row.id,
    uri: row.uri,
    line: row.line,
    sources: row.sources,
    values: valuesOf(row.values),
  }));
  const building = [...rows.values()];
  const mergedColumns = [...columns.values()].map((column, at): SurveyColumn => {
    // The answers themselves only to type a column again; otherwise their count, read by position.
    let answered = 0;
    for (let r = 0; r < building.length; r++) if (((building[r] as Building).values[at] ?? null) !== null) answered++;
    const retyping = retype.has(column.name);
    const present = retyping
      ? mergedRows.map((row) => row.values[column.name] ?? null).filter((value) => value !== null)
      : [];
    return {
      ...(retyping ? retyped(column, present) : column),
      missing: mergedRows.length - answered,
      invalid: tables.reduce(
        (sum, table) => sum + (table.columns.find((c) => c.name === column.name)?.invalid ?? 0),
        0,
      ),
    };
  });
  return {
    ok: true,
    value: {
      uris: tables.map((table) => table.uri),
      idColumn: tables[0]?.idColumn ?? '',
      columns: mergedColumns,
      rows: mergedRows,
    },
    warnings: [],
  };
}

/**
 * Whether two files inferred (neither declared) a type for answers of the same kind, both labels or both plain
 * numbers: then the type is inferred again over all answers, since each file saw only its own (a label
 * column can be text in a small file and categorical with more rows).
 */
function sameKind(a: SurveyColumn, b: SurveyColumn): boolean {
  const kind = (c: SurveyColumn) =>
    c.type === 'categorical' || c.type === 'text'
      ? 'strings'
      : c.type === 'numeric' || (c.type === 'ordinal' && !c.scale?.labels)
        ? 'numbers'
        : undefined;
  return a.inferred && b.inferred && kind(a) !== undefined && kind(a) === kind(b);
}

/** A column typed again over its merged answers (strings or numbers, see sameKind). */
function retyped(first: SurveyColumn, present: readonly SurveyValue[]): SurveyColumn {
  const base = { name: first.name, inferred: true, missing: 0, invalid: 0 };
  if (first.type === 'numeric' || first.type === 'ordinal') {
    const numbers = present as number[];
    return numberKind(numbers) === 'ordinal'
      ? { ...base, type: 'ordinal', scale: observedRange(numbers) }
      : { ...base, type: 'numeric' };
  }
  const strings = present.map(String);
  return stringKind(strings) === 'categorical'
    ? { ...base, type: 'categorical', levels: sortedLevels(strings) }
    : { ...base, type: 'text' };
}

/** The two descriptions of one column as one, or why they cannot be one. */
function mergeColumn(a: SurveyColumn, b: SurveyColumn): SurveyColumn | string {
  if (a.type !== b.type) return `is ${a.type} in one file and ${b.type} in another`;
  if (a.type === 'ordinal') {
    const scale = mergeScale(a.scale, b.scale);
    return scale ?? 'uses different ordinal label scales in two files';
  }
  if (a.type === 'categorical') {
    return { ...a, levels: sortedLevels([...(a.levels ?? []), ...(b.levels ?? [])]) };
  }
  return a;

  function mergeScale(x: OrdinalScale | undefined, y: OrdinalScale | undefined): SurveyColumn | undefined {
    if (!x || !y) return { ...a, ...((x ?? y) ? { scale: x ?? y } : {}) };
    if (x.labels || y.labels) {
      const same =
        x.labels &&
        y.labels &&
        x.labels.length === y.labels.length &&
        x.labels.every((label, i) => label === y.labels?.[i]);
      return same ? a : undefined;
    }
    return { ...a, scale: { min: Math.min(x.min, y.min), max: Math.max(x.max, y.max) } };
  }
}

function show(value: SurveyValue): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}
