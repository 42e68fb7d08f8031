/**
 * R's default quantile (type 7) on an ascending-sorted array, written the way R's quantile.default
 * computes it so that results agree to the last bit ((1 − h)·lo + h·hi, not lo + h·(hi − lo)).
 */
export function quantileType7(sorted: ReadonlyArray<number>, probability: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const index = 1 + Math.max(n - 1, 0) * probability; // 1-based, as in R
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const low = sorted[lo - 1] as number;
  const high = sorted[hi - 1] as number;
  if (!(index > lo) || high === low) return low;
  const h = index - lo;
  return (1 - h) * low + h * high;
}

export function ascending(values: ReadonlyArray<number>): number[] {
  return [...values].sort((a, b) => a - b);
}
