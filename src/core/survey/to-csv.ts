import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null;

/**
 * CSV for export (reports, tables for R or a spreadsheet). Text cells starting with = + - @ tab or CR get a
 * leading apostrophe (PapaParse's escapeFormulae) so a spreadsheet never runs them as formulas; number and
 * boolean cells are written as they are, so -3 stays a number. null is an empty cell. LF line ends and a
 * final newline, like every file Grounded writes.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const csv = Papa.unparse(
    { fields: [...header], data: rows.map((row) => [...row]) },
    { escapeFormulae: true, newline: '\n', delimiter: ',', quotes: false, header: true },
  );
  // With no rows PapaParse already ends the header with a newline.
  return rows.length === 0 ? csv : `${csv}\n`;
}
