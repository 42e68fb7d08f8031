import type { StudyReport } from '../../src/core/analysis/report-types';
import { ci, NONE, num, percent, percentCi, percentValue } from '../../src/core/report/format';
import { denominatorNoun } from '../../src/core/analysis/denominator';
import { CHART_CODES, firstOf, type BarChart, type MeanChart } from './chart';
import { codeLabels, codeNames, slug } from './labels';
import { effectCell, pCellOf, testCell } from './tests';
import { numberCell, text, type Cell, type TableModel } from './table';

/** Every code's use and prevalence over participants (categories count their sub-codes). */
export function prevalenceTable(report: StudyReport): TableModel {
  const labels = codeLabels(report);
  return {
    id: 'codes-prevalence',
    title: 'Code prevalence',
    header: [
      'Code',
      'Codings',
      'Transcripts',
      'Participants',
      `Of (${denominatorNoun(report.participants)})`,
      '% of participants',
      '95% CI',
    ],
    numeric: [false, true, true, true, true, true, true],
    rows: report.codes.map((c) => [
      text(labels.get(c.id) ?? c.id, c.inCodebook ? undefined : 'not in the codebook'),
      numberCell(c.codings, String(c.codings)),
      numberCell(c.transcripts, String(c.transcripts)),
      numberCell(c.participants, String(c.participants)),
      numberCell(c.total, String(c.total)),
      numberCell(percentValue(c.proportion), percent(c.proportion, 1)),
      text(percentCi(c.ci)),
    ]),
    caption: `Prevalence: share of the ${report.participants.codesKnown} ${denominatorNoun(report.participants)} with at least one coding of the code.`,
  };
}

/** Code prevalence by group, with the test per code and p adjusted across all codes. */
export function byGroupTable(report: StudyReport): TableModel {
  const labels = codeLabels(report);
  const levels = report.codesByGroup[0]?.groups.map((g) => g.level) ?? [];
  return {
    id: 'codes-by-group',
    title: `Code prevalence by ${report.options.by ?? ''}`,
    header: ['Code', ...levels.map((l) => `${l}: participants`), 'Test', 'p', 'p (Holm)', 'p (BH)', 'Effect size'],
    numeric: [false, ...levels.map(() => true), false, true, true, true, false],
    rows: report.codesByGroup.map((c) => {
      const test = c.tests[0];
      return [
        text(labels.get(c.code) ?? c.code),
        ...levels.map((level): Cell => {
          const g = c.groups.find((x) => x.level === level);
          return g
            ? numberCell(percentValue(g.proportion), `${g.participants} of ${g.total} (${percent(g.proportion, 1)})`)
            : text(NONE);
        }),
        testCell(test, c.reason),
        pCellOf(test?.p),
        pCellOf(test?.pHolm),
        pCellOf(test?.pBH),
        effectCell(c.effect),
      ];
    }),
    caption: `Participants with the code of the ${denominatorNoun(report.participants)} in the group (${levels.map((l, i) => `${l}: ${report.codesByGroup[0]?.groups[i]?.total ?? 0}`).join(', ')}). p adjusted across all codes (Holm; Benjamini–Hochberg).`,
  };
}

/** Prevalence by group as bars with Wilson CIs, codes on the y axis (names are long). */
export function byGroupChart(report: StudyReport): BarChart | undefined {
  if (report.codesByGroup.length === 0) return undefined;
  const names = codeNames(report);
  const series = report.codesByGroup[0]?.groups.map((g) => g.level) ?? [];
  const shown = report.codesByGroup.slice(0, CHART_CODES);
  return {
    kind: 'bars',
    id: 'codes-by-group-chart',
    title: `Code prevalence by ${report.options.by ?? ''}: % of participants ± 95% CI${firstOf(report.codesByGroup.length)}`,
    valueLabel: '% of participants',
    domain: [0, 100],
    horizontal: true,
    labels: shown.map((c) => names.get(c.code) ?? c.code),
    series,
    bars: shown.flatMap((c) =>
      c.groups.map((g) => ({
        label: names.get(c.code) ?? c.code,
        series: g.level,
        value: percentValue(g.proportion) ?? 0,
        low: g.ci ? g.ci[0] * 100 : null,
        high: g.ci ? g.ci[1] * 100 : null,
        title: `${names.get(c.code) ?? c.code}, ${g.level}: ${g.participants}/${g.total} (${percent(g.proportion, 1)}; 95% CI ${percentCi(g.ci)})`,
      })),
    ),
  };
}

/** Overall prevalence bars (a report without grouping still shows one). */
export function prevalenceChart(report: StudyReport): BarChart | undefined {
  if (report.codes.length === 0) return undefined;
  const names = codeNames(report);
  const shown = report.codes.slice(0, CHART_CODES);
  return {
    kind: 'bars',
    id: 'codes-prevalence-chart',
    title: `Code prevalence: % of participants ± 95% CI${firstOf(report.codes.length)}`,
    valueLabel: '% of participants',
    domain: [0, 100],
    horizontal: true,
    labels: shown.map((c) => names.get(c.id) ?? c.id),
    series: [''],
    bars: shown.map((c) => ({
      label: names.get(c.id) ?? c.id,
      series: '',
      value: percentValue(c.proportion) ?? 0,
      low: c.ci ? c.ci[0] * 100 : null,
      high: c.ci ? c.ci[1] * 100 : null,
      title: `${c.name}: ${c.participants}/${c.total} (${percent(c.proportion, 1)}; 95% CI ${percentCi(c.ci)})`,
    })),
  };
}

/** A numeric variable among participants with vs without each code. */
export function codeVariableTable(report: StudyReport, variable: string): TableModel {
  const labels = codeLabels(report);
  const rows = report.codeComparisons.filter((c) => c.variable === variable);
  return {
    id: `codes-variable-${slug(variable)}`,
    title: `${variable} with vs without each code`,
    header: [
      'Code',
      'With: mean (SD), n',
      'Without: mean (SD), n',
      'Welch t',
      'p',
      'p (Holm)',
      'p (BH)',
      'Mann–Whitney p',
      "Hedges' g (95% CI)",
    ],
    numeric: [false, true, true, true, true, true, true, true, true],
    rows: rows.map((c) => {
      const [withCode, without] = c.groups;
      const welch = c.tests.find((t) => t.name === 'welch-t');
      const mw = c.tests.find((t) => t.name === 'mann-whitney');
      const group = (g: typeof withCode): Cell =>
        g && g.n > 0 ? numberCell(g.mean, `${num(g.mean)} (${num(g.sd)}), ${g.n}`) : text(NONE);
      return [
        text(labels.get(c.code) ?? c.code),
        group(withCode),
        group(without),
        welch && welch.p !== null
          ? numberCell(welch.statistic, num(welch.statistic))
          : text(`not run: ${welch?.reason ?? c.reason ?? 'no test applies'}`),
        pCellOf(welch?.p),
        pCellOf(welch?.pHolm),
        pCellOf(welch?.pBH),
        pCellOf(mw?.p),
        c.effect && c.effect.value !== null
          ? numberCell(c.effect.value, `${num(c.effect.value)} (${ci(c.effect.ci)})`)
          : text(c.effect?.reason ? `not computed: ${c.effect.reason}` : NONE),
      ];
    }),
    caption:
      'Coded participants with an answer, with vs without the code. p adjusted across codes for this variable (Holm; Benjamini–Hochberg).',
  };
}

/** Means with and without each code, with 95% CIs. */
export function codeVariableChart(report: StudyReport, variable: string): MeanChart | undefined {
  const names = codeNames(report);
  const all = report.codeComparisons.filter((c) => c.variable === variable);
  if (all.length === 0) return undefined;
  const rows = all.slice(0, CHART_CODES);
  const scale = report.variables.find((v) => v.name === variable);
  const series = [...new Set(rows.flatMap((c) => c.groups.map((g) => g.level)))];
  return {
    kind: 'means',
    id: `codes-variable-${slug(variable)}-chart`,
    title: `${variable} by code presence: mean ± 95% CI${firstOf(all.length)}`,
    valueLabel: variable,
    horizontal: true,
    labels: rows.map((c) => names.get(c.code) ?? c.code),
    series,
    domain: scale?.kind === 'numeric' && scale.scale ? [scale.scale.min, scale.scale.max] : null,
    points: rows.flatMap((c) =>
      c.groups
        .filter((g) => g.mean !== null)
        .map((g) => ({
          label: names.get(c.code) ?? c.code,
          series: g.level,
          mean: g.mean as number,
          low: g.ci?.[0] ?? null,
          high: g.ci?.[1] ?? null,
          title: `${names.get(c.code) ?? c.code}, ${g.level}: mean ${num(g.mean)} (95% CI ${ci(g.ci)}), n = ${g.n}`,
        })),
    ),
  };
}
