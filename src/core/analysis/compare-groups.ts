import {
  describeCategorical,
  describePresentNumbers,
  describeSortedNumbers,
  kruskalWallis,
  mannWhitney,
  mannWhitneyOfRanks,
  momentsOf,
  standardizedMeanDifferenceOfMoments,
  twoSampleTTestOfMoments,
  welchAnova,
  type Moments,
  type PooledRanks,
} from '../stats/index';
import { analyzeTable } from './contingency';
import { reportEffect, reportTest } from './convert';
import type {
  CategoricalComparison,
  NumericComparison,
  NumericGroup,
  ReportTest,
  ReportVariableType,
} from './report-types';

/** One observation: the participant's group label and value (either may be missing). */
export interface Observation<T> {
  readonly group: string | null;
  readonly value: T | null;
}

/**
 * A numeric variable across groups: per-group descriptives for every level (empty ones too); with two
 * groups holding values, Welch's t-test, the Mann–Whitney U test (R's wilcox.test) and Hedges' g
 * (first − second); with more, Welch's ANOVA (oneway.test) and Kruskal–Wallis. With fewer than two groups
 * holding values there is nothing to compare: no tests, and `reason` says so.
 */
export function compareNumeric(
  variable: string,
  variableType: ReportVariableType,
  by: string,
  levels: readonly string[],
  observations: readonly Observation<number>[],
): NumericComparison {
  return compareNumericColumns(
    variable,
    variableType,
    by,
    levels,
    observations.map((o) => o.group),
    observations.map((o) => o.value),
  );
}

/**
 * compareNumeric of observations given as two columns, group and value of each participant: a report
 * compares one variable by every code, so it keeps one value column and builds only the group column.
 */
export function compareNumericColumns(
  variable: string,
  variableType: ReportVariableType,
  by: string,
  levels: readonly string[],
  groupColumn: readonly (string | null)[],
  valueColumn: readonly (number | null)[],
  pooled?: PooledRanks,
): NumericComparison {
  // One pass: each group's present values and its count of missing ones.
  const known = new Set(levels);
  const inGroups = new Map<string, { present: number[]; missing: number }>();
  const extraLevels: string[] = [];
  let complete = 0;
  for (let i = 0; i < groupColumn.length; i++) {
    const group = groupColumn[i];
    if (group === null || group === undefined) continue;
    const value = valueColumn[i];
    let inGroup = inGroups.get(group);
    if (inGroup === undefined) inGroups.set(group, (inGroup = { present: [], missing: 0 }));
    if (value === null || value === undefined || Number.isNaN(value)) {
      inGroup.missing++;
      continue;
    }
    complete++;
    // Groups beyond the given levels follow in order of their first complete observation.
    if (inGroup.present.length === 0 && !known.has(group)) extraLevels.push(group);
    inGroup.present.push(value);
  }
  const missing = groupColumn.length - complete;
  const allLevels = [...levels, ...extraLevels];
  const valuesOf = (level: string) => inGroups.get(level)?.present ?? [];
  // Every value in a group: the column's ranks and order hold for these groups' values.
  const ranked =
    pooled && pooled.order.length === complete
      ? rankedGroups(pooled, groupColumn, valueColumn, (group) => inGroups.get(group)?.present.length ?? 0)
      : undefined;
  // Each group's mean and variance once: its summary, the t-test and Hedges' g all need them.
  const momentsOfLevel = new Map<string, Moments>();
  const groups: NumericGroup[] = allLevels.map((level) => {
    const inGroup = inGroups.get(level);
    const present = inGroup?.present ?? [];
    const missingHere = inGroup?.missing ?? 0;
    const moments = momentsOf(present);
    momentsOfLevel.set(level, moments);
    const summary =
      ranked && present.length > 0
        ? describeSortedNumbers(present, ranked.sorted(level), missingHere, 0.95, moments)
        : describePresentNumbers(present, missingHere, 0.95, moments);
    return { level, ...summary };
  });
  const withValues = allLevels.filter((level) => valuesOf(level).length > 0);
  const base = { kind: 'numeric' as const, variable, variableType, by, n: complete, missing, groups };
  if (withValues.length < 2) {
    return {
      ...base,
      tests: [],
      effect: null,
      otherEffects: [],
      reason:
        withValues.length === 0
          ? 'no participants with both values'
          : `a single group (${withValues[0]}): nothing to compare`,
    };
  }
  const samples = withValues.map(valuesOf);
  if (samples.length === 2) {
    const [x, y] = samples as [number[], number[]];
    const [gx, gy] = withValues as [string, string];
    const mw = ranked
      ? mannWhitneyOfRanks(x.length, y.length, ranked.rankSum(gx), ranked.tieSizes, 0)
      : mannWhitney(x, y);
    // The samples hold present values only (none missing): the tests of their arrays, from their moments.
    // A report's test has no CI (reportTest keeps t, df and p): the t-test leaves it out.
    const mx = momentsOfLevel.get(gx) as Moments;
    const my = momentsOfLevel.get(gy) as Moments;
    const welch = twoSampleTTestOfMoments(mx, my, 0, { confidence: null });
    const tests: ReportTest[] = [
      reportTest(welch, missing, `Welch two-sample t-test (${gx} − ${gy})`),
      reportTest(mw, missing, mw.exact === true ? 'exact p' : 'normal approximation with continuity correction'),
    ];
    const g = standardizedMeanDifferenceOfMoments(mx, my, 0, 'hedges-g');
    return { ...base, tests, effect: reportEffect(g, missing, `${gx} − ${gy}`), otherEffects: [] };
  }
  const tests = [
    reportTest(welchAnova(samples), missing, "Welch's heteroscedastic one-way ANOVA"),
    reportTest(kruskalWallis(samples), missing),
  ];
  return { ...base, tests, effect: null, otherEffects: [] };
}

/**
 * Each group's values in ascending order and its rank sum among all the values, from the column's pooled
 * ranks: only for groups that hold every value of the column between them (checked by the caller), with
 * `sizeOf` each group's number of values.
 */
function rankedGroups(
  pooled: PooledRanks,
  groupColumn: readonly (string | null)[],
  valueColumn: readonly (number | null)[],
  sizeOf: (group: string) => number,
) {
  // Each group's list made at its size and filled in place, not grown value by value (codes × variables ×
  // participants: a big report's most allocation).
  const sortedOf = new Map<string, { values: number[]; filled: number }>();
  // Indexed: for…of over a typed array steps through an iterator until the code is optimized (codes × variables).
  for (let k = 0; k < pooled.order.length; k++) {
    const row = pooled.order[k] as number;
    const group = groupColumn[row] as string;
    let list = sortedOf.get(group);
    if (list === undefined) sortedOf.set(group, (list = { values: new Array<number>(sizeOf(group)), filled: 0 }));
    list.values[list.filled++] = valueColumn[row] as number;
  }
  return {
    tieSizes: pooled.tieSizes,
    sorted: (level: string): number[] => sortedOf.get(level)?.values ?? [],
    /** Summed in row order, as mannWhitney sums the ranks of its first sample. */
    rankSum: (level: string): number => {
      let sum = 0;
      for (let row = 0; row < groupColumn.length; row++)
        if (groupColumn[row] === level && valueColumn[row] !== null) sum += pooled.rank[row] as number;
      return sum;
    },
  };
}

/**
 * A labelled variable across groups: the groups × levels table, each group's distribution with Wilson CIs,
 * and the contingency test (χ² or Fisher's exact by the expected-count rule) with its effect size.
 */
export function compareCategorical(
  variable: string,
  variableType: ReportVariableType,
  by: string,
  levels: readonly string[],
  outcomeLevels: readonly string[],
  observations: readonly Observation<string>[],
): CategoricalComparison {
  return compareCategoricalColumns(
    variable,
    variableType,
    by,
    levels,
    outcomeLevels,
    observations.map((o) => o.group),
    observations.map((o) => o.value),
  );
}

/**
 * compareCategorical of observations given as two columns, group and value of each participant: a report
 * compares every column of the survey by the same groups, so it labels the groups once.
 */
export function compareCategoricalColumns(
  variable: string,
  variableType: ReportVariableType,
  by: string,
  levels: readonly string[],
  outcomeLevels: readonly string[],
  groupColumn: readonly (string | null)[],
  valueColumn: readonly (string | null)[],
): CategoricalComparison {
  const complete: { group: string; value: string }[] = [];
  for (let i = 0; i < groupColumn.length; i++) {
    const group = groupColumn[i] as string | null;
    const value = valueColumn[i] as string | null;
    if (group !== null && value !== null) complete.push({ group, value });
  }
  const missing = groupColumn.length - complete.length;
  const rows = [...levels, ...new Set(complete.map((o) => o.group).filter((g) => !levels.includes(g)))];
  const columns = [
    ...outcomeLevels,
    ...new Set(complete.map((o) => o.value).filter((v) => !outcomeLevels.includes(v))),
  ];
  const { counts, valuesOf } = tabulate(rows, columns, complete);
  const groups = rows.map((level, i) => {
    const summary = describeCategorical(valuesOf[i] as string[], columns);
    return { level, n: summary.n, levels: summary.levels };
  });
  const analysis = analyzeTable(rows, columns, counts, missing);
  return { kind: 'categorical', variable, variableType, by, n: complete.length, missing, groups, ...analysis };
}

/**
 * The rows × columns counts of the observations and each row's values in observation order: one pass over
 * them, or one per cell when a label is a row or a column twice (each copy then gets the same counts).
 */
export function tabulate(
  rows: readonly string[],
  columns: readonly string[],
  observations: readonly { group: string; value: string }[],
): { counts: number[][]; valuesOf: string[][] } {
  const rowAt = new Map(rows.map((row, i) => [row, i]));
  const columnAt = new Map(columns.map((column, i) => [column, i]));
  if (rowAt.size !== rows.length || columnAt.size !== columns.length) {
    return {
      counts: rows.map((row) =>
        columns.map((column) => observations.filter((o) => o.group === row && o.value === column).length),
      ),
      valuesOf: rows.map((row) => observations.filter((o) => o.group === row).map((o) => o.value)),
    };
  }
  const valuesOf = rows.map((): string[] => []);
  const counts = rows.map(() => columns.map(() => 0));
  for (const o of observations) {
    const row = rowAt.get(o.group);
    if (row === undefined) continue;
    (valuesOf[row] as string[]).push(o.value);
    const column = columnAt.get(o.value);
    if (column === undefined) continue;
    const cells = counts[row] as number[];
    cells[column] = (cells[column] as number) + 1;
  }
  return { counts, valuesOf };
}
