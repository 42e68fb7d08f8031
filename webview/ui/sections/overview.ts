import { denominatorLines, overviewFigures, problemsTable, unmatchedTable } from '../../view-model/overview';
import { h } from '../dom';
import { tableView } from '../table-view';
import type { SectionArgs } from './section-args';

/** Who is left out of code figures and why, as a list; nothing when nobody is. */
export function denominatorNotes(report: SectionArgs['report']): HTMLElement | null {
  const lines = denominatorLines(report);
  return lines.length === 0 ? null : h('ul', { class: 'denominator' }, ...lines.map((line) => h('li', {}, line)));
}

export function renderOverview({ report, study, context }: SectionArgs): HTMLElement {
  const figures = h('dl', { class: 'figures' });
  for (const figure of overviewFigures(report, study)) {
    figures.append(
      h('div', { class: 'figure', title: figure.detail }, h('dt', {}, figure.label), h('dd', {}, figure.value)),
    );
  }
  const unmatched = unmatchedTable(report);
  const problems = problemsTable(report, study);
  const filters = report.options.filters.map((f) => `${f.column} = ${f.value}`).join(' and ');
  return h(
    'div',
    { class: 'section' },
    h(
      'p',
      { class: 'lead' },
      `Study ${report.title}. Survey: ${report.surveyFiles.join(', ') || 'none'}. Grouped by: ${report.options.by ?? 'no grouping'}. Coders: ${report.options.coders ? report.options.coders.join(', ') : 'all, pooled'}.${filters ? ` Only participants with ${filters}.` : ''}`,
    ),
    h('p', { class: 'progress', 'data-progress': '' }, `Coding progress: ${report.progress.text}`),
    figures,
    denominatorNotes(report),
    unmatched.rows.length > 0
      ? tableView(unmatched, context)
      : h('p', {}, 'Every transcript has a survey row and every survey row a transcript.'),
    problems.rows.length > 0
      ? tableView(problems, context)
      : h('p', { class: 'ok' }, 'No problems found in the study.'),
    h('h3', {}, 'Methods'),
    h('ul', { class: 'methods' }, ...report.methods.map((m) => h('li', {}, m))),
  );
}
