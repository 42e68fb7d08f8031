import { isMissingLabel } from './missing';
import type { CategoricalValue } from './types';

export interface KappaResult {
  name: 'cohens-kappa';
  /** null when undefined (no pairs, or chance agreement is 1: both coders used one and the same category). */
  value: number | null;
  observedAgreement: number | null;
  expectedAgreement: number | null;
  /** Units rated by both coders. */
  n: number;
  /** Units where either rating is missing (left out pairwise). */
  missing: number;
  reason?: string;
}

/**
 * Unweighted Cohen's κ for two coders over the same units (= irr::kappa2(..., "unweighted")):
 * (p_o − p_e) / (1 − p_e), p_e from each coder's own marginal distribution.
 */
export function cohensKappa(
  first: ReadonlyArray<CategoricalValue>,
  second: ReadonlyArray<CategoricalValue>,
): KappaResult {
  if (first.length !== second.length) throw new Error('cohensKappa: the two coders rated different numbers of units');
  const base = { name: 'cohens-kappa' as const };
  const firstCounts = new Map<string, number>();
  const secondCounts = new Map<string, number>();
  let agreements = 0;
  let n = 0;
  let missing = 0;
  first.forEach((a, i) => {
    const b = second[i];
    if (isMissingLabel(a) || isMissingLabel(b)) {
      missing++;
      return;
    }
    n++;
    if (a === b) agreements++;
    firstCounts.set(a, (firstCounts.get(a) ?? 0) + 1);
    secondCounts.set(b, (secondCounts.get(b) ?? 0) + 1);
  });
  if (n === 0)
    return {
      ...base,
      value: null,
      observedAgreement: null,
      expectedAgreement: null,
      n,
      missing,
      reason: 'no unit rated by both coders',
    };
  const observed = agreements / n;
  let expected = 0;
  for (const [category, count] of firstCounts) expected += (count / n) * ((secondCounts.get(category) ?? 0) / n);
  if (expected === 1) {
    return {
      ...base,
      value: null,
      observedAgreement: observed,
      expectedAgreement: expected,
      n,
      missing,
      reason: 'both coders used a single, identical category: κ undefined',
    };
  }
  return {
    ...base,
    value: (observed - expected) / (1 - expected),
    observedAgreement: observed,
    expectedAgreement: expected,
    n,
    missing,
  };
}
