import type { ReportRequestState, StudyReport, WebviewMessage } from '../protocol';
import { filterChoices, groupingChoices } from '../view-model/choices';
import { h, linkButton } from './dom';
import { labelledSelect } from './sections/select';

const NONE = '\u0000none';

/**
 * Group by, coder and filters (they apply to every section: the host rebuilds the report), and the
 * whole-report exports. Values are survey column names and labels, set as text.
 */
export function toolbar(
  report: StudyReport,
  request: ReportRequestState,
  setRequest: (request: ReportRequestState) => void,
  post: (message: WebviewMessage) => void,
): HTMLElement {
  const groupBy = labelledSelect(
    'Group by',
    [{ value: NONE, label: 'No grouping' }, ...groupingChoices(report).map((name) => ({ value: name, label: name }))],
    request.by ?? NONE,
    (value) => setRequest({ ...request, by: value === NONE ? null : value }),
    'group-by',
  );
  const selectedCoder = request.coders && request.coders.length === 1 ? (request.coders[0] as string) : NONE;
  const coder = labelledSelect(
    'Coder',
    [{ value: NONE, label: 'All coders, pooled' }, ...report.coders.available.map((c) => ({ value: c, label: c }))],
    selectedCoder,
    (value) => setRequest({ ...request, coders: value === NONE ? null : [value] }),
    'coder',
  );

  // The study's analysis.uncoded decides until the user picks here (the report says which one applied).
  const uncoded = labelledSelect(
    'Not coded',
    [
      { value: 'missing', label: 'Left out (missing)' },
      { value: 'absent', label: 'Counted as 0 (absent)' },
    ],
    request.uncoded ?? report.options.uncoded,
    (value) => setRequest({ ...request, uncoded: value === 'absent' ? 'absent' : 'missing' }),
    'uncoded',
  );

  const chips = h('span', { class: 'chips' });
  request.filters.forEach((filter, index) => {
    const remove = linkButton(
      '×',
      () => setRequest({ ...request, filters: request.filters.filter((_, i) => i !== index) }),
      `Remove the filter ${filter.column} = ${filter.value}`,
    );
    chips.append(
      h(
        'span',
        { class: 'chip', 'data-filter': `${filter.column}=${filter.value}` },
        `${filter.column} = ${filter.value}`,
        remove,
      ),
    );
  });

  const choices = filterChoices(report);
  const filterAdd = h('span', { class: 'filter-add' });
  if (choices.length > 0) {
    let column = choices[0] as (typeof choices)[number];
    let value = column.values[0] ?? '';
    const valueHolder = h('span');
    const renderValues = () => {
      valueHolder.replaceChildren(
        labelledSelect(
          'equals',
          column.values.map((v) => ({ value: v, label: v })),
          value,
          (v) => {
            value = v;
          },
          'filter-value',
        ),
      );
    };
    const columnSelect = labelledSelect(
      'Filter',
      choices.map((c) => ({ value: c.name, label: c.name })),
      column.name,
      (name) => {
        column = choices.find((c) => c.name === name) ?? column;
        value = column.values[0] ?? '';
        renderValues();
      },
      'filter-column',
    );
    renderValues();
    const add = h('vscode-button', { id: 'filter-apply', secondary: '' }, 'Add filter');
    add.addEventListener('click', () => {
      if (request.filters.some((f) => f.column === column.name && f.value === value)) return;
      setRequest({ ...request, filters: [...request.filters, { column: column.name, value }] });
    });
    filterAdd.append(columnSelect, valueHolder, add);
  }

  const exportMarkdown = h(
    'vscode-button',
    { id: 'export-markdown', secondary: '', title: 'The same report as grounded report --format markdown' },
    'Export Markdown',
  );
  exportMarkdown.addEventListener('click', () => post({ type: 'exportReport', format: 'markdown' }));
  const exportHtml = h(
    'vscode-button',
    { id: 'export-html', secondary: '', title: 'The same report as grounded report --format html' },
    'Export HTML',
  );
  exportHtml.addEventListener('click', () => post({ type: 'exportReport', format: 'html' }));
  const exportR = h(
    'vscode-button',
    {
      id: 'export-r',
      secondary: '',
      title: 'The data, this report as JSON and an R script that recomputes every figure (grounded export r)',
    },
    'Export for R…',
  );
  exportR.addEventListener('click', () => post({ type: 'exportR' }));

  return h(
    'div',
    { class: 'toolbar', role: 'toolbar' },
    h('div', { class: 'toolbar-row' }, groupBy, coder, uncoded, filterAdd),
    h(
      'div',
      { class: 'toolbar-row' },
      request.filters.length > 0 ? h('span', { class: 'field-label' }, 'Only:') : null,
      chips,
      h('span', { class: 'spacer' }),
      exportMarkdown,
      exportHtml,
      exportR,
    ),
  );
}
