import { normalQuantileAt } from './tails';

/**
 * Wilson score interval for x successes in n trials, exactly as R's prop.test(x, n, correct = FALSE)$conf.int
 * (including its clamping at 0 and 1). Returns null when n is 0.
 */
export function wilsonInterval(x: number, n: number, confidence = 0.95): [number, number] | null {
  if (n <= 0) return null;
  const z = normalQuantileAt((1 + confidence) / 2);
  const estimate = x / n;
  const z22n = (z * z) / (2 * n);
  const spread = (p: number): number => z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const upper = estimate >= 1 ? 1 : (estimate + z22n + spread(estimate)) / (1 + 2 * z22n);
  const lower = estimate <= 0 ? 0 : (estimate + z22n - spread(estimate)) / (1 + 2 * z22n);
  return [Math.max(lower, 0), Math.min(upper, 1)];
}
