import type { CoOccurrence } from '../../src/core/analysis/report-types';
import type { StudyReport } from '../protocol';
import type { CodeNetwork } from '../../src/core/network/network-types';
import { layoutNetwork } from '../../src/core/network/layout';
import { coOccurrenceEdges, drawNetwork, placeNodes, type NetworkDrawing, type NetworkSource } from './network';

/** One network's box when it is alone, and each one's when groups are side by side (SVG units). */
const SINGLE = { width: 1000, height: 680 };
const SIDE_BY_SIDE = { width: 680, height: 560 };
/** The layout's seed: the same report draws the same network every time. */
const SEED = 15;

/**
 * What the report's network says (codes with colour and participants, typed relations) and the report's
 * co-occurrence pairs (the heatmap's figures, whose overlapping quotes an edge click lists), as the panel draws it.
 */
export function networkSource(report: StudyReport): NetworkSource {
  const network = report.network;
  return {
    nodes: network.nodes.map((n) => ({
      id: n.id,
      name: n.name,
      color: n.color,
      participants: n.participants,
      core: n.core,
    })),
    relations: network.edges.flatMap((e) =>
      e.kind === 'relation'
        ? [{ from: e.from, to: e.to, type: e.type, label: e.label, directed: e.directed, memo: e.memo }]
        : [],
    ),
    coOccurrence: sourcePairs(report.coOccurrence),
  };
}

/** Co-occurrence pairs a network can draw: those with a Jaccard index (some participant has either code). */
function sourcePairs(pairs: readonly CoOccurrence[]): NetworkSource['coOccurrence'] {
  return pairs.flatMap((p) =>
    p.jaccard === null
      ? []
      : [
          {
            a: p.a,
            b: p.b,
            jaccard: p.jaccard,
            participants: p.participants,
            participantsEither: p.participantsEither,
          },
        ],
  );
}

/** The network the core lays out: the drawn nodes, the relations and the co-occurrence edges at the threshold. */
function layoutInput(source: NetworkSource, threshold: number | null): CodeNetwork {
  return {
    nodes: source.nodes.map((n) => ({ ...n, parent: null })),
    edges: [
      ...source.relations.map((r) => ({ kind: 'relation' as const, ...r, knownType: true })),
      ...coOccurrenceEdges(source, threshold).map((p) => ({
        kind: 'cooccurrence' as const,
        from: p.a,
        to: p.b,
        directed: false as const,
        jaccard: p.jaccard,
        participants: [],
        codings: [],
      })),
    ],
    participants: 0,
    minJaccard: threshold,
  };
}

/**
 * The networks the section shows: the whole (filtered) study, or with a grouping one per group, laid out
 * once so a code sits in the same place in every group, each sized by that group's participants against the
 * largest count of any group (a bigger circle means more participants in every one of them), each with the
 * co-occurrence edges of its own participants (the group's Jaccard, at the same threshold). The shared layout
 * pulls together codes that co-occur over all the report's participants, so it favours no group.
 */
export function networkDrawings(report: StudyReport, threshold: number | null): NetworkDrawing[] {
  const source = networkSource(report);
  const by = report.options.by;
  const levels = by === null ? [] : (report.codesByGroup[0]?.groups.map((g) => g.level) ?? []);
  const grouped = by !== null && levels.length > 0;
  const box = grouped ? SIDE_BY_SIDE : SINGLE;
  const layout = layoutNetwork(layoutInput(source, threshold), { ...box, seed: SEED });
  const laidOut = new Map(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
  if (!grouped) {
    const most = Math.max(0, ...source.nodes.map((n) => n.participants));
    const positions = placeNodes(laidOut, source.nodes, new Map(source.nodes.map((n) => [n.id, n.participants])), box);
    return [
      drawNetwork(source, positions, { id: 'network', title: 'Code network', group: null, ...box, threshold, most }),
    ];
  }
  const byCode = new Map(
    report.codesByGroup.map((c) => [c.code, new Map(c.groups.map((g) => [g.level, g.participants]))]),
  );
  const sizeIn = (code: string, level: string) => byCode.get(code)?.get(level) ?? 0;
  const largest = new Map(source.nodes.map((n) => [n.id, Math.max(0, ...levels.map((level) => sizeIn(n.id, level)))]));
  const most = Math.max(0, ...largest.values());
  const positions = placeNodes(laidOut, source.nodes, largest, box);
  const pairsIn = new Map(report.coOccurrenceByGroup.map((g) => [g.level, sourcePairs(g.pairs)]));
  return levels.map((level) =>
    drawNetwork(
      {
        ...source,
        nodes: source.nodes.map((n) => ({ ...n, participants: sizeIn(n.id, level) })),
        coOccurrence: pairsIn.get(level) ?? [],
      },
      positions,
      {
        id: `network-${by}-${level}`,
        title: `${by} = ${level}`,
        group: level,
        ...box,
        threshold,
        most,
      },
    ),
  );
}
