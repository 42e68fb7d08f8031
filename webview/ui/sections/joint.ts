import { jointTable, jointView } from '../../view-model/joint';
import { pageOf } from '../../view-model/table';
import { h, linkButton, replaceChildren } from '../dom';
import { quoteButton } from './quotes';
import type { SectionArgs } from './section-args';

export function renderJoint({ report, context }: SectionArgs): HTMLElement {
  const view = jointView(report);
  if (!view)
    return h(
      'div',
      { class: 'section' },
      h('p', { class: 'empty' }, 'Pick a grouping variable (Group by, above) for the joint display of codes by group.'),
    );
  const table = jointTable(report);
  const body = h('tbody');
  const pager = h('div', { class: 'pager' });
  const id = 'joint-display';
  const render = (requested: number) => {
    const page = pageOf(view.rows, requested);
    replaceChildren(
      body,
      ...page.items.map((row) =>
        h(
          'tr',
          { 'data-code': row.code },
          h('th', { scope: 'row', class: `depth-${Math.min(row.depth, 4)}` }, row.label),
          ...row.cells.map((cell) =>
            h(
              'td',
              { 'data-level': cell.level },
              h(
                'div',
                { class: 'prevalence' },
                h('strong', {}, cell.prevalence),
                h('span', { class: 'note' }, ` ${cell.ci}`),
              ),
              ...cell.quotes.map((q) => quoteButton(q, context)),
            ),
          ),
        ),
      ),
    );
    const go = (to: number) => {
      context.setPage(id, to);
      render(to);
    };
    if (page.pages <= 1) replaceChildren(pager);
    else {
      const previous = linkButton('‹ Previous', () => go(page.page - 1));
      previous.disabled = page.page === 0;
      const next = linkButton('Next ›', () => go(page.page + 1));
      next.disabled = page.page >= page.pages - 1;
      replaceChildren(
        pager,
        previous,
        h('span', { class: 'page-info' }, `Codes ${page.first + 1}–${page.first + page.items.length} of ${page.total}`),
        next,
      );
    }
  };
  render(context.page(id));
  const exportButton = table
    ? linkButton(
        'CSV',
        () =>
          context.post({
            type: 'exportTable',
            name: table.id,
            header: table.header,
            rows: table.rows.map((r) => r.map((c) => c.csv)),
          }),
        'Export the joint display as CSV',
      )
    : null;
  exportButton?.classList.add('export');
  return h(
    'div',
    { class: 'section' },
    h(
      'div',
      { class: 'table-title' },
      h('h3', {}, `Codes by ${view.by}: participants with the code, and representative quotes`),
      exportButton,
    ),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'joint', 'data-table': id },
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col' }, 'Code'), ...view.groups.map((g) => h('th', { scope: 'col' }, g))),
        ),
        body,
      ),
    ),
    pager,
    h('p', { class: 'caption' }, view.quoteRule),
  );
}
