import type { CategoricalComparison, NumericComparison, StudyReport } from '../../src/core/analysis/report-types';
import { ci, count, NONE, num, percent, percentCi, percentValue } from '../../src/core/report/format';
import type { BarChart, MeanChart } from './chart';
import { slug } from './labels';
import { effectCell, pCellOf, testCell, testsTable } from './tests';
import { numberCell, text, type Cell, type TableModel } from './table';

export interface NumericComparisonView {
  kind: 'numeric';
  variable: string;
  groups: TableModel;
  tests: TableModel;
  chart: MeanChart;
  /** Why no test ran at all, in words. */
  reason?: string;
}

export interface CategoricalComparisonView {
  kind: 'categorical';
  variable: string;
  groups: TableModel;
  tests: TableModel;
  chart: BarChart;
  reason?: string;
}

export type ComparisonView = NumericComparisonView | CategoricalComparisonView;

/** The one-table summary of every numeric variable by the grouping (as the report's table). */
export function comparisonSummary(report: StudyReport): TableModel {
  const numeric = report.comparisons.filter((c): c is NumericComparison => c.kind === 'numeric');
  const levels = [...new Set(numeric.flatMap((c) => c.groups.map((g) => g.level)))];
  return {
    id: 'groups-summary',
    title: `Numeric and ordinal variables by ${report.options.by ?? ''}`,
    header: ['Variable', ...levels.map((l) => `${l}: mean (SD), n`), 'Test', 'p', 'Effect size'],
    numeric: [false, ...levels.map(() => true), false, true, false],
    rows: numeric.map((c) => {
      const first = c.tests[0];
      return [
        text(c.variable),
        ...levels.map((level): Cell => {
          const g = c.groups.find((x) => x.level === level);
          return g && g.n > 0 ? numberCell(g.mean, `${num(g.mean)} (${num(g.sd)}), ${g.n}`) : text(NONE);
        }),
        testCell(first, c.reason),
        pCellOf(first?.p),
        effectCell(c.effect),
      ];
    }),
  };
}

function numericView(c: NumericComparison, scale: [number, number] | null): NumericComparisonView {
  const id = `groups-${slug(c.variable)}`;
  const groups: TableModel = {
    id: `${id}-groups`,
    title: `${c.variable} by ${c.by}`,
    header: [c.by, 'n', 'Missing', 'Mean', '95% CI low', '95% CI high', 'SD', 'Median', 'IQR'],
    numeric: [false, true, true, true, true, true, true, true, true],
    rows: c.groups.map((g) => [
      text(g.level, g.reason),
      numberCell(g.n, String(g.n)),
      numberCell(g.missing, String(g.missing)),
      numberCell(g.mean, num(g.mean)),
      numberCell(g.ci?.[0], num(g.ci?.[0])),
      numberCell(g.ci?.[1], num(g.ci?.[1])),
      numberCell(g.sd, num(g.sd)),
      numberCell(g.median, count(g.median)),
      numberCell(g.iqr, g.q1 === null ? NONE : `${count(g.q1)}–${count(g.q3)}`),
    ]),
    caption: `n = ${c.n}, missing ${c.missing} (no answer or no group).`,
  };
  const shown = c.groups.filter((g) => g.mean !== null);
  const chart: MeanChart = {
    kind: 'means',
    width: 520,
    id: `${id}-chart`,
    title: `${c.variable} by ${c.by}: mean ± 95% CI`,
    valueLabel: c.variable,
    horizontal: false,
    labels: c.groups.map((g) => g.level),
    series: [''],
    domain: scale,
    points: shown.map((g) => ({
      label: g.level,
      series: '',
      mean: g.mean as number,
      low: g.ci?.[0] ?? null,
      high: g.ci?.[1] ?? null,
      title: `${g.level}: mean ${num(g.mean)} (95% CI ${ci(g.ci)}), n = ${g.n}`,
    })),
  };
  return {
    kind: 'numeric',
    variable: c.variable,
    groups,
    chart,
    tests: testsTable(
      `${id}-tests`,
      `Tests: ${c.variable} by ${c.by}`,
      c.tests,
      [c.effect, ...c.otherEffects],
      c.reason,
    ),
    ...(c.reason !== undefined ? { reason: c.reason } : {}),
  };
}

function categoricalView(c: CategoricalComparison): CategoricalComparisonView {
  const id = `groups-${slug(c.variable)}`;
  const groups: TableModel = {
    id: `${id}-groups`,
    title: `${c.variable} by ${c.by}`,
    header: [c.by, ...c.table.columnLevels.flatMap((l) => [`${l}: n`, `${l}: %`]), 'n'],
    numeric: [false, ...c.table.columnLevels.flatMap(() => [true, true]), true],
    rows: c.groups.map((g) => [
      text(g.level),
      ...c.table.columnLevels.flatMap((level) => {
        const l = g.levels.find((x) => x.level === level);
        return [
          numberCell(l?.count, l ? String(l.count) : NONE),
          numberCell(percentValue(l?.proportion), l ? `${percent(l.proportion, 1)} (${percentCi(l.ci)})` : NONE),
        ];
      }),
      numberCell(g.n, String(g.n)),
    ]),
    caption: `n = ${c.n}, missing ${c.missing}. Percentages within each ${c.by} group, with 95% Wilson CIs.`,
  };
  const series = c.groups.map((g) => g.level);
  const chart: BarChart = {
    kind: 'bars',
    width: 520,
    id: `${id}-chart`,
    title: `${c.variable} by ${c.by}: % within group ± 95% CI`,
    valueLabel: '% of group',
    domain: [0, 100],
    horizontal: false,
    labels: [...c.table.columnLevels],
    series,
    bars: c.groups.flatMap((g) =>
      g.levels.map((l) => ({
        label: l.level,
        series: g.level,
        value: percentValue(l.proportion) ?? 0,
        low: l.ci ? l.ci[0] * 100 : null,
        high: l.ci ? l.ci[1] * 100 : null,
        title: `${g.level}, ${l.level}: ${l.count}/${g.n} (${percent(l.proportion, 1)}; 95% CI ${percentCi(l.ci)})`,
      })),
    ),
  };
  return {
    kind: 'categorical',
    variable: c.variable,
    groups,
    chart,
    tests: testsTable(
      `${id}-tests`,
      `Tests: ${c.variable} by ${c.by}`,
      c.tests,
      [c.effect, ...c.otherEffects],
      c.reason,
    ),
    ...(c.reason !== undefined ? { reason: c.reason } : {}),
  };
}

/** One view per compared variable: per-group statistics, every test and effect, a chart with error bars. */
export function comparisonViews(report: StudyReport): ComparisonView[] {
  const scales = new Map(
    report.variables.flatMap((v) =>
      v.kind === 'numeric' && v.scale ? [[v.name, [v.scale.min, v.scale.max] as [number, number]]] : [],
    ),
  );
  return report.comparisons.map((c) =>
    c.kind === 'numeric' ? numericView(c, scales.get(c.variable) ?? null) : categoricalView(c),
  );
}
