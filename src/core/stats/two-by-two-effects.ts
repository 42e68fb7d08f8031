import { tableProblem } from './contingency-table';
import { normalQuantileAt } from './tails';
import type { CountTable, EffectSize } from './types';
import { wilsonInterval } from './wilson';

/*
 * Effect sizes of a 2 × 2 table laid out as R does: rows are the two groups, the first column is the
 * outcome of interest ("mentions the code"), the second its absence:
 *            outcome  no outcome
 *   group 1     a         b
 *   group 2     c         d
 */

function cells(table: CountTable): [number, number, number, number] | string {
  const problem = tableProblem(table);
  if (problem) return problem;
  if (table.length !== 2 || (table[0] as ReadonlyArray<number>).length !== 2) return 'needs a 2 × 2 table';
  const [[a, b], [c, d]] = table as [[number, number], [number, number]];
  return [a, b, c, d];
}

/**
 * Sample odds ratio ad/bc with Woolf's logit 95% CI, exp(log OR ± z·sqrt(1/a + 1/b + 1/c + 1/d)).
 * Undefined (null with a reason) when a cell is 0; fisherExact's conditional MLE handles that case.
 */
export function oddsRatio(table: CountTable, confidence = 0.95): EffectSize {
  const split = cells(table);
  const base = { name: 'odds-ratio' as const, ciMethod: 'Woolf (logit)', missing: 0 };
  if (typeof split === 'string') return { ...base, value: null, ci: null, n: 0, reason: split };
  const [a, b, c, d] = split;
  const n = a + b + c + d;
  if (a === 0 || b === 0 || c === 0 || d === 0) {
    return {
      ...base,
      value: null,
      ci: null,
      n,
      reason: 'a cell is 0: sample odds ratio undefined (see the conditional MLE of fisherExact)',
    };
  }
  const value = (a * d) / (b * c);
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const z = normalQuantileAt(1 - (1 - confidence) / 2);
  return { ...base, value, ci: [Math.exp(Math.log(value) - z * se), Math.exp(Math.log(value) + z * se)], n };
}

/**
 * Risk difference a/(a+b) − c/(c+d) with Newcombe's hybrid score 95% CI (Newcombe 1998, method 10), built
 * from the two Wilson intervals; unlike the Wald interval it stays inside [−1, 1] and works with zero cells.
 */
export function riskDifference(table: CountTable, confidence = 0.95): EffectSize {
  const split = cells(table);
  const base = { name: 'risk-difference' as const, ciMethod: 'Newcombe hybrid score (Wilson)', missing: 0 };
  if (typeof split === 'string') return { ...base, value: null, ci: null, n: 0, reason: split };
  const [a, b, c, d] = split;
  const n1 = a + b;
  const n2 = c + d;
  const n = n1 + n2;
  const w1 = wilsonInterval(a, n1, confidence);
  const w2 = wilsonInterval(c, n2, confidence);
  if (!w1 || !w2) return { ...base, value: null, ci: null, n, reason: 'a group has no observations' };
  const p1 = a / n1;
  const p2 = c / n2;
  const value = p1 - p2;
  const [l1, u1] = w1;
  const [l2, u2] = w2;
  const lower = value - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const upper = value + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return { ...base, value, ci: [lower, upper], n };
}
