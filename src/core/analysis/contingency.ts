import {
  chiSquareTest,
  chooseContingencyTest,
  cramersV,
  oddsRatio,
  riskDifference,
  type FisherExactResult,
} from '../stats/index';
import { reportEffect, reportTest } from './convert';
import type { ContingencyTable, ReportEffect, ReportTest } from './report-types';

export interface TableAnalysis {
  table: ContingencyTable;
  tests: ReportTest[];
  effect: ReportEffect | null;
  otherEffects: ReportEffect[];
  reason?: string;
}

/**
 * Tests a groups × outcomes table the way researchers report it: Pearson's χ² (Yates for 2 × 2) when every
 * expected count is ≥ 5, otherwise Fisher's exact test; the odds ratio (Woolf CI) and risk difference
 * (Newcombe CI) for 2 × 2, Cramér's V for larger tables. Empty groups and outcomes nobody chose are left out
 * of the test (as R drops unused factor levels) but kept in `table`. `missing` is the comparison's count.
 */
export function analyzeTable(
  rowLevels: readonly string[],
  columnLevels: readonly string[],
  counts: readonly (readonly number[])[],
  missing: number,
): TableAnalysis {
  const full = counts.map((row) => [...row]);
  const fullChi = chiSquareTest(full);
  const table: ContingencyTable = {
    rowLevels: [...rowLevels],
    columnLevels: [...columnLevels],
    counts: full,
    expected: fullChi.expected && fullChi.statistic !== null ? fullChi.expected : null,
  };
  const rowsKept = full.map((row, i) => ({ row, i })).filter(({ row }) => row.some((c) => c > 0));
  const columnsKept = columnLevels.map((_, j) => j).filter((j) => full.some((row) => (row[j] ?? 0) > 0));
  const none = (reason: string): TableAnalysis => ({ table, tests: [], effect: null, otherEffects: [], reason });
  if (rowsKept.length === 0) return none('no participants');
  if (rowsKept.length < 2) return none('a single group: nothing to compare');
  if (columnsKept.length < 2)
    return none(
      `every participant has the same outcome (${columnLevels[columnsKept[0] ?? 0] ?? 'none'}): constant data`,
    );

  const reduced = rowsKept.map(({ row }) => columnsKept.map((j) => row[j] as number));
  const chosen = chooseContingencyTest(reduced);
  const method =
    chosen.name === 'chi-square'
      ? chosen.yates
        ? "Pearson's χ² with Yates' continuity correction (every expected count ≥ 5)"
        : "Pearson's χ² (every expected count ≥ 5)"
      : 'two-sided exact (an expected count < 5)';
  const tests = [reportTest(chosen, missing, method)];
  const r = rowLevels[rowsKept[0]?.i ?? 0] as string;
  const s = rowLevels[rowsKept[1]?.i ?? 1] as string;
  const outcome = columnLevels[columnsKept[0] ?? 0] as string;
  if (reduced.length === 2 && reduced[0]?.length === 2) {
    const direction = `odds of "${outcome}", ${r} vs ${s}`;
    const otherEffects = [reportEffect(riskDifference(reduced), missing, `share with "${outcome}", ${r} − ${s}`)];
    const fisherOr = chosen.name === 'fisher-exact' ? (chosen as FisherExactResult).oddsRatio : null;
    if (fisherOr) otherEffects.push(reportEffect(fisherOr, missing, direction));
    const effect = reportEffect(oddsRatio(reduced), missing, direction);
    // The statistics core points programmers at Fisher's conditional MLE; a reader needs the plain reason.
    if (effect.value === null)
      effect.reason = 'a cell is 0, so the odds ratio is 0 or infinite; see the risk difference';
    return { table, tests, effect, otherEffects };
  }
  return { table, tests, effect: reportEffect(cramersV(reduced), missing), otherEffects: [] };
}
