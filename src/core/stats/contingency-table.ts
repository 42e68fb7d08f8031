import { isMissingLabel } from './missing';
import type { CategoricalValue, CountTable } from './types';

/** Margins of a table of counts. */
export function margins(table: CountTable): { rows: number[]; columns: number[]; total: number } {
  const rows = table.map((row) => row.reduce((a, b) => a + b, 0));
  const columns = (table[0] ?? []).map((_, j) => table.reduce((sum, row) => sum + (row[j] ?? 0), 0));
  return { rows, columns, total: rows.reduce((a, b) => a + b, 0) };
}

/** Why a table cannot be analysed, or null when it is a proper r × c table of non-negative integer counts. */
export function tableProblem(table: CountTable): string | null {
  const width = table[0]?.length ?? 0;
  if (table.length < 2 || width < 2) return 'table needs at least 2 rows and 2 columns';
  for (const row of table) {
    if (row.length !== width) return 'rows of the table differ in length';
    if (row.some((c) => !Number.isInteger(c) || c < 0)) return 'counts must be non-negative integers';
  }
  return null;
}

export interface CrossTabulation {
  rowLevels: string[];
  columnLevels: string[];
  /** counts[i][j]: observations with row level i and column level j. */
  counts: number[][];
  /** Pairs with both labels present. */
  n: number;
  /** Pairs where either label is missing. */
  missing: number;
}

/**
 * Cross-tabulates two parallel label arrays (e.g. group × "mentions the code"). Level order follows the
 * given lists, then order of first appearance. Arrays of different lengths are a caller bug and throw.
 */
export function crossTabulate(
  rowLabels: ReadonlyArray<CategoricalValue>,
  columnLabels: ReadonlyArray<CategoricalValue>,
  levels: { rows?: ReadonlyArray<string>; columns?: ReadonlyArray<string> } = {},
): CrossTabulation {
  if (rowLabels.length !== columnLabels.length) throw new Error('crossTabulate: label arrays differ in length');
  const rowLevels = [...(levels.rows ?? [])];
  const columnLevels = [...(levels.columns ?? [])];
  const pairs: [number, number][] = [];
  let missing = 0;
  const indexOf = (list: string[], label: string): number => {
    const found = list.indexOf(label);
    if (found >= 0) return found;
    list.push(label);
    return list.length - 1;
  };
  rowLabels.forEach((rowLabel, i) => {
    const columnLabel = columnLabels[i];
    if (isMissingLabel(rowLabel) || isMissingLabel(columnLabel)) missing++;
    else pairs.push([indexOf(rowLevels, rowLabel), indexOf(columnLevels, columnLabel)]);
  });
  const counts = rowLevels.map(() => columnLevels.map(() => 0));
  for (const [r, c] of pairs) (counts[r] as number[])[c] = ((counts[r] as number[])[c] as number) + 1;
  return { rowLevels, columnLevels, counts, n: pairs.length, missing };
}
