import { splitNumbers } from './missing';
import { averageRanks, tieSum } from './ranks';
import { chiSquareUpperP } from './tails';
import type { NumericValue, TestResult } from './types';

export interface KruskalWallisResult extends TestResult {
  name: 'kruskal-wallis';
  df?: number;
}

/** kruskal.test(list(...)): tie-corrected H against χ²(k − 1); groups without observations are dropped. */
export function kruskalWallis(groups: ReadonlyArray<ReadonlyArray<NumericValue>>): KruskalWallisResult {
  const split = groups.map(splitNumbers);
  const present = split.filter((g) => g.values.length > 0);
  const all = present.flatMap((g) => g.values);
  const n = all.length;
  const missing = split.reduce((sum, g) => sum + g.missing, 0);
  const base = { name: 'kruskal-wallis' as const, n, missing };
  const k = present.length;
  if (k < 2) return { ...base, statistic: null, p: null, reason: 'fewer than 2 groups with observations' };
  const { ranks, tieSizes } = averageRanks(all);
  const correction = 1 - tieSum(tieSizes) / (n ** 3 - n);
  if (correction === 0) return { ...base, statistic: null, p: null, reason: 'constant data' };
  let sum = 0;
  let offset = 0;
  for (const group of present) {
    let rankSum = 0;
    for (let i = 0; i < group.values.length; i++) rankSum += ranks[offset + i] as number;
    sum += (rankSum * rankSum) / group.values.length;
    offset += group.values.length;
  }
  const statistic = ((12 * sum) / (n * (n + 1)) - 3 * (n + 1)) / correction;
  const df = k - 1;
  return { ...base, statistic, df, p: chiSquareUpperP(statistic, df) };
}
