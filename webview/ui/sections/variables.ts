import {
  categoricalTable,
  numericTable,
  otherTable,
  variableChart,
  variableHeadline,
} from '../../view-model/variables';
import { chartView } from '../chart-view';
import { h } from '../dom';
import { tableView } from '../table-view';
import type { SectionArgs } from './section-args';

export function renderVariables({ report, context }: SectionArgs): HTMLElement {
  if (report.variables.length === 0)
    return h(
      'div',
      { class: 'section' },
      h(
        'p',
        { class: 'empty' },
        'The study has no survey (add survey.files to grounded.yaml), so there are no variables to describe.',
      ),
    );
  const numeric = numericTable(report);
  const categorical = categoricalTable(report);
  const other = otherTable(report);
  const charts = h('div', { class: 'chart-grid' });
  for (const variable of report.variables) {
    const spec = variableChart(variable);
    const card = h(
      'div',
      { class: 'variable-card', 'data-variable': variable.name },
      h('h3', {}, variable.name),
      h('p', { class: 'headline' }, variableHeadline(variable)),
    );
    if (spec) card.append(chartView(spec, context));
    charts.append(card);
  }
  return h(
    'div',
    { class: 'section' },
    numeric.rows.length > 0 ? tableView(numeric, context) : null,
    categorical.rows.length > 0 ? tableView(categorical, context) : null,
    other.rows.length > 0 ? tableView(other, context) : null,
    h('h2', {}, 'Distributions'),
    charts,
  );
}
