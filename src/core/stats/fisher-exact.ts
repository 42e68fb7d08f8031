import factorialln from '@stdlib/math-base-special-factorialln';
import { margins, tableProblem } from './contingency-table';
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
  /** r × c: complete tables enumerated (undefined for 2 × 2, which needs no enumeration). */
  tablesEnumerated?: number;
}

// R counts tables "as or less likely" with this relative slack so that ties lost to rounding still count.
const RELATIVE_SLACK = 1 + 1e-7;
/** Default cap on the tables enumerated for r × c; past it the p-value is null with a reason. */
export const DEFAULT_MAX_TABLES = 2_000_000;

/**
 * fisher.test(table), two-sided. 2 × 2: p sums the probabilities ≤ p_obs·(1 + 1e-7) of the conditional
 * hypergeometric, with R's conditional MLE odds ratio and exact CI. r × c: exact enumeration of every table
 * with the same margins (the same definition of p that R's network algorithm computes); when there are
 * more than `maxTables` such tables the enumeration stops and p is null with a reason.
 */
export function fisherExact(table: CountTable, options: { maxTables?: number; confidence?: number } = {}): FisherExactResult {
  const problem = tableProblem(table);
  const total = problem ? 0 : margins(table).total;
  const base = { name: 'fisher-exact' as const, statistic: null, n: total, missing: 0 };
  if (problem) return { ...base, p: null, oddsRatio: null, reason: problem };
  if (table.length === 2 && (table[0] as ReadonlyArray<number>).length === 2) {
    return fisher2x2(table, base, options.confidence ?? 0.95);
  }
  return fisherRxC(table, base, options.maxTables ?? DEFAULT_MAX_TABLES);
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

function fisherRxC(table: CountTable, base: Base, maxTables: number): FisherExactResult {
  const { rows, columns, total } = margins(table);
  const constant =
    rows.reduce((s, r) => s + factorialln(r), 0) + columns.reduce((s, c) => s + factorialln(c), 0) - factorialln(total);
  const logProbability = (cells: ReadonlyArray<number>): number => cells.reduce((s, x) => s - factorialln(x), constant);
  const observed = logProbability(table.flat()) + Math.log(RELATIVE_SLACK);

  const r = rows.length;
  const c = columns.length;
  const remaining = [...rows];
  let enumerated = 0;
  let p = 0;
  let exceeded = false;
  // Fill column by column; within a column, each row's cell ranges over what its row and the column allow,
  // the last row takes the rest. The last column is whatever the rows still need.
  const fillColumn = (j: number, partial: number): void => {
    if (exceeded) return;
    if (j === c - 1) {
      let logP = partial;
      for (let i = 0; i < r; i++) logP -= factorialln(remaining[i] as number);
      enumerated++;
      if (enumerated > maxTables) {
        exceeded = true;
        return;
      }
      if (logP <= observed) p += Math.exp(logP);
      return;
    }
    const fillCell = (i: number, left: number, logP: number): void => {
      if (exceeded) return;
      if (i === r - 1) {
        if (left > (remaining[i] as number)) return;
        remaining[i] = (remaining[i] as number) - left;
        fillColumn(j + 1, logP - factorialln(left));
        remaining[i] = (remaining[i] as number) + left;
        return;
      }
      // What the rows below can still absorb bounds this cell from below.
      let below = 0;
      for (let k = i + 1; k < r; k++) below += remaining[k] as number;
      const from = Math.max(0, left - below);
      const to = Math.min(left, remaining[i] as number);
      for (let x = from; x <= to; x++) {
        remaining[i] = (remaining[i] as number) - x;
        fillCell(i + 1, left - x, logP - factorialln(x));
        remaining[i] = (remaining[i] as number) + x;
      }
    };
    fillCell(0, columns[j] as number, partial);
  };
  fillColumn(0, constant);
  if (exceeded) {
    return {
      ...base, p: null, oddsRatio: null, tablesEnumerated: maxTables,
      reason: `more than ${maxTables} tables share these margins: too large for exact enumeration (use chi-square or a simulated p-value)`,
    };
  }
  return { ...base, p: Math.min(1, p), oddsRatio: null, tablesEnumerated: enumerated };
}
