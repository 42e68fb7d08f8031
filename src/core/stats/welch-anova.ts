import { splitNumbers } from './missing';
import { mean, variance } from './moments';
import { fUpperP } from './tails';
import type { NumericValue, TestResult } from './types';

export interface WelchAnovaResult extends TestResult {
  name: 'welch-anova';
  df?: [number, number];
}

/**
 * oneway.test(y ~ g) with R's default var.equal = FALSE (Welch's heteroscedastic one-way ANOVA).
 * `groups` holds one array of values per group; empty groups are ignored as R ignores unused levels.
 */
export function welchAnova(groups: ReadonlyArray<ReadonlyArray<NumericValue>>): WelchAnovaResult {
  const split = groups.map(splitNumbers).filter((g) => g.values.length > 0 || g.missing > 0);
  const present = split.filter((g) => g.values.length > 0);
  const n = present.reduce((sum, g) => sum + g.values.length, 0);
  const missing = split.reduce((sum, g) => sum + g.missing, 0);
  const base = { name: 'welch-anova' as const, n, missing };
  const k = present.length;
  if (k < 2) return { ...base, statistic: null, p: null, reason: 'fewer than 2 groups with observations' };
  if (present.some((g) => g.values.length < 2)) {
    return { ...base, statistic: null, p: null, reason: 'fewer than 2 observations per group' };
  }
  const sizes = present.map((g) => g.values.length);
  const means = present.map((g) => mean(g.values));
  const variances = present.map((g) => variance(g.values));
  if (variances.some((v) => v === 0)) {
    return { ...base, statistic: null, p: null, reason: 'constant data within a group (zero variance)' };
  }
  const weights = sizes.map((size, i) => size / (variances[i] as number));
  const sumWeights = weights.reduce((a, b) => a + b, 0);
  let tmp = 0;
  for (let i = 0; i < k; i++) tmp += (1 - (weights[i] as number) / sumWeights) ** 2 / ((sizes[i] as number) - 1);
  tmp /= k * k - 1;
  let grand = 0;
  for (let i = 0; i < k; i++) grand += (weights[i] as number) * (means[i] as number);
  grand /= sumWeights;
  let between = 0;
  for (let i = 0; i < k; i++) between += (weights[i] as number) * ((means[i] as number) - grand) ** 2;
  const statistic = between / ((k - 1) * (1 + 2 * (k - 2) * tmp));
  const df: [number, number] = [k - 1, 1 / (3 * tmp)];
  return { ...base, statistic, df, p: fUpperP(statistic, df[0], df[1]) };
}
