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
  // A typed array sorts natively, several times faster than a comparator. It orders −0 before 0 where the
  // comparator keeps them as given, so values with a −0 (or a NaN, which the comparator leaves in place)
  // take the comparator, and the result is the same array either way.
  if (values.some((value) => Number.isNaN(value) || Object.is(value, -0))) return [...values].sort((a, b) => a - b);
  const sorted = new Float64Array(values).sort();
  const result = new Array<number>(sorted.length);
  for (let i = 0; i < sorted.length; i++) result[i] = sorted[i] as number;
  return result;
}
