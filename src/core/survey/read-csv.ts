import Papa from 'papaparse';
import { problem, type Problem } from '../problems';
import { fieldOffsets, LineIndex } from './positions';

/** Delimiters we detect: comma, semicolon (Excel with a European locale), tab (copied from a spreadsheet). */
export const SURVEY_DELIMITERS: readonly string[] = [',', ';', '\t'];

/** One CSV record as PapaParse read it, with where it and each of its fields start. */
export interface RawRow {
  /** 1-based line where the record starts (records can span lines through quoted newlines). */
  readonly line: number;
  readonly fields: readonly string[];
  /** UTF-16 offset of the record's first character in the canonical text: where its first field starts. */
  readonly start: number;
}

export interface RawCsv {
  /** The canonical text the records were read from. */
  readonly text: string;
  readonly delimiter: string;
  readonly index: LineIndex;
  /** Non-blank records in file order; the first is the header. */
  readonly records: readonly RawRow[];
  /** Quote errors; any of them means the file does not load. */
  readonly problems: readonly Problem[];
}

/** Whether a record holds nothing: a blank line, the end of the file, or a row of empty cells (`;;;`). */
export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

/**
 * Reads records with PapaParse, one step per record, so each record's start offset (the previous cursor)
 * and therefore its line are known even after quoted newlines.
 */
export function readCsv(uri: string, text: string): RawCsv {
  // Excel (European locales especially) may start a CSV with `sep=;`, declaring the delimiter.
  const declared = /^sep=([^"\n])\n/.exec(text)?.[1];
  const delimiter = declared ?? detectDelimiter(text);
  const index = new LineIndex(text);
  const records: RawRow[] = [];
  const problems: Problem[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    skipEmptyLines: false,
    step: (results) => {
      const fields = results.data;
      for (const error of results.errors) {
        const found = quoteProblem(uri, index, error);
        // PapaParse reports each stray quote of a cell at the cell's start: once is enough.
        if (!problems.some((p) => p.kind === found.kind && p.line === found.line && p.column === found.column))
          problems.push(found);
      }
      if (!isBlankRecord(fields) && !(declared !== undefined && start === 0)) {
        records.push({ line: index.lineAt(start), fields, start });
      }
      start = results.meta.cursor;
    },
  });
  return { text, delimiter, index, records, problems };
}

/**
 * Line and column of a record's field (a field past its last: the last), for a problem's place. Fields are
 * located only when a problem is reported: a big survey's 5,000 rows × 30 columns would be located for nothing.
 */
export function fieldPosition(csv: RawCsv, row: RawRow, field: number): { line: number; column: number } {
  const offsets = fieldOffsets(csv.text, row.start, row.fields, csv.delimiter);
  return csv.index.at(offsets[Math.min(field, offsets.length - 1)] ?? 0);
}

function quoteProblem(uri: string, index: LineIndex, error: Papa.ParseError): Problem {
  // PapaParse's `index` is just after the opening quote; point at the quote itself.
  const at = index.at(Math.max(0, (error.index ?? 1) - 1));
  switch (error.code) {
    case 'MissingQuotes':
      return problem(
        uri,
        at.line,
        at.column,
        'survey-unterminated-quote',
        'this quoted cell is never closed, so the rest of the file would be read as one cell',
        'add the closing quote (") where the cell ends',
      );
    case 'InvalidQuotes':
      return problem(
        uri,
        at.line,
        at.column,
        'survey-invalid-quote',
        'this quoted cell has a stray quote: a quote inside a quoted cell must be doubled',
        'write "" for a quote inside a quoted cell, or close the cell before the delimiter',
      );
    default:
      return problem(uri, at.line, at.column, 'survey-csv-syntax', error.message, 'check the CSV syntax on this line');
  }
}

/**
 * The candidate whose header splits into the most consistent records. PapaParse's own guess needs an
 * average of two fields per record and so fails on small files ending with a newline; and decimal commas
 * in a semicolon file must not make it pick the comma: the header (where decimals are rare) has to split
 * into more than one field, and a wider header breaks ties.
 */
export function detectDelimiter(text: string): string {
  let best = ',';
  let bestShare = -1;
  let bestWidth = 0;
  for (const delimiter of SURVEY_DELIMITERS) {
    const records = Papa.parse<string[]>(text, { delimiter, newline: '\n', quoteChar: '"', preview: 20 }).data.filter(
      (fields) => !isBlankRecord(fields),
    );
    const width = records[0]?.length ?? 0;
    if (width < 2) continue;
    const share = records.filter((fields) => fields.length === width).length / records.length;
    if (share > bestShare || (share === bestShare && width > bestWidth)) {
      best = delimiter;
      bestShare = share;
      bestWidth = width;
    }
  }
  return best;
}
