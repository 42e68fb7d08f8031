import { tableCsv, pageOf, PAGE_SIZE, type Cell, type TableModel } from '../view-model/table';
import type { PanelContext } from './context';
import { append, h, linkButton, replaceChildren } from './dom';

function cellContent(cell: Cell, context: PanelContext): Node {
  const main: Node = cell.action
    ? linkButton(
        cell.text,
        () => context.act(cell.action as NonNullable<Cell['action']>),
        cell.action.kind === 'post' && cell.action.message.type === 'openProblem'
          ? 'Open the file at this place'
          : 'Show',
      )
    : document.createTextNode(cell.text);
  if (!cell.note) return main;
  const wrapper = h('span', {}, main);
  wrapper.append(h('span', { class: 'note' }, cell.note));
  return wrapper;
}

/**
 * A table with a pager: only PAGE_SIZE rows are in the DOM, so a study with thousands of codes or pairs
 * stays responsive. The page is kept in the panel state; "CSV" exports every row, not just the page.
 */
export function tableView(table: TableModel, context: PanelContext): HTMLElement {
  const body = h('tbody');
  const pager = h('div', { class: 'pager' });
  const section = h('section', { class: 'table-block', 'data-table': table.id });

  const render = (requested: number) => {
    const page = pageOf(table.rows, requested);
    const rows = page.items.map((row) => {
      const tr = h('tr');
      row.forEach((cell, i) =>
        tr.append(h('td', table.numeric[i] ? { class: 'num' } : {}, cellContent(cell, context))),
      );
      return tr;
    });
    replaceChildren(body, ...rows);
    if (page.pages <= 1) {
      replaceChildren(pager);
      return;
    }
    const go = (to: number) => {
      context.setPage(table.id, to);
      render(to);
    };
    const previous = linkButton('‹ Previous', () => go(page.page - 1));
    previous.disabled = page.page === 0;
    const next = linkButton('Next ›', () => go(page.page + 1));
    next.disabled = page.page >= page.pages - 1;
    replaceChildren(
      pager,
      previous,
      h(
        'span',
        { class: 'page-info' },
        `Rows ${page.first + 1}–${page.first + page.items.length} of ${page.total} (page ${page.page + 1} of ${page.pages})`,
      ),
      next,
    );
  };

  const exportButton = linkButton(
    'CSV',
    () => context.post({ type: 'exportTable', name: table.id, ...tableCsv(table) }),
    'Export this table (all rows) as CSV',
  );
  exportButton.classList.add('export');
  const head = h('tr');
  table.header.forEach((title, i) =>
    head.append(h('th', table.numeric[i] ? { class: 'num', scope: 'col' } : { scope: 'col' }, title)),
  );
  append(
    section,
    h('div', { class: 'table-title' }, h('h3', {}, table.title), exportButton),
    table.rows.length === 0
      ? h('p', { class: 'empty' }, 'No rows.')
      : h('div', { class: 'table-scroll' }, h('table', {}, h('thead', {}, head), body)),
    pager,
    table.caption ? h('p', { class: 'caption' }, table.caption) : null,
  );
  render(context.page(table.id));
  return section;
}

export { PAGE_SIZE };
