/**
 * Exact null distribution of the Mann–Whitney U (R's W) without ties: the number of ways to reach each U,
 * by the standard recurrence over (m, n) built up one observation at a time. Counts stay exact in doubles
 * up to R's own limit (both n < 50).
 */
function countsOfU(m: number, n: number): number[] {
  // f[k][u]: number of arrangements of k x's and j y's with U = u, computed for j = n by growing j.
  // Recurrence: c(u; k, j) = c(u − j; k − 1, j) + c(u; k, j − 1).
  let previous: number[][] = [];
  for (let k = 0; k <= m; k++) previous.push(k === 0 ? [1] : [1]); // j = 0: only U = 0
  for (let j = 1; j <= n; j++) {
    const current: number[][] = [[1]];
    for (let k = 1; k <= m; k++) {
      const size = k * j + 1;
      const row = new Array<number>(size).fill(0);
      const withoutY = previous[k] as number[];
      const withoutX = current[k - 1] as number[];
      for (let u = 0; u < size; u++) {
        const a = u - j >= 0 && u - j < withoutX.length ? (withoutX[u - j] as number) : 0;
        const b = u < withoutY.length ? (withoutY[u] as number) : 0;
        row[u] = a + b;
      }
      current.push(row);
    }
    previous = current;
  }
  return previous[m] as number[];
}

/** P(U ≤ q) for sample sizes m (first group) and n: R's pwilcox(q, m, n). */
export function wilcoxonLowerP(q: number, m: number, n: number): number {
  const counts = countsOfU(m, n);
  let total = 0;
  let below = 0;
  for (let u = 0; u < counts.length; u++) {
    total += counts[u] as number;
    if (u <= q) below += counts[u] as number;
  }
  return below / total;
}

/** P(U > q): R's pwilcox(q, m, n, lower.tail = FALSE). */
export function wilcoxonUpperP(q: number, m: number, n: number): number {
  const counts = countsOfU(m, n);
  let total = 0;
  let above = 0;
  for (let u = 0; u < counts.length; u++) {
    total += counts[u] as number;
    if (u > q) above += counts[u] as number;
  }
  return above / total;
}
