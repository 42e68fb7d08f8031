/**
 * Public result shapes of the statistics core. Field names are a contract: scripts read them as JSON.
 * Missing values (null, undefined, NaN) are never silently dropped: every result says how many there were.
 */

/** A numeric observation as it arrives from a survey column: blanks are null/undefined/NaN. */
export type NumericValue = number | null | undefined;
/** A categorical observation (a label); blanks are null/undefined or the empty string. */
export type CategoricalValue = string | null | undefined;

export type TestName =
  | 'welch-t'
  | 'student-t'
  | 'one-sample-t'
  | 'mann-whitney'
  | 'welch-anova'
  | 'kruskal-wallis'
  | 'chi-square'
  | 'fisher-exact';

/**
 * Every hypothesis test returns this core. `p` is null (never NaN) when the test is undefined for the data;
 * `reason` then says why ('constant data', 'fewer than 2 observations per group', ...).
 */
export interface TestResult {
  name: TestName;
  /** null when the statistic itself is undefined (see `reason`). */
  statistic: number | null;
  /** Degrees of freedom: one number, or [df1, df2] for F-type tests. Absent for tests without df. */
  df?: number | [number, number];
  p: number | null;
  /** Observations used (non-missing), over all groups. For tables: the grand total. */
  n: number;
  /** Observations left out because they were missing, over all groups. */
  missing: number;
  reason?: string;
}

export type EffectSizeName =
  'cohens-d' | 'hedges-g' | 'odds-ratio' | 'conditional-mle-odds-ratio' | 'risk-difference' | 'cramers-v';

/** An effect size with its 95% CI; `value`/`ci` are null with a `reason` when undefined for the data. */
export interface EffectSize {
  name: EffectSizeName;
  value: number | null;
  /** [lo, hi]; null when no interval is available (see `ciMethod`/`reason`). */
  ci: [number, number] | null;
  /** How the interval was obtained, so a report can cite it. */
  ciMethod: string | null;
  n: number;
  missing: number;
  reason?: string;
}

/** A two-way table of counts: rows × columns, all rows the same length. */
export type CountTable = ReadonlyArray<ReadonlyArray<number>>;
