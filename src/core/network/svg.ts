import type { CodeNetwork, NetworkEdge } from './network-types';
import type { NetworkLayout, PlacedNode } from './layout';

/** Escapes text for SVG/XML element content and quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

export interface SvgOptions {
  /** The accessible name of the drawing. */
  readonly title?: string;
}

/** One edge's geometry: a straight line, or a curve when several edges join the same two codes. */
interface EdgePath {
  readonly d: string;
  readonly labelX: number;
  readonly labelY: number;
}

const PARALLEL_SPACING = 22;
const round = (v: number) => Math.round(v * 10) / 10;

/**
 * The network as a standalone SVG (no script, no external reference, no style element: it is valid inside
 * an HTML report with a CSP that forbids all three). Lines and labels use currentColor, so the drawing
 * follows the page's light or dark text colour; node fills are the code colours. Each node and edge is a
 * group with a <title> (its tooltip) and data attributes naming the code(s), for a host that adds behaviour.
 */
export function renderNetworkSvg(network: CodeNetwork, layout: NetworkLayout, options: SvgOptions = {}): string {
  const placed = new Map(layout.nodes.map((n) => [n.id, n]));
  const title = options.title ?? 'Code network';
  const paths = edgePaths(network.edges, placed);
  const edges = network.edges.flatMap((edge, i) => {
    const path = paths[i];
    if (!path) return [];
    if (edge.kind === 'cooccurrence') {
      const width = round(1 + 4 * edge.jaccard);
      const tip = `${edge.from} and ${edge.to} co-occur: Jaccard ${edge.jaccard.toFixed(2)}, ${edge.participants.length} participant(s)`;
      return [
        `<g class="edge cooccurrence" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}"><title>${escapeXml(tip)}</title><path d="${path.d}" fill="none" stroke="currentColor" stroke-opacity="0.35" stroke-width="${width}" stroke-dasharray="4 3"/></g>`,
      ];
    }
    const tip = `${edge.from} ${edge.label} ${edge.to}${edge.memo ? ` — ${edge.memo}` : ''}`;
    const marker = edge.directed ? ' marker-end="url(#arrow)"' : '';
    return [
      `<g class="edge relation" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}" data-type="${escapeXml(edge.type)}"><title>${escapeXml(tip)}</title><path d="${path.d}" fill="none" stroke="currentColor" stroke-opacity="0.75" stroke-width="1.5"${marker}/><text x="${path.labelX}" y="${path.labelY}" text-anchor="middle" font-size="11" fill="currentColor" font-style="italic">${escapeXml(edge.label)}</text></g>`,
    ];
  });
  const nodes = network.nodes.flatMap((node) => {
    const at = placed.get(node.id);
    if (!at) return [];
    const ring = node.core
      ? `<circle cx="${at.x}" cy="${at.y}" r="${round(at.r + 4)}" fill="none" stroke="currentColor" stroke-width="2"/>`
      : '';
    const tip = `${node.name} (${node.id}): ${node.participants} participant(s)${node.core ? ', core category' : ''}`;
    return [
      `<g class="node${node.core ? ' core' : ''}" data-code="${escapeXml(node.id)}"><title>${escapeXml(tip)}</title>${ring}<circle cx="${at.x}" cy="${at.y}" r="${at.r}" fill="${escapeXml(node.color)}" stroke="currentColor" stroke-opacity="0.6"/><text x="${at.x}" y="${round(at.y + at.r + 13)}" text-anchor="middle" font-size="12" fill="currentColor"${node.core ? ' font-weight="bold"' : ''}>${escapeXml(node.name)}</text></g>`,
    ];
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="network-title" font-family="system-ui, sans-serif">`,
    `<title id="network-title">${escapeXml(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>',
    ...edges,
    ...nodes,
    '</svg>',
  ].join('\n');
}

/**
 * Paths of the edges, trimmed to the node circles (so arrowheads touch the rim). Edges that join the same
 * two codes are bowed apart symmetrically, so "a causes b" and "b is-consequence-of a" stay readable.
 */
function edgePaths(edges: readonly NetworkEdge[], placed: ReadonlyMap<string, PlacedNode>): (EdgePath | undefined)[] {
  const pairKey = (e: NetworkEdge) => (e.from < e.to ? `${e.from}\u0000${e.to}` : `${e.to}\u0000${e.from}`);
  const siblings = new Map<string, number>();
  for (const edge of edges) siblings.set(pairKey(edge), (siblings.get(pairKey(edge)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return edges.map((edge) => {
    const a = placed.get(edge.from);
    const b = placed.get(edge.to);
    if (!a || !b || a === b) return undefined;
    const key = pairKey(edge);
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const count = siblings.get(key) ?? 1;
    // Offsets are measured in one orientation of the pair, so b→a edges bow to their own side.
    const sign = edge.from < edge.to ? 1 : -1;
    const offset = (k - (count - 1) / 2) * PARALLEL_SPACING * sign;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy) || 1;
    const cx = (a.x + b.x) / 2 - (dy / length) * offset * 2;
    const cy = (a.y + b.y) / 2 + (dx / length) * offset * 2;
    const start = towards(a, cx, cy, a.r + 1);
    const end = towards(b, cx, cy, b.r + 3);
    const labelX = round((start.x + 2 * cx + end.x) / 4);
    const labelY = round((start.y + 2 * cy + end.y) / 4 - 3);
    const d =
      offset === 0
        ? `M${round(start.x)},${round(start.y)} L${round(end.x)},${round(end.y)}`
        : `M${round(start.x)},${round(start.y)} Q${round(cx)},${round(cy)} ${round(end.x)},${round(end.y)}`;
    return { d, labelX, labelY };
  });
}

/** The point `distance` from the node's centre in the direction of (x, y). */
function towards(node: PlacedNode, x: number, y: number, distance: number): { x: number; y: number } {
  const dx = x - node.x;
  const dy = y - node.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: node.x + (dx / length) * distance, y: node.y + (dy / length) * distance };
}
