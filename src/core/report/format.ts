import type { Interval, ReportEffect, ReportTest } from '../analysis/report-types';

/*
 * Number formatting shared by the Markdown and HTML renderers. Plain text out; each renderer escapes.
 * A minus sign (U+2212) rather than a hyphen, as journals typeset it; nulls as an em dash.
 */

export const NONE = '—';

export function num(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  const text = value.toFixed(digits);
  // -0.00 is 0.00: a sign on a rounded zero suggests a direction the data do not have.
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text.replace('-', '−');
}

/** Integers as they are, other numbers to `digits` decimals. */
export function count(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return NONE;
  return Number.isInteger(value) ? String(value).replace('-', '−') : num(value, digits);
}

/** A proportion (0–1, as the report carries shares) on the 0–100 scale a reader sees; null stays null. */
export function percentValue(proportion: number | null | undefined): number | null {
  return proportion === null || proportion === undefined ? null : proportion * 100;
}

/** A proportion (0–1) as a percentage: "40.0%". */
export function percent(proportion: number | null | undefined, digits = 2): string {
  const value = percentValue(proportion);
  return value === null ? NONE : `${num(value, digits)}%`;
}

/** A proportion CI (0–1) as percentages. */
export function percentCi(ci: Interval | null | undefined): string {
  return ci ? `${num(ci[0] * 100, 1)}–${num(ci[1] * 100, 1)}%` : NONE;
}

/** "lo to hi" (with "to", since a dash between negative numbers misreads). */
export function ci(interval: Interval | null | undefined, digits = 2): string {
  return interval ? `${num(interval[0], digits)} to ${num(interval[1], digits)}` : NONE;
}

export function pValue(p: number | null | undefined): string {
  if (p === null || p === undefined) return NONE;
  return p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`;
}

const TEST_LABELS: Record<ReportTest['name'], string> = {
  'welch-t': 'Welch t',
  'mann-whitney': 'Mann–Whitney W',
  'welch-anova': 'Welch F',
  'kruskal-wallis': 'Kruskal–Wallis H',
  'chi-square': 'χ²',
  'fisher-exact': "Fisher's exact",
};

/** "Welch t(38.80) = −0.35" (the statistic without p); "Fisher's exact" for a test without a statistic. */
export function testStatisticText(test: ReportTest): string {
  const label = TEST_LABELS[test.name];
  if (test.statistic === null) return label;
  const df =
    test.df === undefined
      ? ''
      : Array.isArray(test.df)
        ? `(${num(test.df[0], 0)}, ${num(test.df[1], 2)})`
        : `(${Number.isInteger(test.df) ? test.df : num(test.df, 2)})`;
  return `${label}${df} = ${test.name === 'mann-whitney' ? count(test.statistic, 1) : num(test.statistic)}`;
}

/** "Welch t(38.80) = −0.35, p = 0.726", or the test's name and why it did not run. */
export function testText(test: ReportTest): string {
  if (test.p === null) return `${TEST_LABELS[test.name]}: not computed (${test.reason ?? 'undefined for these data'})`;
  return `${testStatisticText(test)}, p ${pValue(test.p)}`;
}

/** A p-value alone for a table cell: "0.726", "< 0.001". */
export function pCell(p: number | null | undefined): string {
  return pValue(p).replace(/^= /, '');
}

const EFFECT_LABELS: Record<ReportEffect['name'], string> = {
  'hedges-g': "Hedges' g",
  'odds-ratio': 'OR',
  'conditional-mle-odds-ratio': 'conditional MLE OR',
  'risk-difference': 'risk difference',
  'cramers-v': "Cramér's V",
};

export function effectText(effect: ReportEffect | null): string {
  if (!effect) return NONE;
  const label = EFFECT_LABELS[effect.name];
  if (effect.value === null) return `${label}: not computed (${effect.reason ?? 'undefined for these data'})`;
  const interval = effect.ci ? ` (95% CI ${ci(effect.ci)})` : '';
  return `${label} = ${num(effect.value)}${interval}`;
}
