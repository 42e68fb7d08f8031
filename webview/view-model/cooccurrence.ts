import type { CoOccurrence, StudyReport } from '../../src/core/analysis/report-types';
import type { CoMetric } from '../protocol';
import { num } from '../../src/core/report/format';
import type { HeatmapChart } from './chart';
import { codeLabels, codeNames } from './labels';
import { numberCell, text, type TableModel } from './table';

const METRIC_LABELS: Record<CoMetric, string> = {
  participants: 'participants with both codes',
  overlaps: 'overlapping codings',
  jaccard: 'Jaccard index (both / either)',
};

export function metricLabel(metric: CoMetric): string {
  return METRIC_LABELS[metric];
}

function value(pair: CoOccurrence, metric: CoMetric): number {
  if (metric === 'participants') return pair.participants;
  if (metric === 'overlaps') return pair.overlaps;
  return pair.jaccard ?? 0;
}

/** Most codes a heatmap shows: past this the cells are too small to read or click (the table has all pairs). */
export const HEATMAP_CODES = 60;

/**
 * Codes × codes heatmap of one metric, both triangles filled so a row reads across. Codes are those in
 * pairs, in codebook order; with more than HEATMAP_CODES, the codes in the most pairs by the metric.
 */
export function heatmap(report: StudyReport, metric: CoMetric): HeatmapChart {
  const names = codeNames(report);
  const order = new Map(report.codes.map((c, i) => [c.id, i]));
  const weight = new Map<string, number>();
  for (const p of report.coOccurrence) {
    const v = value(p, metric);
    if (v <= 0) continue;
    weight.set(p.a, (weight.get(p.a) ?? 0) + v);
    weight.set(p.b, (weight.get(p.b) ?? 0) + v);
  }
  const kept = [...weight.keys()]
    .sort((x, y) => (weight.get(y) as number) - (weight.get(x) as number))
    .slice(0, HEATMAP_CODES);
  const codes = new Set(kept);
  const ids = [...codes].sort((x, y) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity) || (x < y ? -1 : 1));
  const label = (id: string) => names.get(id) ?? id;
  const cells = report.coOccurrence.flatMap((p) => {
    const v = value(p, metric);
    if (v <= 0 || !codes.has(p.a) || !codes.has(p.b)) return [];
    const title = `${label(p.a)} × ${label(p.b)}: ${p.overlaps} overlapping codings in ${p.overlapTranscripts} transcripts; ${p.participants}/${p.participantsEither} participants (Jaccard ${num(p.jaccard)})`;
    return [
      { a: p.a, b: p.b, aLabel: label(p.a), bLabel: label(p.b), value: v, title },
      { a: p.b, b: p.a, aLabel: label(p.b), bLabel: label(p.a), value: v, title },
    ];
  });
  return {
    kind: 'heatmap',
    id: `cooccurrence-${metric}`,
    title: `Co-occurrence: ${METRIC_LABELS[metric]}`,
    valueLabel: METRIC_LABELS[metric],
    labels: ids.map(label),
    cells,
  };
}

/** Every co-occurring pair, most shared participants first; a row opens the overlapping quotes. */
export function pairsTable(report: StudyReport): TableModel {
  const labels = codeLabels(report);
  return {
    id: 'cooccurrence-pairs',
    title: 'Co-occurring pairs',
    header: [
      'Code',
      'Code',
      'Overlapping codings',
      'Transcripts',
      'Participants with both',
      'Participants with either',
      'Jaccard',
    ],
    numeric: [false, false, true, true, true, true, true],
    rows: report.coOccurrence.map((p) => [
      { ...text(labels.get(p.a) ?? p.a), action: { kind: 'showOverlaps' as const, a: p.a, b: p.b } },
      text(labels.get(p.b) ?? p.b),
      numberCell(p.overlaps, String(p.overlaps)),
      numberCell(p.overlapTranscripts, String(p.overlapTranscripts)),
      numberCell(p.participants, String(p.participants)),
      numberCell(p.participantsEither, String(p.participantsEither)),
      numberCell(p.jaccard, num(p.jaccard)),
    ]),
    caption:
      "Overlap: codings by the same coder sharing text. Participants: both codes anywhere in the participant's interview; Jaccard = both / either.",
  };
}
