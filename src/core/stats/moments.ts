import { mean as simpleMean, sampleVariance } from 'simple-statistics';

/**
 * Mean and sample variance (n − 1) come from simple-statistics, the project's descriptives library.
 * Its two-pass variance agrees with R's var() to ~1e-15 relative, well inside the 1e-9 the tests demand.
 * (Its quantiles, t-test and normal CDF do not match R; see README.md in this folder for what we use instead.)
 */
// simple-statistics only reads its input; it is typed as a mutable array, so the casts below spare a copy.
export function mean(values: ReadonlyArray<number>): number {
  return values.length === 0 ? NaN : simpleMean(values as number[]);
}

export function variance(values: ReadonlyArray<number>): number {
  return values.length < 2 ? NaN : sampleVariance(values as number[]);
}

/**
 * A sample's size, mean (NaN without values) and variance (n − 1; NaN with fewer than two values): what the
 * descriptives, the t-test and the standardized mean difference each work out from the same values. A
 * comparison of two groups computes them once per group and hands them to each (a report compares every
 * numeric variable by every code: 20 × 48 comparisons in a big study).
 */
export interface Moments {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
}

export function momentsOf(values: ReadonlyArray<number>): Moments {
  return { n: values.length, mean: mean(values), variance: variance(values) };
}
