import type { ReportEffect, ReportTest } from '../../src/core/analysis/report-types';
import { ci, effectText, NONE, num, pCell, testStatisticText, testText } from '../../src/core/report/format';
import { numberCell, text, type Cell, type TableModel } from './table';

/** A test in words for a cell: the statistic, or plainly that it was not run and why. */
export function testCell(test: ReportTest | undefined, reason: string | undefined): Cell {
  if (!test) return text(`not run: ${reason ?? 'no test applies'}`);
  if (test.p === null) return text(`${testText(test)}`);
  return text(testStatisticText(test), test.method);
}

export function pCellOf(p: number | null | undefined): Cell {
  return numberCell(p, pCell(p));
}

export function effectCell(effect: ReportEffect | null): Cell {
  if (!effect) return text(NONE);
  return text(effectText(effect), effect.direction);
}

/** Every test and effect of one comparison, one row each, with n and missing and why a figure is absent. */
export function testsTable(
  id: string,
  title: string,
  tests: readonly ReportTest[],
  effects: readonly (ReportEffect | null)[],
  reason: string | undefined,
): TableModel {
  const rows: Cell[][] = tests.map((t) => [
    text(testStatisticText(t).replace(/ = .*$/, '')),
    numberCell(t.statistic, t.statistic === null ? NONE : num(t.statistic, t.name === 'mann-whitney' ? 1 : 2)),
    text(t.df === undefined ? NONE : Array.isArray(t.df) ? `${num(t.df[0], 0)}, ${num(t.df[1])}` : num(t.df)),
    pCellOf(t.p),
    numberCell(t.n, String(t.n)),
    numberCell(t.missing, String(t.missing)),
    text(t.p === null ? `not run: ${t.reason ?? 'undefined for these data'}` : (t.method ?? '')),
  ]);
  for (const e of effects) {
    if (!e) continue;
    rows.push([
      text(effectText(e).replace(/ = .*$|: not computed.*$/, '')),
      numberCell(e.value, num(e.value)),
      text(NONE),
      text(e.ci ? `95% CI ${ci(e.ci)}` : NONE),
      numberCell(e.n, String(e.n)),
      numberCell(e.missing, String(e.missing)),
      text(
        e.value === null
          ? `not computed: ${e.reason ?? 'undefined for these data'}`
          : [e.direction, e.ciMethod].filter(Boolean).join('; '),
      ),
    ]);
  }
  if (rows.length === 0)
    rows.push([
      text('No test'),
      text(NONE),
      text(NONE),
      text(NONE),
      text(NONE),
      text(NONE),
      text(`not run: ${reason ?? 'no test applies'}`),
    ]);
  return {
    id,
    title,
    header: ['Test / effect', 'Statistic', 'df', 'p / CI', 'n', 'Missing', 'Method / why not'],
    numeric: [false, true, true, true, true, true, false],
    rows,
  };
}
