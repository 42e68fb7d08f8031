import Papa from 'papaparse';

/** A cell as R reads it: null is written as an unquoted NA, text is always quoted, numbers as JavaScript prints them. */
export type RCell = string | number | null;

/**
 * CSV text for R's read.csv(na.strings = "NA", check.names = FALSE): UTF-8, LF line ends, every text cell
 * quoted (so a quote that reads "NA" or "12" stays text, and commas, quotes and line breaks survive) and
 * missing values as a bare NA. Unlike the matrix export, no formula escaping: a leading "=" or "-" is data
 * for a statistician, not a spreadsheet formula.
 */
export function rCsv(header: readonly string[], rows: readonly (readonly RCell[])[]): string {
  const text = Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map((cell) => (cell === null ? MISSING : cell))) },
    {
      newline: '\n',
      delimiter: ',',
      header: true,
      escapeFormulae: false,
      quotes: (value: unknown) => typeof value === 'string',
    },
  );
  return rows.length === 0 ? text : `${text}\n`;
}

// Not a string, so it is never quoted and a text cell "NA" (quoted) stays distinguishable; PapaParse prints it.
const MISSING = { toString: () => 'NA' };
