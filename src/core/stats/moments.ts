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
