import { comparisonSummary, comparisonViews } from '../../view-model/groups';
import { chartView } from '../chart-view';
import { h } from '../dom';
import { tableView } from '../table-view';
import type { SectionArgs } from './section-args';

export function renderGroups({ report, context }: SectionArgs): HTMLElement {
  if (!report.options.by) {
    return h(
      'div',
      { class: 'section' },
      h('p', { class: 'empty' }, 'Pick a grouping variable (Group by, above) to compare groups.'),
    );
  }
  const summary = comparisonSummary(report);
  const views = comparisonViews(report);
  const section = h('div', { class: 'section' }, summary.rows.length > 0 ? tableView(summary, context) : null);
  if (views.length === 0)
    section.append(h('p', { class: 'empty' }, `No survey variable can be compared by ${report.options.by}.`));
  for (const view of views) {
    section.append(
      h(
        'article',
        { class: 'comparison', 'data-variable': view.variable },
        h('h2', {}, `${view.variable} by ${report.options.by}`),
        view.reason ? h('p', { class: 'not-run' }, `No test was run: ${view.reason}.`) : null,
        h(
          'div',
          { class: 'comparison-body' },
          h('div', { class: 'comparison-tables' }, tableView(view.groups, context), tableView(view.tests, context)),
          chartView(view.chart, context),
        ),
      ),
    );
  }
  return section;
}
