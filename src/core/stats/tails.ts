/**
 * Tail probabilities and quantiles, all from @stdlib (tested against R), wrapped so each test reads as R does.
 * Upper tails use forms that stay accurate for tiny p-values instead of 1 − cdf.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import fCdf from '@stdlib/stats-base-dists-f-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import gammainc from '@stdlib/math-base-special-gammainc';

/** 2·P(T ≤ −|t|): R's two-sided p of t.test. */
export function tTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** qt(p, df), remembered: a report asks for the same few (0.975, df) thousands of times, each an iterative search. */
export function tQuantileAt(p: number, df: number): number {
  const key = `${p} ${df}`;
  let quantile = tQuantiles.get(key);
  if (quantile === undefined) {
    if (tQuantiles.size >= T_QUANTILES_KEPT) tQuantiles.clear();
    tQuantiles.set(key, (quantile = tQuantile(p, df)));
  }
  return quantile;
}

const T_QUANTILES_KEPT = 10_000;
const tQuantiles = new Map<string, number>();

/** P(X² > x) for X² ~ χ²(df): the regularized upper incomplete gamma Q(df/2, x/2). */
export function chiSquareUpperP(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/** P(F > f) for F ~ F(df1, df2), via P(F(df2, df1) < 1/f), which keeps precision for tiny p. */
export function fUpperP(f: number, df1: number, df2: number): number {
  if (f <= 0) return 1;
  return fCdf(1 / f, df2, df1);
}

/** pnorm(z) for the standard normal. */
export function normalLowerP(z: number): number {
  return normalCdf(z, 0, 1);
}

/** qnorm(p) for the standard normal. */
export function normalQuantileAt(p: number): number {
  return normalQuantile(p, 0, 1);
}
