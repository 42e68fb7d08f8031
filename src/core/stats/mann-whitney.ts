import { splitNumbers } from './missing';
import { averageRanks, tieSum } from './ranks';
import { normalLowerP } from './tails';
import type { NumericValue, TestResult } from './types';
import { wilcoxonLowerP, wilcoxonUpperP } from './wilcoxon-exact';

export interface MannWhitneyResult extends TestResult {
  name: 'mann-whitney';
  /** True when the p-value is exact (both n < 50, no ties), false for the normal approximation. */
  exact: boolean | null;
}

// R's wilcox.test computes exact p-values only below this size per group.
const EXACT_LIMIT = 50;

/**
 * wilcox.test(x, y) two-sided, as R does it: W = U of the first group (rank sum of x − nx(nx+1)/2);
 * exact p when both groups have fewer than 50 values and there are no ties, otherwise the normal
 * approximation with continuity correction and tie-corrected variance.
 */
export function mannWhitney(
  xInput: ReadonlyArray<NumericValue>,
  yInput: ReadonlyArray<NumericValue>,
): MannWhitneyResult {
  const x = splitNumbers(xInput);
  const y = splitNumbers(yInput);
  const nx = x.values.length;
  const ny = y.values.length;
  const base = { name: 'mann-whitney' as const, n: nx + ny, missing: x.missing + y.missing };
  if (nx < 1 || ny < 1)
    return { ...base, statistic: null, p: null, exact: null, reason: 'a group has no observations' };
  const { ranks, tieSizes } = averageRanks([...x.values, ...y.values]);
  let rankSumX = 0;
  for (let i = 0; i < nx; i++) rankSumX += ranks[i] as number;
  return mannWhitneyOfRanks(nx, ny, rankSumX, tieSizes, base.missing);
}

/**
 * mannWhitney from the two samples' sizes (both at least 1), the first sample's rank sum among both samples
 * (average ranks) and the sizes of the tie groups of both together: for callers that rank once for many
 * splits of the same values (pooledRanks).
 */
export function mannWhitneyOfRanks(
  nx: number,
  ny: number,
  rankSumX: number,
  tieSizes: readonly number[],
  missing: number,
): MannWhitneyResult {
  const base = { name: 'mann-whitney' as const, n: nx + ny, missing };
  const w = rankSumX - (nx * (nx + 1)) / 2;
  const ties = tieSizes.length !== nx + ny;
  if (nx < EXACT_LIMIT && ny < EXACT_LIMIT && !ties) {
    const oneSided = w > (nx * ny) / 2 ? wilcoxonUpperP(w - 1, nx, ny) : wilcoxonLowerP(w, nx, ny);
    return { ...base, statistic: w, p: Math.min(2 * oneSided, 1), exact: true };
  }
  const total = nx + ny;
  const sigma = Math.sqrt(((nx * ny) / 12) * (total + 1 - tieSum(tieSizes) / (total * (total - 1))));
  if (sigma === 0) return { ...base, statistic: w, p: null, exact: false, reason: 'constant data' };
  const centred = w - (nx * ny) / 2;
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  const p = 2 * Math.min(normalLowerP(z), normalLowerP(-z));
  return { ...base, statistic: w, p, exact: false };
}
