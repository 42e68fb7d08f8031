import type { EffectSize, TestResult } from '../stats/index';
import type { Interval, ReportEffect, ReportTest, ReportTestName } from './report-types';

/** Infinity and NaN do not survive JSON (they become null silently): make that explicit with a reason. */
function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function finiteInterval(ci: [number, number] | null): Interval | null {
  if (!ci) return null;
  const [lo, hi] = ci;
  return Number.isNaN(lo) || Number.isNaN(hi) ? null : [lo, hi];
}

/**
 * A statistics-core test result as the report stores it. `missing` is the caller's count for the whole
 * comparison (the statistics functions only see the values already split into groups).
 */
export function reportTest(result: TestResult, missing: number, method?: string): ReportTest {
  const statistic = finite(result.statistic);
  const p = finite(result.p);
  const test: ReportTest = { name: result.name as ReportTestName, statistic, p, n: result.n, missing };
  if (
    result.df !== undefined &&
    (typeof result.df === 'number' ? Number.isFinite(result.df) : result.df.every(Number.isFinite))
  ) {
    test.df = typeof result.df === 'number' ? result.df : [result.df[0], result.df[1]];
  }
  if (method !== undefined) test.method = method;
  const reason = result.reason ?? (p === null && result.p !== null ? 'not a finite number' : undefined);
  if (reason !== undefined) test.reason = reason;
  return test;
}

/**
 * An effect size as the report stores it. An infinite estimate (an odds ratio with a zero cell) becomes
 * null with a reason; an infinite CI bound is kept out of JSON the same way (the interval becomes null).
 */
export function reportEffect(effect: EffectSize, missing: number, direction?: string): ReportEffect {
  const value = finite(effect.value);
  const ci = effect.ci && effect.ci.every(Number.isFinite) ? finiteInterval(effect.ci) : null;
  const result: ReportEffect = {
    name: effect.name as ReportEffect['name'],
    value,
    ci,
    ciMethod: ci ? effect.ciMethod : null,
    n: effect.n,
    missing,
  };
  if (direction !== undefined) result.direction = direction;
  if (effect.reason !== undefined) result.reason = effect.reason;
  else if (value === null && effect.value !== null) result.reason = 'not a finite number (a zero cell)';
  else if (effect.ci && !ci) result.reason = 'the CI is unbounded (a zero cell)';
  return result;
}
