/** Average ranks (1-based) as R's rank(ties.method = "average"), plus the sizes of the tie groups. */
export function averageRanks(values: ReadonlyArray<number>): { ranks: number[]; tieSizes: number[] } {
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
