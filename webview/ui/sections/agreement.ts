import {
  AGREEMENT_COLUMNS,
  agreementRows,
  BAND_LABELS,
  type AgreementRow,
  type AgreementSortKey,
} from '../../view-model/agreement';
import { h, linkButton, replaceChildren } from '../dom';
import type { SectionArgs } from './section-args';

/** The sort survives redraws of the section within a session; it is a view preference, not panel state. */
let sort: { key: AgreementSortKey; descending: boolean } | null = null;

function cellNode(row: AgreementRow, key: AgreementSortKey): HTMLElement {
  const cell = row.cells[key];
  const td = h(
    'td',
    {
      class: key === 'code' ? undefined : `num${cell.band ? ` band-${cell.band}` : ''}`,
      title: cell.band ? `${BAND_LABELS[cell.band]}${cell.reason ? `: ${cell.reason}` : ''}` : cell.reason,
      'data-col': key,
    },
    h('span', { class: 'value' }, cell.text),
  );
  if (cell.counts) td.append(h('span', { class: 'note counts' }, cell.counts));
  return td;
}

export function renderAgreement({ report, context }: SectionArgs): HTMLElement {
  const agreement = report.agreement;
  if (!agreement)
    return h(
      'div',
      { class: 'section' },
      h(
        'p',
        { class: 'empty' },
        'Agreement needs two coders: two coders’ sidecars of the same transcripts (consensus is not counted).',
      ),
    );
  const { first, second } = agreement;
  const body = h('tbody');
  const head = h('tr');
  const draw = () => {
    const model = agreementRows(report, sort);
    if (!model) return;
    const line = (row: AgreementRow, pooled: boolean) => {
      const tr = h('tr', pooled ? { class: 'pooled' } : { 'data-code': row.code });
      for (const column of AGREEMENT_COLUMNS) {
        if (column.key === 'code' && !pooled) {
          const open = linkButton(
            row.label,
            () => context.post({ type: 'openDisagreements', first, second, code: row.code }),
            `Open the disagreements of ${first} and ${second} on this code (Compare Coders)`,
          );
          tr.append(h('td', { 'data-col': 'code' }, open));
        } else tr.append(cellNode(row, column.key));
      }
      return tr;
    };
    replaceChildren(body, ...model.rows.map((row) => line(row, false)), line(model.pooled, true));
    replaceChildren(
      head,
      ...AGREEMENT_COLUMNS.map((column) => {
        const active = sort?.key === column.key;
        const button = linkButton(
          `${column.title}${active ? (sort?.descending ? ' ▼' : ' ▲') : ''}`,
          () => {
            sort = { key: column.key, descending: active ? !sort?.descending : column.numeric };
            draw();
          },
          `Sort by ${column.title}`,
        );
        return h(
          'th',
          {
            scope: 'col',
            class: column.numeric ? 'num' : undefined,
            'aria-sort': active ? (sort?.descending ? 'descending' : 'ascending') : 'none',
            'data-col': column.key,
          },
          button,
        );
      }),
    );
  };
  draw();
  const notCompared = agreement.notCompared.length;
  return h(
    'div',
    { class: 'section agreement' },
    h('h3', {}, `Agreement: ${first} and ${second}`),
    h(
      'p',
      { class: 'hint' },
      `Over the ${agreement.compared.length} transcripts both coded${notCompared > 0 ? ` (${notCompared} others not compared)` : ''}. Under each κ: both / ${first} only / ${second} only / neither; under segments: matched / ${first} only / ${second} only (overlap ≥ ${agreement.overlap}). Tints: κ and α bands after Landis & Koch — ${Object.values(BAND_LABELS).join(', ')}. Click a code to open its disagreements.`,
    ),
    h('div', { class: 'table-scroll' }, h('table', { class: 'agreement-table' }, h('thead', {}, head), body)),
  );
}
