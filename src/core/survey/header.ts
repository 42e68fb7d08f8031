import { problem, type Problem } from '../problems';
import { fieldPosition, type RawCsv, type RawRow } from './read-csv';

/** A data column of the file: its final name and its 0-based field index. */
export interface HeaderColumn {
  readonly name: string;
  readonly field: number;
}

export interface ResolvedHeader {
  /** 0-based field index of the id column; undefined when it is missing or ambiguous (an error was reported). */
  readonly idField?: number;
  readonly columns: readonly HeaderColumn[];
  readonly problems: readonly Problem[];
}

/**
 * Names the columns. Duplicate headers are renamed `x_2`, `x_3` with a warning rather than refused: survey
 * tools export repeated headers ("Comments") that are irrelevant to most analyses, and refusing would block
 * the whole survey; no data is lost and the warning says which name to use. A blank header over data is
 * named `column_N` (N = its 1-based position) with a warning; over an empty column (Excel's trailing
 * separators) it is dropped with an info. The id column must exist exactly once: that is an error.
 */
export function resolveHeader(
  uri: string,
  csv: RawCsv,
  header: RawRow,
  records: readonly RawRow[],
  idColumn: string,
): ResolvedHeader {
  const names = header.fields.map((field) => field.trim());
  const problems: Problem[] = [];
  const at = (field: number) => fieldPosition(csv, header, field);

  const idFields = names.flatMap((name, field) => (name === idColumn.trim() ? [field] : []));
  if (idFields.length === 0) problems.push(missingIdColumn(uri, header, names, idColumn));
  for (const field of idFields.slice(1)) {
    const { line, column } = at(field);
    problems.push(
      problem(
        uri,
        line,
        column,
        'survey-duplicate-id-column',
        `the id column "${idColumn}" appears more than once in the header (first at field ${(idFields[0] ?? 0) + 1})`,
        'keep one id column: rename or remove the other',
      ),
    );
  }

  const taken = new Set(names.filter((name) => name !== ''));
  const seen = new Map<string, number>();
  const columns: HeaderColumn[] = [];
  names.forEach((name, field) => {
    if (idFields.includes(field)) return;
    const { line, column } = at(field);
    if (name === '') {
      if (records.every((record) => (record.fields[field] ?? '').trim() === '')) {
        problems.push(
          problem(
            uri,
            line,
            column,
            'survey-blank-header',
            `field ${field + 1} has no header and no data; ignored`,
            'remove the empty column',
            'info',
          ),
        );
        return;
      }
      const generated = unique(`column_${field + 1}`, taken);
      problems.push(
        problem(
          uri,
          line,
          column,
          'survey-blank-header',
          `field ${field + 1} has data but no header; read as "${generated}"`,
          'give the column a header',
          'warning',
        ),
      );
      columns.push({ name: generated, field });
      return;
    }
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, field);
      columns.push({ name, field });
      return;
    }
    const renamed = unique(`${name}_2`, taken);
    problems.push(
      problem(
        uri,
        line,
        column,
        'survey-duplicate-header',
        `header "${name}" also names field ${first + 1}; this column is read as "${renamed}"`,
        'give each column a distinct header (settings and reports refer to columns by name)',
        'warning',
      ),
    );
    columns.push({ name: renamed, field });
  });
  return { idField: idFields.length === 1 ? idFields[0] : undefined, columns, problems };
}

/** `wanted`, or with its numeric suffix raised until no header uses it; reserves the result. */
function unique(wanted: string, taken: Set<string>): string {
  const match = /^(.*_)(\d+)$/.exec(wanted);
  const stem = match?.[1] ?? `${wanted}_`;
  let n = match ? Number(match[2]) : 1;
  let name = wanted;
  while (taken.has(name)) name = `${stem}${++n}`;
  taken.add(name);
  return name;
}

function missingIdColumn(uri: string, header: RawRow, names: readonly string[], idColumn: string): Problem {
  const found = names.map((name) => `"${name}"`).join(', ');
  const near = names.filter((name) => name.toLowerCase() === idColumn.trim().toLowerCase());
  const hint =
    near.length > 0
      ? `did you mean "${near[0]}"? Column names are matched exactly (case-sensitive): set survey.idColumn in grounded.yaml`
      : 'set survey.idColumn in grounded.yaml to the column holding participant ids';
  return problem(
    uri,
    header.line,
    1,
    'survey-missing-id-column',
    `no id column "${idColumn}"; columns found: ${found}`,
    hint,
  );
}
