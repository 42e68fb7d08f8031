import { splitNumbers } from './missing';
import { mean, momentsOf, variance, type Moments } from './moments';
import { tQuantileAt, tTwoSidedP } from './tails';
import type { NumericValue, TestResult } from './types';

/** t-test result: R's t.test estimate (mean, or difference of means x − y) and its CI. */
export interface TTestResult extends TestResult {
  name: 'one-sample-t' | 'welch-t' | 'student-t';
  df?: number;
  /** Mean of x (one sample) or mean(x) − mean(y). null when there are no observations. */
  estimate: number | null;
  ci: [number, number] | null;
}

// R refuses data whose standard error is below this fraction of the means ("data are essentially constant").
const ESSENTIALLY_CONSTANT = 10 * Number.EPSILON;

function finish(
  base: Omit<TTestResult, 'statistic' | 'p' | 'ci'>,
  difference: number,
  stderr: number,
  df: number,
  confidence: number | null,
): TTestResult {
  const statistic = difference / stderr;
  if (confidence === null) return { ...base, statistic, df, p: tTwoSidedP(statistic, df), ci: null };
  const half = tQuantileAt(1 - (1 - confidence) / 2, df) * stderr;
  const estimate = base.estimate as number;
  return { ...base, statistic, df, p: tTwoSidedP(statistic, df), ci: [estimate - half, estimate + half] };
}

/** t.test(x, mu = mu): two-sided one-sample t-test. */
export function oneSampleTTest(input: ReadonlyArray<NumericValue>, mu = 0, confidence = 0.95): TTestResult {
  const { values, missing } = splitNumbers(input);
  const n = values.length;
  const estimate = n === 0 ? null : mean(values);
  const base = { name: 'one-sample-t' as const, n, missing, estimate };
  if (n < 2) return { ...base, statistic: null, p: null, ci: null, reason: 'fewer than 2 observations' };
  const m = estimate as number;
  const stderr = Math.sqrt(variance(values) / n);
  if (stderr < ESSENTIALLY_CONSTANT * Math.abs(m) || stderr === 0) {
    return { ...base, statistic: null, p: null, ci: null, reason: 'constant data' };
  }
  return finish(base, m - mu, stderr, n - 1, confidence);
}

/**
 * t.test(x, y): two-sided two-sample t-test, Welch by default (R's default), pooled variance with
 * `equalVariances: true` (t.test(..., var.equal = TRUE)).
 */
export function twoSampleTTest(
  xInput: ReadonlyArray<NumericValue>,
  yInput: ReadonlyArray<NumericValue>,
  options: { equalVariances?: boolean; confidence?: number } = {},
): TTestResult {
  const x = splitNumbers(xInput);
  const y = splitNumbers(yInput);
  return twoSampleTTestOfMoments(momentsOf(x.values), momentsOf(y.values), x.missing + y.missing, options);
}

/**
 * twoSampleTTest of two samples given by their moments (of their present values) and their missing count.
 * `confidence: null` leaves the CI out (null): a caller that keeps only t, df and p saves the t quantile, an
 * iterative search at Welch's fractional df (a report makes a thousand such tests).
 */
export function twoSampleTTestOfMoments(
  x: Moments,
  y: Moments,
  missing: number,
  options: { equalVariances?: boolean; confidence?: number | null } = {},
): TTestResult {
  const pooled = options.equalVariances ?? false;
  const confidence = options.confidence === undefined ? 0.95 : options.confidence;
  const nx = x.n;
  const ny = y.n;
  const mx = nx === 0 ? NaN : x.mean;
  const my = ny === 0 ? NaN : y.mean;
  const base = {
    name: pooled ? ('student-t' as const) : ('welch-t' as const),
    n: nx + ny,
    missing,
    estimate: nx === 0 || ny === 0 ? null : mx - my,
  };
  const undefinedTest = (reason: string): TTestResult => ({ ...base, statistic: null, p: null, ci: null, reason });
  // Same preconditions as R: Welch needs 2 per group; pooled needs 1 per group and 3 overall.
  if (!pooled && (nx < 2 || ny < 2)) return undefinedTest('fewer than 2 observations per group');
  if (pooled && (nx < 1 || ny < 1 || nx + ny < 3))
    return undefinedTest('too few observations (need ≥ 1 per group and ≥ 3 in all)');
  const vx = nx > 1 ? x.variance : 0;
  const vy = ny > 1 ? y.variance : 0;
  let stderr: number;
  let df: number;
  if (pooled) {
    df = nx + ny - 2;
    const v = ((nx - 1) * vx + (ny - 1) * vy) / df;
    stderr = Math.sqrt(v * (1 / nx + 1 / ny));
  } else {
    const sx2 = vx / nx;
    const sy2 = vy / ny;
    stderr = Math.sqrt(sx2 + sy2);
    df = stderr ** 4 / (sx2 ** 2 / (nx - 1) + sy2 ** 2 / (ny - 1));
  }
  if (stderr === 0 || stderr < ESSENTIALLY_CONSTANT * Math.max(Math.abs(mx), Math.abs(my))) {
    return undefinedTest('constant data');
  }
  return finish(base, mx - my, stderr, df, confidence);
}
