import type { SurveySettings } from '../model';
import { problem, type Loaded, type Problem } from '../problems';
import { conflictMarkerProblems } from '../yaml/conflict-markers';
import { typeCells } from './column-type';
import { decodeSurveyText } from './decode';
import { resolveHeader, type HeaderColumn } from './header';
import { fieldPosition, readCsv, type RawCsv, type RawRow } from './read-csv';
import { markParsedTable } from './merge';
import { namedRecordMaker } from './named-record';
import { setValue } from './set-value';
import { parseTypeSpec } from './type-spec';
import type { SurveyColumn, SurveyRow, SurveyTable, SurveyValue } from './types';

/** Missing tokens when the settings give none. A blank cell is always missing. */
export const DEFAULT_MISSING: readonly string[] = ['', 'NA', 'N/A'];

/**
 * Reads one survey CSV.
 *
 * Errors stop the file from loading (`ok: false`, with every error and the header warnings; cells are not
 * typed, so type warnings come once the errors are fixed): bytes that
 * are not UTF-8, no header, quote errors, a missing or doubled id column, rows with too few cells or extra
 * non-empty cells, blank or duplicate participant ids. Statistics for publication must not quietly run on
 * a subset of the rows, so a broken row is fixed in the file, not skipped. Warnings load (`ok: true`):
 * renamed duplicate/blank headers, extra empty cells at a row's end, cells that do not fit a declared type
 * (read as missing), unknown type names. Every problem points at the line and column of the cell concerned.
 *
 * Cells are trimmed; missing tokens (settings.missing, default "", "NA", "N/A") are matched exactly after
 * trimming, like R's na.strings. Labels are otherwise kept as written: no case folding, no recoding.
 */
export function parseSurvey(uri: string, bytes: Uint8Array, settings: SurveySettings): Loaded<SurveyTable> {
  const decoded = decodeSurveyText(uri, bytes);
  if ('problem' in decoded) return { ok: false, problems: [decoded.problem] };
  // A conflict block would otherwise read as rows (both sides' values, marker lines as ragged rows).
  const markers = conflictMarkerProblems(uri, decoded.text, 'resolve the merge conflict in the survey file');
  if (markers.length > 0) return { ok: false, problems: markers };
  const csv = readCsv(uri, decoded.text);
  // A quote error shifts every later cell: checks after it would only report its echoes.
  if (csv.problems.length > 0) return { ok: false, problems: csv.problems };
  const [header, ...records] = csv.records;
  if (!header) {
    return {
      ok: false,
      problems: [
        problem(
          uri,
          0,
          0,
          'survey-empty',
          'the survey file is empty',
          'add a header row naming the columns, then one row per participant',
        ),
      ],
    };
  }

  const resolved = resolveHeader(uri, csv, header, records, settings.idColumn);
  const problems: Problem[] = [...resolved.problems];
  const rows = resolved.idField === undefined ? [] : checkRows(uri, csv, header, records, resolved.idField, problems);
  if (records.length === 0) {
    problems.push(
      problem(
        uri,
        header.line,
        1,
        'survey-no-rows',
        'the survey has a header but no participant rows',
        'add one row per participant',
        'warning',
      ),
    );
  }
  if (resolved.idField === undefined || problems.some((p) => p.severity === 'error')) return { ok: false, problems };

  const missing = new Set((settings.missing ?? DEFAULT_MISSING).map((token) => token.trim()));
  const columns: SurveyColumn[] = [];
  // Every row gets every column (typeColumn fills them column by column): one shared layout for all rows.
  const newRowValues = namedRecordMaker<SurveyValue>(
    resolved.columns.map((column) => column.name),
    null,
  );
  const values: Record<string, SurveyValue>[] = rows.map(newRowValues);
  // Each column's rows with a value (not null), counted as typeColumn sets them: what merging counts as answered.
  const answered: number[] = [];
  for (const column of resolved.columns) {
    const typed = typeColumn(
      uri,
      csv,
      header,
      rows,
      column,
      missing,
      declaredType(settings, column.name),
      values,
      problems,
    );
    columns.push(typed.column);
    answered.push(typed.answered);
  }
  const table: SurveyTable = {
    uri,
    delimiter: csv.delimiter,
    idColumn: settings.idColumn.trim(),
    columns,
    rows: rows.map((row, index): SurveyRow => ({ id: row.id, line: row.record.line, values: values[index] ?? {} })),
  };
  markParsedTable(table, answered);
  return { ok: true, value: table, warnings: problems };
}

/** Own properties only: a column named "constructor" must not find Object's. */
function declaredType(settings: SurveySettings, column: string): string | undefined {
  const types = settings.types ?? {};
  return Object.hasOwn(types, column) ? types[column] : undefined;
}

interface CheckedRow {
  readonly id: string;
  readonly record: RawRow;
}

/** Field counts and ids; reports every bad row and returns the rows. */
function checkRows(
  uri: string,
  csv: RawCsv,
  header: RawRow,
  records: readonly RawRow[],
  idField: number,
  problems: Problem[],
): CheckedRow[] {
  const width = header.fields.length;
  const firstLineOf = new Map<string, number>();
  const rows: CheckedRow[] = [];
  for (const record of records) {
    // Where a field is, worked out for a problem only.
    const at = (field: number) => fieldPosition(csv, record, field);
    if (record.fields.length < width) {
      const { line, column } = at(record.fields.length - 1);
      problems.push(
        problem(
          uri,
          line,
          column,
          'survey-too-few-fields',
          `the row on line ${record.line} has ${record.fields.length} cells but the header has ${width}`,
          'add the missing cells (leave them empty or write a missing token such as NA); check for an unquoted delimiter',
        ),
      );
      continue;
    }
    if (record.fields.length > width) {
      const extra = record.fields.slice(width).findIndex((field) => field.trim() !== '');
      const { line, column } = at(extra < 0 ? width : width + extra);
      if (extra >= 0) {
        problems.push(
          problem(
            uri,
            line,
            column,
            'survey-too-many-fields',
            `the row on line ${record.line} has ${record.fields.length} cells but the header has ${width}`,
            'quote cells that contain the delimiter, or add a header for the extra column',
          ),
        );
        continue;
      }
      problems.push(
        problem(
          uri,
          line,
          column,
          'survey-extra-empty-fields',
          `the row on line ${record.line} ends with ${record.fields.length - width} empty cells beyond the header; ignored`,
          'remove the trailing delimiters',
          'warning',
        ),
      );
    }
    const id = (record.fields[idField] ?? '').trim();
    if (id === '') {
      const { line, column } = at(idField);
      problems.push(
        problem(
          uri,
          line,
          column,
          'survey-blank-id',
          `the row on line ${record.line} has no participant id`,
          'fill in the id, or delete the row if it is not a participant',
        ),
      );
      continue;
    }
    const first = firstLineOf.get(id);
    if (first !== undefined) {
      const { line, column } = at(idField);
      problems.push(
        problem(
          uri,
          line,
          column,
          'survey-duplicate-id',
          `participant id "${id}" is on line ${first} and again on line ${record.line}`,
          'keep one row per participant in a file: merge the two rows or correct the id',
        ),
      );
      continue;
    }
    firstLineOf.set(id, record.line);
    rows.push({ id, record });
  }
  return rows;
}

function typeColumn(
  uri: string,
  csv: RawCsv,
  header: RawRow,
  rows: readonly CheckedRow[],
  column: HeaderColumn,
  missingTokens: ReadonlySet<string>,
  declared: string | undefined,
  values: Record<string, SurveyValue>[],
  problems: Problem[],
): { column: SurveyColumn; answered: number } {
  let spec = declared === undefined ? undefined : parseTypeSpec(declared);
  if (declared !== undefined && !spec) {
    const { line, column: col } = fieldPosition(csv, header, column.field);
    problems.push(
      problem(
        uri,
        line,
        col,
        'survey-unknown-type',
        `unknown type "${declared}" for column "${column.name}"; the type is inferred instead`,
        'use numeric, ordinal, ordinal:1-5, ordinal:Low|Medium|High, categorical, yes-no, text or date',
        'warning',
      ),
    );
    spec = undefined;
  }
  // The answered cells and their rows as two lists (not an object per cell: 5,000 rows × 30 columns).
  const cells: string[] = [];
  const cellRows: number[] = [];
  let missing = 0;
  for (let index = 0; index < rows.length; index++) {
    const cell = ((rows[index] as CheckedRow).record.fields[column.field] ?? '').trim();
    if (cell === '' || missingTokens.has(cell)) {
      missing++;
      setValue(values[index], column.name, null);
    } else {
      cells.push(cell);
      cellRows.push(index);
    }
  }
  const typed = typeCells(cells, csv.delimiter, spec);
  let answered = 0;
  for (let index = 0; index < cells.length; index++) {
    const value = typed.values[index] ?? null;
    setValue(values[cellRows[index] as number], column.name, value);
    if (value !== null) answered++;
  }
  for (const index of typed.invalid) {
    const row = rows[cellRows[index] as number];
    if (row === undefined) continue;
    const cell = cells[index] as string;
    const { line, column: col } = fieldPosition(csv, row.record, column.field);
    problems.push(
      problem(
        uri,
        line,
        col,
        'survey-type-mismatch',
        `"${cell}" in column "${column.name}" is not ${describe(declared ?? typed.type)}; read as missing`,
        `correct the cell, add it to survey.missing, or change the type of "${column.name}" in grounded.yaml`,
        'warning',
      ),
    );
  }
  return {
    column: {
      name: column.name,
      type: typed.type,
      ...(typed.scale ? { scale: typed.scale } : {}),
      ...(typed.levels ? { levels: typed.levels } : {}),
      inferred: spec === undefined,
      missing,
      invalid: typed.invalid.length,
    },
    answered,
  };
}

function describe(spec: string): string {
  const type = spec.trim();
  if (type === 'numeric') return 'a number';
  if (type === 'yes-no') return 'yes/no (yes, no, y, n, true, false, 1, 0)';
  if (type === 'date') return 'an ISO date (YYYY-MM-DD)';
  if (type.startsWith('ordinal:')) return `on the scale ${type.slice('ordinal:'.length)}`;
  return `a valid ${type} value`;
}
