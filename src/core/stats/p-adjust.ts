/**
 * p.adjust(p, "holm") and p.adjust(p, "BH") as in R. Missing p-values (null) stay null and, as in R,
 * do not count towards the number of comparisons.
 */
export type AdjustMethod = 'holm' | 'BH';

export function adjustPValues(pValues: ReadonlyArray<number | null>, method: AdjustMethod): (number | null)[] {
  const present = pValues.flatMap((p, index) => (p === null || Number.isNaN(p) ? [] : [{ p, index }]));
  const m = present.length;
  const result: (number | null)[] = pValues.map(() => null);
  if (m === 0) return result;
  if (method === 'holm') {
    const order = [...present].sort((x, y) => x.p - y.p); // stable, like R's order()
    let running = 0;
    order.forEach(({ p, index }, i) => {
      running = Math.max(running, (m - i) * p);
      result[index] = Math.min(1, running);
    });
  } else {
    const order = [...present].sort((x, y) => y.p - x.p);
    let running = Infinity;
    order.forEach(({ p, index }, i) => {
      running = Math.min(running, (m / (m - i)) * p);
      result[index] = Math.min(1, running);
    });
  }
  return result;
}
