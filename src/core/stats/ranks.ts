/** Average ranks (1-based) as R's rank(ties.method = "average"), plus the sizes of the tie groups. */
export function averageRanks(values: ReadonlyArray<number>): { ranks: number[]; tieSizes: number[] } {
  if (values.some((value) => Number.isNaN(value))) return averageRanksByOrder(values);
  // A typed array sorts numbers natively, several times faster than sorting indices with a comparator
  // (codes × numeric variables × participants in a big report); equal values share their average rank,
  // so where each one came from does not matter.
  const sorted = new Float64Array(values).sort();
  const rankOf = new Map<number, number>();
  const tieSizes: number[] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[start]) end++;
    rankOf.set(sorted[start] as number, (start + end + 2) / 2);
    tieSizes.push(end - start + 1);
    start = end + 1;
  }
  return { ranks: values.map((value) => rankOf.get(value) as number), tieSizes };
}

/** The same by sorting positions (NaN, which equals nothing, is its own tie group wherever it sorts). */
function averageRanksByOrder(values: ReadonlyArray<number>): { ranks: number[]; tieSizes: number[] } {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1] as number] === values[order[start] as number]) end++;
    const rank = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) ranks[order[k] as number] = rank;
    tieSizes.push(end - start + 1);
    start = end + 1;
  }
  return { ranks, tieSizes };
}

/** Σ (t³ − t) over tie groups: the tie correction shared by Wilcoxon and Kruskal–Wallis. */
export function tieSum(tieSizes: ReadonlyArray<number>): number {
  let sum = 0;
  for (const t of tieSizes) sum += t * t * t - t;
  return sum;
}

/**
 * The present values of a column (null: missing) ranked once for many two-sample comparisons of its rows:
 * the rows holding a value in ascending order of value, each row's average rank among all the values, and
 * the tie group sizes. Split the rows into two samples in any way and a sample's ranks among both are
 * these ranks, its values in ascending order are `order`'s values in that sample, and the tie groups of
 * both together are these. Undefined when a value is NaN or −0, which native and comparator sorts order
 * differently; the caller then ranks each comparison on its own.
 */
export interface PooledRanks {
  /** Rows holding a value, in ascending order of value (equal values in row order). */
  readonly order: Int32Array;
  /** Average rank (1-based) of each row's value among all the values; 0 for a row without one. */
  readonly rank: Float64Array;
  readonly tieSizes: readonly number[];
}

export function pooledRanks(values: readonly (number | null)[]): PooledRanks | undefined {
  const rows: number[] = [];
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value === null || value === undefined) continue;
    if (Number.isNaN(value) || Object.is(value, -0)) return undefined;
    rows.push(row);
  }
  const order = Int32Array.from(rows).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const rank = new Float64Array(values.length);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1] as number] === values[order[start] as number]) end++;
    const average = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) rank[order[k] as number] = average;
    tieSizes.push(end - start + 1);
    start = end + 1;
  }
  return { order, rank, tieSizes };
}
