import { CO_METRICS } from '../../protocol';
import { heatmap, metricLabel, pairsTable } from '../../view-model/cooccurrence';
import { quoteView } from '../../view-model/joint';
import { codeNames } from '../../view-model/labels';
import { chartView } from '../chart-view';
import { h } from '../dom';
import { tableView } from '../table-view';
import { cappedList, quoteButton } from './quotes';
import type { SectionArgs } from './section-args';
import { labelledSelect } from './select';

/**
 * The overlapping quotes of a pair of codes (the selected heatmap cell, or a network's co-occurrence edge),
 * of one group's participants when `cell.group` is given (an edge of that group's network).
 */
export function overlapList(
  { report, context, overlaps }: SectionArgs,
  cell: { a: string; b: string; group?: string } | null,
): HTMLElement | null {
  if (!cell) return h('p', { class: 'hint' }, 'Click a cell (or a pair in the table) to list the overlapping quotes.');
  const names = codeNames(report);
  const inGroup = cell.group === undefined ? '' : ` (${report.options.by ?? 'group'} = ${cell.group})`;
  const title = `${names.get(cell.a) ?? cell.a} × ${names.get(cell.b) ?? cell.b}${inGroup}`;
  const matches =
    overlaps &&
    overlaps.group === cell.group &&
    ((overlaps.a === cell.a && overlaps.b === cell.b) || (overlaps.a === cell.b && overlaps.b === cell.a));
  const block = h(
    'section',
    { class: 'overlaps', 'data-pair': `${cell.a}|${cell.b}`, 'data-group': cell.group },
    h('h3', {}, `Overlapping quotes: ${title}`),
  );
  if (!matches || !overlaps) {
    block.append(h('p', { class: 'hint' }, 'Loading…'));
    return block;
  }
  if (overlaps.pairs.length === 0) {
    block.append(
      h(
        'p',
        { class: 'empty' },
        'No overlapping codings of these two codes (they co-occur in participants, not in passages).',
      ),
    );
    return block;
  }
  if (overlaps.total > overlaps.pairs.length)
    block.append(
      h('p', { class: 'hint' }, `The first ${overlaps.pairs.length} of ${overlaps.total} overlapping pairs.`),
    );
  block.append(
    cappedList(
      overlaps.pairs,
      (pair) =>
        h('div', { class: 'pair' }, quoteButton(quoteView(pair.a), context), quoteButton(quoteView(pair.b), context)),
      'pair-list',
    ),
  );
  return block;
}

export function renderCoOccurrence(args: SectionArgs): HTMLElement {
  const { report, state, context, update } = args;
  if (report.coOccurrence.length === 0)
    return h('div', { class: 'section' }, h('p', { class: 'empty' }, 'No two codes co-occur yet.'));
  const spec = heatmap(report, state.coMetric);
  return h(
    'div',
    { class: 'section' },
    labelledSelect(
      'Cells show',
      CO_METRICS.map((m) => ({ value: m, label: metricLabel(m) })),
      state.coMetric,
      (value) => update({ coMetric: value as typeof state.coMetric }),
      'co-metric',
    ),
    spec.cells.length > 0
      ? chartView(spec, context)
      : h('p', { class: 'empty' }, `No pair has any ${metricLabel(state.coMetric)}.`),
    overlapList(args, state.coCell),
    tableView(pairsTable(report), context),
  );
}
