/** Mean and sample variance (n − 1) with R's two-pass refinement, so small differences from R stay ~1e-15. */
export function mean(values: ReadonlyArray<number>): number {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const first = sum / n;
  // R's mean adds the mean residual to absorb rounding in the first pass.
  let residual = 0;
  for (const v of values) residual += v - first;
  return first + residual / n;
}

export function variance(values: ReadonlyArray<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) * (v - m);
  return sum / (n - 1);
}
