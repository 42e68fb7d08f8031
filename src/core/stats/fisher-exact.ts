import { margins, tableProblem } from './contingency-table';
import { fisherRxCPValue, DEFAULT_MAX_FISHER_WORK } from './fisher-rxc';
import { NoncentralHypergeometric } from './noncentral-hypergeometric';
import type { CountTable, EffectSize, TestResult } from './types';
import { uniroot } from './zeroin';

export interface FisherExactResult extends TestResult {
  name: 'fisher-exact';
  /** Fisher's test has no test statistic; always null. */
  statistic: null;
  /**
   * 2 × 2 only: R's conditional maximum-likelihood odds ratio and its exact conditional 95% CI
   * (fisher.test()$estimate and $conf.int). May be 0 or Infinity (JSON.stringify writes Infinity as null).
   */
  oddsRatio: EffectSize | null;
}

// R counts tables "as or less likely" with this relative slack so that ties lost to rounding still count.
const RELATIVE_SLACK = 1 + 1e-7;

/**
 * fisher.test(table), two-sided. 2 × 2: p sums the probabilities ≤ p_obs·(1 + 1e-7) of the conditional
 * hypergeometric, with R's conditional MLE odds ratio and exact CI. r × c: exact enumeration over all tables
 * with the same margins (same p as R's network algorithm; see fisher-rxc.ts); when that would take more
 * than `maxWork` steps (default DEFAULT_MAX_FISHER_WORK, a few seconds at most) p is null with a reason.
 */
export function fisherExact(
  table: CountTable,
  options: { maxWork?: number; confidence?: number } = {},
): FisherExactResult {
  const problem = tableProblem(table);
  const total = problem ? 0 : margins(table).total;
  const base = { name: 'fisher-exact' as const, statistic: null, n: total, missing: 0 };
  if (problem) return { ...base, p: null, oddsRatio: null, reason: problem };
  if (table.length === 2 && (table[0] as ReadonlyArray<number>).length === 2) {
    return fisher2x2(table, base, options.confidence ?? 0.95);
  }
  return fisherRxC(table, base, options.maxWork ?? DEFAULT_MAX_FISHER_WORK);
}

type Base = { name: 'fisher-exact'; statistic: null; n: number; missing: number };

function fisher2x2(table: CountTable, base: Base, confidence: number): FisherExactResult {
  const [[a, b], [c, d]] = table as [[number, number], [number, number]];
  const dist = new NoncentralHypergeometric(a + c, b + d, a + b);
  const { lo, hi } = dist;
  const density = dist.density(1);
  const observed = (density[a - lo] as number) * RELATIVE_SLACK;
  const p = density.filter((q) => q <= observed).reduce((s, q) => s + q, 0);

  // The helpers below mirror fisher.test's mle, ncp.U and ncp.L, uniroot calls included.
  const mle = (): number => {
    if (a === lo) return 0;
    if (a === hi) return Infinity;
    const mu = dist.mean(1);
    if (mu > a) return uniroot((t) => dist.mean(t) - a, 0, 1);
    if (mu < a) return 1 / uniroot((t) => dist.mean(1 / t) - a, Number.EPSILON, 1);
    return 1;
  };
  const upper = (alpha: number): number => {
    if (a === hi) return Infinity;
    const q = dist.tail(a, 1, false);
    if (q < alpha) return uniroot((t) => dist.tail(a, t, false) - alpha, 0, 1);
    if (q > alpha) return 1 / uniroot((t) => dist.tail(a, 1 / t, false) - alpha, Number.EPSILON, 1);
    return 1;
  };
  const lower = (alpha: number): number => {
    if (a === lo) return 0;
    const q = dist.tail(a, 1, true);
    if (q > alpha) return uniroot((t) => dist.tail(a, t, true) - alpha, 0, 1);
    if (q < alpha) return 1 / uniroot((t) => dist.tail(a, 1 / t, true) - alpha, Number.EPSILON, 1);
    return 1;
  };
  const alpha = (1 - confidence) / 2;
  const oddsRatio: EffectSize = {
    name: 'conditional-mle-odds-ratio',
    value: mle(),
    ci: [lower(alpha), upper(alpha)],
    ciMethod: 'exact conditional (R fisher.test)',
    n: base.n,
    missing: 0,
  };
  return { ...base, p: Math.min(1, p), oddsRatio };
}

function fisherRxC(table: CountTable, base: Base, maxWork: number): FisherExactResult {
  const p = fisherRxCPValue(table, maxWork);
  if (p === null) {
    return {
      ...base,
      p: null,
      oddsRatio: null,
      reason: 'table too large for exact enumeration (more than maxWork steps); use chi-square or a simulated p-value',
    };
  }
  return { ...base, p, oddsRatio: null };
}
