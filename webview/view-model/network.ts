/**
 * The Network section's model: codes as nodes (sized by participants, in the code's colour), typed
 * relations as labelled edges with their direction, and optionally co-occurrence edges above a Jaccard
 * threshold. With a grouping, one network per group side by side, every one with the same node positions
 * (so two groups compare at a glance) and node sizes from that group's participants. Pure: the drawing
 * (webview/ui/sections/network.ts) only turns this into SVG elements.
 */
import { nodeRadius } from '../../src/core/network/layout';
import { edgeBends, edgePath, fitPositions, shortLabel, type EdgePath, type Point } from './network-geometry';
import { placeEdgeLabels } from './network-edge-labels';
import { labelWidth, spreadForLabels } from './network-spread';

/** A code as the network shows it. */
export interface SourceNode {
  id: string;
  name: string;
  /** `#rrggbb`; the code's own or a palette colour. */
  color: string;
  participants: number;
  core: boolean;
}

/** A typed relation between two codes. */
export interface SourceRelation {
  from: string;
  to: string;
  type: string;
  /** How the type reads in words ("causes", "is part of"). */
  label: string;
  directed: boolean;
  memo: string | null;
}

/** Two codes used by the same participants. */
export interface SourceCoOccurrence {
  a: string;
  b: string;
  jaccard: number;
  participants: number;
  participantsEither: number;
}

/** What one network is drawn from. */
export interface NetworkSource {
  nodes: SourceNode[];
  relations: SourceRelation[];
  coOccurrence: SourceCoOccurrence[];
}

export interface DrawnNode extends SourceNode {
  label: string;
  radius: number;
  x: number;
  y: number;
  /** Tooltip and accessible name. */
  title: string;
  /** No participant of this group (or of the filter) has the code: drawn faint. */
  absent: boolean;
}

export type DrawnEdge =
  | (EdgePath & {
      kind: 'relation';
      key: string;
      from: string;
      to: string;
      type: string;
      text: string;
      directed: boolean;
      memo: string | null;
      title: string;
    })
  | (EdgePath & {
      kind: 'cooccurrence';
      key: string;
      from: string;
      to: string;
      /** The group whose participants the Jaccard is over; null for the whole (filtered) study. */
      group: string | null;
      jaccard: number;
      /** Stroke width, 1–4 by Jaccard. */
      width: number;
      title: string;
    });

export interface NetworkDrawing {
  /** Export name and DOM id. */
  id: string;
  title: string;
  /** The group's level, or null for the whole (filtered) study. */
  group: string | null;
  width: number;
  height: number;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

/** Jaccard thresholds offered for co-occurrence edges (null: none drawn); a study whose codes most participants have needs the high ones. */
export const COOCCURRENCE_THRESHOLDS = [0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1] as const;

/** Room left around the nodes for their labels (SVG units): labels are centred under the nodes. */
const MARGIN = { x: 70, y: 40 };
/** Share of codes at each end of an axis that do not set the scale (see fitPositions). */
const TRIM = 0.05;
/** More relations than this, and their labels show only around the code in focus (all are in the tooltips and the list). */
export const LABELLED_EDGES = 24;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Co-occurrence pairs drawn at a threshold: Jaccard at least `threshold`, both codes in the network. */
export function coOccurrenceEdges(source: NetworkSource, threshold: number | null): SourceCoOccurrence[] {
  if (threshold === null) return [];
  const known = new Set(source.nodes.map((n) => n.id));
  return source.coOccurrence.filter((p) => p.jaccard >= threshold && known.has(p.a) && known.has(p.b));
}

/**
 * Where the codes go in a width × height drawing: the layout's positions fitted into it, then spread so no
 * circle or label covers another. `largest` is each code's largest participant count of the networks drawn
 * from these positions (side by side, every group's), so there is room for its largest circle in all of them.
 */
export function placeNodes(
  positions: ReadonlyMap<string, Point>,
  nodes: readonly { id: string; name: string }[],
  largest: ReadonlyMap<string, number>,
  box: { width: number; height: number },
): Map<string, Point> {
  const fitted = fitPositions(positions, box.width, box.height, MARGIN, TRIM);
  const most = Math.max(0, ...largest.values());
  return spreadForLabels(
    fitted,
    nodes.map((node) => ({
      id: node.id,
      radius: nodeRadius(largest.get(node.id) ?? 0, most),
      labelWidth: labelWidth(shortLabel(node.name)),
    })),
    box.width,
    box.height,
  );
}

/**
 * Draws a network at placed node positions (see placeNodes). `most` is the count the largest radius stands
 * for, the same across side-by-side networks so a bigger circle means more participants in every one of them.
 */
export function drawNetwork(
  source: NetworkSource,
  positions: ReadonlyMap<string, Point>,
  options: {
    id: string;
    title: string;
    group: string | null;
    width: number;
    height: number;
    threshold: number | null;
    most: number;
  },
): NetworkDrawing {
  const sized = source.nodes.flatMap((node) =>
    positions.has(node.id)
      ? [{ node, label: shortLabel(node.name), radius: nodeRadius(node.participants, options.most) }]
      : [],
  );
  const nodes: DrawnNode[] = sized.map(({ node, label, radius }) => {
    const at = positions.get(node.id) as Point;
    const title = [
      node.name,
      node.core ? 'core category' : null,
      `${plural(node.participants, 'participant')}${options.group === null ? '' : ` (${options.group})`}`,
    ]
      .filter(Boolean)
      .join(' · ');
    return { ...node, label, radius, ...at, title, absent: node.participants === 0 };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const relations = source.relations.filter((r) => byId.has(r.from) && byId.has(r.to) && r.from !== r.to);
  const pairs = coOccurrenceEdges(source, options.threshold);
  const all: { from: string; to: string }[] = [...relations, ...pairs.map((p) => ({ from: p.a, to: p.b }))];
  const bends = edgeBends(all);
  const path = (from: string, to: string, index: number) => {
    const a = byId.get(from) as DrawnNode;
    const b = byId.get(to) as DrawnNode;
    return edgePath(a, b, a.radius, b.radius, bends[index] ?? 0);
  };
  const edges: DrawnEdge[] = [
    ...relations.map((relation, index): DrawnEdge => {
      const text = relation.label;
      const arrow = relation.directed ? '→' : '—';
      return {
        kind: 'relation',
        key: `${relation.from}|${relation.type}|${relation.to}`,
        from: relation.from,
        to: relation.to,
        type: relation.type,
        text,
        directed: relation.directed,
        memo: relation.memo,
        title: `${name(relation.from)} ${arrow} ${text} ${arrow} ${name(relation.to)}${relation.memo ? `\n${relation.memo}` : ''}`,
        ...path(relation.from, relation.to, index),
      };
    }),
    ...pairs.map((pair, i): DrawnEdge => {
      const index = relations.length + i;
      return {
        kind: 'cooccurrence',
        // Each group's network has its own co-occurrence edges, so the group is part of the key.
        key: options.group === null ? `co|${pair.a}|${pair.b}` : `co|${pair.a}|${pair.b}|${options.group}`,
        from: pair.a,
        to: pair.b,
        group: options.group,
        jaccard: pair.jaccard,
        width: 1 + 3 * Math.min(1, Math.max(0, pair.jaccard)),
        title: `${name(pair.a)} × ${name(pair.b)}: ${pair.participants} of ${pair.participantsEither} participants${options.group === null ? '' : ` (${options.group})`} with either code have both (Jaccard ${pair.jaccard.toFixed(2)})`,
        ...path(pair.a, pair.b, index),
      };
    }),
  ];
  // Relation labels move off code names (and circles, and each other) along their edge.
  const labelled = edges.filter((e) => e.kind === 'relation');
  placeEdgeLabels(labelled, nodes).forEach((at, i) => {
    (labelled[i] as DrawnEdge).label = at;
  });
  return {
    id: options.id,
    title: options.title,
    group: options.group,
    width: options.width,
    height: options.height,
    // Tab order reads the network left to right, top to bottom.
    nodes: [...nodes].sort((a, b) => Math.round(a.y / 40) - Math.round(b.y / 40) || a.x - b.x),
    edges,
  };
}

/** The nodes an edge touches, for highlighting a node's neighbourhood. */
export function neighbours(drawing: NetworkDrawing, id: string): Set<string> {
  const near = new Set<string>([id]);
  for (const edge of drawing.edges) {
    if (edge.from === id) near.add(edge.to);
    if (edge.to === id) near.add(edge.from);
  }
  return near;
}
