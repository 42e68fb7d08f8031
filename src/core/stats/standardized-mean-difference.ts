import { splitNumbers } from './missing';
import { momentsOf, type Moments } from './moments';
import { normalQuantileAt } from './tails';
import type { EffectSize, NumericValue } from './types';

export const SMD_CI_METHOD = 'Hedges & Olkin (1985) large-sample SE: sqrt((n1+n2)/(n1·n2) + es²/(2(n1+n2))), es ± z·SE';

/**
 * Cohen's d (mean(x) − mean(y) over the pooled SD, n − 1 weights) or Hedges' g (d × J with
 * J = 1 − 3/(4(n1+n2) − 9), Hedges 1981), each with the Hedges & Olkin normal-approximation 95% CI
 * computed from that same estimate (the formulas of R's esc/metafor packages; verified with base R).
 */
export function standardizedMeanDifference(
  xInput: ReadonlyArray<NumericValue>,
  yInput: ReadonlyArray<NumericValue>,
  kind: 'cohens-d' | 'hedges-g',
  confidence = 0.95,
): EffectSize {
  const x = splitNumbers(xInput);
  const y = splitNumbers(yInput);
  return standardizedMeanDifferenceOfMoments(
    momentsOf(x.values),
    momentsOf(y.values),
    x.missing + y.missing,
    kind,
    confidence,
  );
}

/** standardizedMeanDifference of two samples given by their moments (of their present values) and missing count. */
export function standardizedMeanDifferenceOfMoments(
  x: Moments,
  y: Moments,
  missing: number,
  kind: 'cohens-d' | 'hedges-g',
  confidence = 0.95,
): EffectSize {
  const n1 = x.n;
  const n2 = y.n;
  const base = { name: kind, ciMethod: SMD_CI_METHOD, n: n1 + n2, missing };
  if (n1 < 2 || n2 < 2) return { ...base, value: null, ci: null, reason: 'fewer than 2 observations per group' };
  const pooledSd = Math.sqrt(((n1 - 1) * x.variance + (n2 - 1) * y.variance) / (n1 + n2 - 2));
  if (pooledSd === 0) return { ...base, value: null, ci: null, reason: 'constant data (pooled SD is 0)' };
  const d = (x.mean - y.mean) / pooledSd;
  const value = kind === 'hedges-g' ? d * (1 - 3 / (4 * (n1 + n2) - 9)) : d;
  const se = Math.sqrt((n1 + n2) / (n1 * n2) + (value * value) / (2 * (n1 + n2)));
  const z = normalQuantileAt(1 - (1 - confidence) / 2);
  return { ...base, value, ci: [value - z * se, value + z * se] };
}

export function cohensD(x: ReadonlyArray<NumericValue>, y: ReadonlyArray<NumericValue>, confidence = 0.95): EffectSize {
  return standardizedMeanDifference(x, y, 'cohens-d', confidence);
}

export function hedgesG(x: ReadonlyArray<NumericValue>, y: ReadonlyArray<NumericValue>, confidence = 0.95): EffectSize {
  return standardizedMeanDifference(x, y, 'hedges-g', confidence);
}
