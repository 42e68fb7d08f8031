import { chiSquareTest } from './chi-square';
import type { CountTable, EffectSize } from './types';

/**
 * Cramér's V = sqrt(X² / (n · (min(r, c) − 1))) from the uncorrected Pearson χ² (no Yates, as in
 * DescTools::CramerV / rcompanion). No CI: an exact one needs the noncentral χ², which we do not have.
 */
export function cramersV(table: CountTable): EffectSize {
  const chi = chiSquareTest(table, { correct: false });
  const base = { name: 'cramers-v' as const, ci: null, ciMethod: null, n: chi.n, missing: 0 };
  if (chi.statistic === null) return { ...base, value: null, reason: chi.reason ?? 'χ² undefined' };
  const smaller = Math.min(table.length, (table[0] as ReadonlyArray<number>).length);
  return { ...base, value: Math.sqrt(chi.statistic / (chi.n * (smaller - 1))) };
}
