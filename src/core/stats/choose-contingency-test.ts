import { chiSquareTest, type ChiSquareResult } from './chi-square';
import { fisherExact, type FisherExactResult } from './fisher-exact';
import type { CountTable } from './types';

/** The usual reporting rule: Pearson's χ² (Yates for 2 × 2) when every expected count is ≥ 5, else Fisher. */
export function chooseContingencyTest(table: CountTable): ChiSquareResult | FisherExactResult {
  const chi = chiSquareTest(table);
  if (chi.expected && chi.p !== null && chi.expected.every((row) => row.every((e) => e >= 5))) return chi;
  if (!chi.expected) return chi; // malformed table: the χ² result carries the reason
  return fisherExact(table);
}
