import { codeComparisonVariables } from '../../view-model/choices';
import {
  byGroupChart,
  byGroupTable,
  codeVariableChart,
  codeVariableTable,
  prevalenceChart,
  prevalenceTable,
} from '../../view-model/codes';
import { denominatorText } from '../../view-model/overview';
import { chartView } from '../chart-view';
import { denominatorNotes } from './overview';
import { append, h } from '../dom';
import { tableView } from '../table-view';
import type { SectionArgs } from './section-args';
import { labelledSelect } from './select';

export function renderCodes({ report, state, context, update }: SectionArgs): HTMLElement {
  if (report.codes.length === 0)
    return h('div', { class: 'section' }, h('p', { class: 'empty' }, 'The codebook has no codes yet.'));
  const section = h('div', { class: 'section' });
  append(
    section,
    h(
      'p',
      { class: 'lead', 'data-denominator': '' },
      `Prevalence: share of ${denominatorText(report)} with at least one coding of the code.`,
    ),
    denominatorNotes(report),
  );
  if (report.options.by) {
    const chart = byGroupChart(report);
    append(
      section,
      h('h2', {}, `Prevalence by ${report.options.by}`),
      tableView(byGroupTable(report), context),
      chart ? chartView(chart, context) : null,
    );
  } else {
    section.append(
      h('p', { class: 'hint' }, 'Pick a grouping variable (Group by, above) for prevalence by group with tests.'),
    );
  }
  const overall = prevalenceChart(report);
  append(
    section,
    h('h2', {}, 'Prevalence'),
    tableView(prevalenceTable(report), context),
    overall ? chartView(overall, context) : null,
  );

  const variables = codeComparisonVariables(report);
  if (variables.length > 0) {
    const variable =
      state.codeVariable && variables.includes(state.codeVariable) ? state.codeVariable : (variables[0] as string);
    const chart = codeVariableChart(report, variable);
    append(
      section,
      h('h2', {}, 'Survey variables by code presence'),
      labelledSelect(
        'Variable',
        variables.map((v) => ({ value: v, label: v })),
        variable,
        (value) => update({ codeVariable: value }),
        'code-variable',
      ),
      tableView(codeVariableTable(report, variable), context),
      chart ? chartView(chart, context) : null,
    );
  }
  return section;
}
