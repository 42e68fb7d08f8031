import { margins, tableProblem } from './contingency-table';
import { chiSquareUpperP } from './tails';
import type { CountTable, TestResult } from './types';

export interface ChiSquareResult extends TestResult {
  name: 'chi-square';
  df?: number;
  /** Expected counts under independence (row total × column total / n), same shape as the table. */
  expected: number[][] | null;
  /** True when Yates' continuity correction was applied (2 × 2 tables, R's default). */
  yates: boolean;
}

/**
 * chisq.test(table): Pearson's χ² test of independence, with Yates' correction for 2 × 2 tables unless
 * `correct: false` (R's default correct = TRUE). Expected counts are returned so the caller can check the
 * "all expected ≥ 5" rule (see chooseContingencyTest). Missing: always 0 (a table has no blanks).
 */
export function chiSquareTest(table: CountTable, options: { correct?: boolean } = {}): ChiSquareResult {
  const problem = tableProblem(table);
  const { rows, columns, total } = margins(table);
  const is2x2 = table.length === 2 && (table[0]?.length ?? 0) === 2;
  const yates = (options.correct ?? true) && is2x2;
  const base = { name: 'chi-square' as const, n: total, missing: 0, yates };
  if (problem) return { ...base, statistic: null, p: null, expected: null, reason: problem };
  const expected = rows.map((r) => columns.map((c) => (r * c) / total));
  if (total === 0 || rows.includes(0) || columns.includes(0)) {
    return { ...base, statistic: null, p: null, expected, reason: 'a row or column total is zero' };
  }
  let statistic = 0;
  table.forEach((row, i) =>
    row.forEach((observed, j) => {
      const e = (expected[i] as number[])[j] as number;
      const deviation = Math.abs(observed - e);
      // R caps the correction at the deviation itself so it never overshoots past zero.
      const correction = yates ? Math.min(0.5, deviation) : 0;
      statistic += (deviation - correction) ** 2 / e;
    }),
  );
  const df = (rows.length - 1) * (columns.length - 1);
  return { ...base, statistic, df, p: chiSquareUpperP(statistic, df), expected };
}
