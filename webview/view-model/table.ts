import type { CsvValue, WebviewMessage } from '../protocol';

/** What clicking a cell does: posted to the host as is (open a coding or a file), or handled in the panel. */
export type CellAction =
  | { kind: 'post'; message: Extract<WebviewMessage, { type: 'openCoding' | 'openProblem' | 'requestOverlaps' }> }
  | { kind: 'showOverlaps'; a: string; b: string };

/** One table cell: the text shown, the value a CSV export writes, and an optional action. */
export interface Cell {
  text: string;
  csv: CsvValue;
  action?: CellAction;
  /** Secondary text under the main text (e.g. a test that was not run, and why). */
  note?: string;
}

export interface TableModel {
  /** Stable id: the page kept across reloads and the export file name. */
  id: string;
  title: string;
  header: string[];
  /** Right-aligned (numeric) columns. */
  numeric: boolean[];
  rows: Cell[][];
  /** Shown under the table: what the numbers are, or why a test did not run. */
  caption?: string;
}

/** Rows a table shows per page: large studies stay responsive with a pager instead of 100 k DOM rows. */
export const PAGE_SIZE = 50;

export interface Page<T> {
  items: T[];
  /** 0-based, clamped to the pages that exist. */
  page: number;
  pages: number;
  /** Index of the first item shown (for "rows 51–100 of 812"). */
  first: number;
  total: number;
}

export function pageOf<T>(items: readonly T[], page: number, size: number = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const clamped = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const first = clamped * size;
  return { items: items.slice(first, first + size), page: clamped, pages, first, total: items.length };
}

/** A text cell whose CSV value is the same text. */
export function text(value: string, note?: string): Cell {
  return note === undefined ? { text: value, csv: value } : { text: value, csv: value, note };
}

/** A number shown formatted; CSV gets the number itself (null when missing) so R reads it as numeric. */
export function numberCell(value: number | null | undefined, shown: string): Cell {
  return { text: shown, csv: value === null || value === undefined || !Number.isFinite(value) ? null : value };
}

/** Header and CSV rows of a table, for the export message. */
export function tableCsv(table: TableModel): { header: string[]; rows: CsvValue[][] } {
  return { header: [...table.header], rows: table.rows.map((row) => row.map((cell) => cell.csv)) };
}
