import type {
  CategoricalVariable,
  LevelCount,
  NumericVariable,
  StudyReport,
  VariableSummary,
} from '../../src/core/analysis/report-types';
import { ci, count, NONE, num, percent, percentCi, percentValue } from '../../src/core/report/format';
import type { BarChart, BoxChart, ChartSpec } from './chart';
import { slug } from './labels';
import { numberCell, text, type TableModel } from './table';

/** The descriptives table of numeric and ordinal variables (the same columns as `grounded report`). */
export function numericTable(report: StudyReport): TableModel {
  const numeric = report.variables.filter((v): v is NumericVariable => v.kind === 'numeric');
  return {
    id: 'variables-numeric',
    title: 'Numeric and ordinal variables',
    header: [
      'Variable',
      'Type',
      'n',
      'Missing',
      'Mean',
      '95% CI low',
      '95% CI high',
      'SD',
      'Median',
      'Q1',
      'Q3',
      'Min',
      'Max',
    ],
    numeric: [false, false, true, true, true, true, true, true, true, true, true, true, true],
    rows: numeric.map((v) => [
      text(v.name, v.reason),
      text(v.scale ? `${v.type} ${v.scale.min}–${v.scale.max}` : v.type),
      numberCell(v.n, String(v.n)),
      numberCell(v.missing, String(v.missing)),
      numberCell(v.mean, num(v.mean)),
      numberCell(v.ci?.[0], num(v.ci?.[0])),
      numberCell(v.ci?.[1], num(v.ci?.[1])),
      numberCell(v.sd, num(v.sd)),
      numberCell(v.median, count(v.median)),
      numberCell(v.q1, count(v.q1)),
      numberCell(v.q3, count(v.q3)),
      numberCell(v.min, count(v.min)),
      numberCell(v.max, count(v.max)),
    ]),
  };
}

/** Levels of categorical and yes-no variables with Wilson CIs. */
export function categoricalTable(report: StudyReport): TableModel {
  const labelled = report.variables.filter((v): v is CategoricalVariable => v.kind === 'categorical');
  return {
    id: 'variables-categorical',
    title: 'Categorical and yes/no variables',
    header: ['Variable', 'Level', 'Count', 'n', '%', '95% CI', 'Missing'],
    numeric: [false, false, true, true, true, true, true],
    rows: labelled.flatMap((v) =>
      v.levels.map((l) => [
        text(v.name),
        text(l.level),
        numberCell(l.count, String(l.count)),
        numberCell(v.n, String(v.n)),
        numberCell(percentValue(l.proportion), percent(l.proportion, 1)),
        text(percentCi(l.ci)),
        numberCell(v.missing, String(v.missing)),
      ]),
    ),
  };
}

/** Text and date columns: listed, never summarized. */
export function otherTable(report: StudyReport): TableModel {
  const other = report.variables.filter((v) => v.kind === 'other');
  return {
    id: 'variables-other',
    title: 'Text and date variables (not summarized)',
    header: ['Variable', 'Type', 'Answers', 'Distinct', 'Missing'],
    numeric: [false, false, true, true, true],
    rows: other.map((v) => [
      text(v.name),
      text(v.type),
      numberCell(v.n, String(v.n)),
      numberCell(v.distinct, String(v.distinct)),
      numberCell(v.missing, String(v.missing)),
    ]),
  };
}

function levelBars(id: string, title: string, levels: readonly LevelCount[], n: number): BarChart {
  return {
    kind: 'bars',
    width: 420,
    id,
    title,
    valueLabel: '% of answers',
    domain: [0, 100],
    horizontal: false,
    labels: levels.map((l) => l.level),
    series: [''],
    bars: levels.map((l) => ({
      label: l.level,
      series: '',
      value: percentValue(l.proportion) ?? 0,
      low: l.ci ? l.ci[0] * 100 : null,
      high: l.ci ? l.ci[1] * 100 : null,
      title: `${l.level}: ${l.count}/${n} (${percent(l.proportion, 1)}; 95% CI ${percentCi(l.ci)})`,
    })),
  };
}

function boxChart(v: NumericVariable): BoxChart | undefined {
  if (v.min === null || v.q1 === null || v.median === null || v.q3 === null || v.max === null) return undefined;
  return {
    kind: 'box',
    width: 420,
    id: `variable-${slug(v.name)}`,
    title: `${v.name}: mean ${num(v.mean)} (95% CI ${ci(v.ci)}), median ${count(v.median)}, n = ${v.n}`,
    valueLabel: v.name,
    min: v.min,
    q1: v.q1,
    median: v.median,
    q3: v.q3,
    max: v.max,
    mean: v.mean,
    low: v.ci?.[0] ?? null,
    high: v.ci?.[1] ?? null,
  };
}

/**
 * A distribution chart per variable: the answer distribution over the scale (ordinal) or the levels
 * (categorical, yes-no) with Wilson CIs; a numeric column as its five-number summary and mean with CI
 * (the report carries summaries, not raw values, and the panel computes nothing).
 */
export function variableChart(v: VariableSummary): ChartSpec | undefined {
  if (v.kind === 'categorical')
    return levelBars(`variable-${slug(v.name)}`, `${v.name} (n = ${v.n}, missing ${v.missing})`, v.levels, v.n);
  if (v.kind === 'numeric') {
    if (v.levels && v.levels.length > 0) {
      return levelBars(
        `variable-${slug(v.name)}`,
        `${v.name}: mean ${num(v.mean)}${v.scale ? `/${v.scale.max}` : ''} (95% CI ${ci(v.ci)}), n = ${v.n}, missing ${v.missing}`,
        v.levels,
        v.n,
      );
    }
    return boxChart(v);
  }
  return undefined;
}

/** The one-line headline per variable, as the report's key figures write it. */
export function variableHeadline(v: VariableSummary): string {
  if (v.kind === 'numeric') {
    return `mean ${num(v.mean)}${v.scale ? ` / ${v.scale.max}` : ''} (95% CI ${ci(v.ci)}), SD ${num(v.sd)}, median ${count(v.median)}; n = ${v.n}, missing ${v.missing}${v.reason ? ` — ${v.reason}` : ''}`;
  }
  if (v.kind === 'categorical') {
    const levels = v.type === 'yes-no' ? [...v.levels].reverse() : v.levels;
    return `${levels.map((l) => `${percent(l.proportion)} ${l.level} (${l.count}/${v.n})`).join(', ')}; missing ${v.missing}`;
  }
  return `${v.n} answers, ${v.distinct} distinct; missing ${v.missing}`;
}

export { NONE };
