import { isMissingLabel, splitNumbers } from './missing';
import { mean, variance, type Moments } from './moments';
import { ascending, quantileType7 } from './quantile';
import { tQuantileAt } from './tails';
import type { CategoricalValue, NumericValue } from './types';
import { wilsonInterval } from './wilson';

/**
 * Numeric summary as R reports it: sd with n − 1, quartiles by R's default type 7, and the t-based 95% CI
 * of the mean (= t.test(x)$conf.int). Fields are null when undefined for the data (no values; sd and CI
 * need n ≥ 2), with `reason` saying so.
 */
export interface NumericSummary {
  n: number;
  missing: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  min: number | null;
  max: number | null;
  ci: [number, number] | null;
  reason?: string;
}

export function describeNumeric(input: ReadonlyArray<NumericValue>, confidence = 0.95): NumericSummary {
  const { values, missing } = splitNumbers(input);
  return describePresentNumbers(values, missing, confidence);
}

/**
 * describeNumeric of values already split from `missing` missing ones (none of `values` is missing); `moments`,
 * when given, are momentsOf(values), worked out by the caller for other figures too.
 */
export function describePresentNumbers(
  values: readonly number[],
  missing: number,
  confidence = 0.95,
  moments?: Moments,
): NumericSummary {
  return describeSortedNumbers(values, values.length === 0 ? [] : ascending(values), missing, confidence, moments);
}

/** describePresentNumbers given the values also in ascending order (as `ascending` sorts them). */
export function describeSortedNumbers(
  values: readonly number[],
  sorted: readonly number[],
  missing: number,
  confidence = 0.95,
  moments?: Moments,
): NumericSummary {
  const n = values.length;
  if (n === 0) {
    return {
      n,
      missing,
      mean: null,
      sd: null,
      median: null,
      q1: null,
      q3: null,
      iqr: null,
      min: null,
      max: null,
      ci: null,
      reason: 'no non-missing values',
    };
  }
  const m = moments ? moments.mean : mean(values);
  const q1 = quantileType7(sorted, 0.25);
  const q3 = quantileType7(sorted, 0.75);
  const summary: NumericSummary = {
    n,
    missing,
    mean: m,
    sd: null,
    median: quantileType7(sorted, 0.5),
    q1,
    q3,
    iqr: q3 - q1,
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    ci: null,
  };
  if (n < 2) return { ...summary, reason: 'fewer than 2 observations: sd and CI undefined' };
  const sd = Math.sqrt(moments ? moments.variance : variance(values));
  const half = tQuantileAt(1 - (1 - confidence) / 2, n - 1) * (sd / Math.sqrt(n));
  return { ...summary, sd, ci: [m - half, m + half] };
}

export interface LevelSummary {
  level: string;
  count: number;
  /** Share of the non-missing observations, 0–1 (the scale of `ci`); null when there are none. */
  proportion: number | null;
  /** Wilson 95% CI of the proportion on the 0–1 scale (= prop.test(count, n, correct = FALSE)$conf.int). */
  ci: [number, number] | null;
}

export interface CategoricalSummary {
  n: number;
  missing: number;
  levels: LevelSummary[];
}

/**
 * Counts per level with Wilson CIs. Levels come in the order given by `levels` (e.g. a Likert scale, so
 * empty levels still show with count 0); labels not in that list follow in order of first appearance.
 * Without `levels`, order of first appearance is kept.
 */
export function describeCategorical(
  input: ReadonlyArray<CategoricalValue>,
  levels: ReadonlyArray<string> = [],
  confidence = 0.95,
): CategoricalSummary {
  const counts = new Map<string, number>();
  for (const level of levels) counts.set(level, 0);
  let missing = 0;
  for (const value of input) {
    if (isMissingLabel(value)) missing++;
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const n = input.length - missing;
  return {
    n,
    missing,
    levels: [...counts].map(([level, count]) => ({
      level,
      count,
      proportion: n === 0 ? null : count / n,
      ci: wilsonInterval(count, n, confidence),
    })),
  };
}
