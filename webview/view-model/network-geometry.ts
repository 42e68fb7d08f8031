/**
 * Where the network's marks go once the layout has placed the nodes: node radii, edges that stop at the
 * node's rim (so an arrow head is seen), curved edges when two codes are joined more than once, labels
 * that fit, and which node an arrow key moves to. Pure functions, unit-tested in Node.
 */

export interface Point {
  x: number;
  y: number;
}

/** Longest label drawn beside a node, in characters; the whole name is in the node's tooltip. */
export const LABEL_CHARACTERS = 24;

export function shortLabel(name: string, max: number = LABEL_CHARACTERS): string {
  const characters = Array.from(name.trim());
  if (characters.length <= max) return characters.join('');
  const cut = characters.slice(0, max - 1).join('');
  // Cut at the last word boundary, unless that drops more than half the room.
  const space = characters[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${space > cut.length / 2 ? cut.slice(0, space).trimEnd() : cut}…`;
}

/**
 * Positions fitted into a width × height box with margins (wider at the sides, where labels run), keeping
 * the aspect ratio (a force layout's distances mean something; stretching one axis would not). The scale is
 * set by the middle `1 − 2·trim` of the codes on each axis, and the few beyond are kept at the border: one
 * unrelated code far out would otherwise squeeze all the others into the middle.
 */
export function fitPositions(
  positions: ReadonlyMap<string, Point>,
  width: number,
  height: number,
  margin: { x: number; y: number },
  trim = 0,
): Map<string, Point> {
  const points = [...positions.values()];
  if (points.length === 0) return new Map();
  if (points.length === 1) return new Map([...positions.keys()].map((id) => [id, { x: width / 2, y: height / 2 }]));
  const range = (values: number[]): [number, number] => {
    const sorted = [...values].sort((a, b) => a - b);
    const cut = Math.min(Math.floor(trim * sorted.length), Math.floor((sorted.length - 1) / 2));
    return [sorted[cut] as number, sorted[sorted.length - 1 - cut] as number];
  };
  const [minX, maxX] = range(points.map((p) => p.x));
  const [minY, maxY] = range(points.map((p) => p.y));
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const innerW = Math.max(width - 2 * margin.x, 1);
  const innerH = Math.max(height - 2 * margin.y, 1);
  const scale = Math.min(innerW / spanX, innerH / spanY);
  const offsetX = margin.x + (innerW - spanX * scale) / 2;
  const offsetY = margin.y + (innerH - spanY * scale) / 2;
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  const fitted = new Map<string, Point>();
  for (const [id, p] of positions)
    fitted.set(id, {
      x: clamp(offsetX + (p.x - minX) * scale, margin.x / 2, width - margin.x / 2),
      y: clamp(offsetY + (p.y - minY) * scale, margin.y / 2, height - margin.y / 2),
    });
  return fitted;
}

export interface EdgePath {
  /** SVG path data. */
  d: string;
  /** Where the edge's label sits (the curve's midpoint, until placeEdgeLabels finds a freer spot on it). */
  label: Point;
  /** The drawn curve as a quadratic Bézier from rim to rim (a straight edge: control halfway). */
  curve: { start: Point; control: Point; end: Point };
}

/** The point at `t` (0–1) along an edge's curve. */
export function pointOnCurve(curve: EdgePath['curve'], t: number): Point {
  const { start, control, end } = curve;
  const u = 1 - t;
  return {
    x: u * u * start.x + 2 * u * t * control.x + t * t * end.x,
    y: u * u * start.y + 2 * u * t * control.y + t * t * end.y,
  };
}

/**
 * The path of an edge from one node's rim to the other's. `bend` is how far the curve's midpoint leaves the
 * straight line, as a share of its length (0: straight): the second and later edges between two codes
 * bend apart so each arrow and label stays visible.
 */
export function edgePath(from: Point, to: Point, fromRadius: number, toRadius: number, bend: number): EdgePath {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length < 1e-6)
    return { d: `M${r(from.x)},${r(from.y)}`, label: from, curve: { start: from, control: from, end: from } };
  const [ux, uy] = [dx / length, dy / length];
  // Perpendicular, to the left of the direction of travel.
  const [px, py] = [-uy, ux];
  const control = {
    x: (from.x + to.x) / 2 + px * bend * length,
    y: (from.y + to.y) / 2 + py * bend * length,
  };
  // Leave and arrive along the curve's tangents, at the rims.
  const start = towards(from, control, fromRadius);
  const end = towards(to, control, toRadius + 2);
  // The curve's midpoint; on a straight edge, halfway between the rims (the visible line's middle).
  const label =
    bend === 0
      ? { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }
      : {
          x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
          y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y,
        };
  const d =
    bend === 0
      ? `M${r(start.x)},${r(start.y)}L${r(end.x)},${r(end.y)}`
      : `M${r(start.x)},${r(start.y)}Q${r(control.x)},${r(control.y)} ${r(end.x)},${r(end.y)}`;
  const curve = { start, control: bend === 0 ? { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 } : control, end };
  return { d, label, curve };
}

function towards(from: Point, to: Point, distance: number): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  if (length < 1e-6) return from;
  return { x: from.x + ((to.x - from.x) / length) * distance, y: from.y + ((to.y - from.y) / length) * distance };
}

function r(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/**
 * Bends for edges between the same two codes (in either direction): one edge is straight, several fan out
 * symmetrically. The key is the unordered pair; an edge drawn b→a bends the other way round, so it is
 * flipped to keep the fan.
 */
export function edgeBends(edges: readonly { from: string; to: string }[]): number[] {
  const groups = new Map<string, number[]>();
  edges.forEach((edge, index) => {
    const key = edge.from < edge.to ? `${edge.from}\u0000${edge.to}` : `${edge.to}\u0000${edge.from}`;
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  const bends = edges.map(() => 0);
  for (const indices of groups.values()) {
    if (indices.length === 1) continue;
    indices.forEach((edgeIndex, i) => {
      const edge = edges[edgeIndex] as { from: string; to: string };
      const offset = (i - (indices.length - 1) / 2) * 0.22;
      // Two edges: ±0.11, never straight, so a pair a→b, b→a shows two arrows apart.
      bends[edgeIndex] = edge.from < edge.to ? offset : -offset;
    });
  }
  return bends;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The node an arrow key moves to: the nearest one whose direction from here is within 60° of the arrow's,
 * distance weighted against straying sideways. Undefined at the edge of the network.
 */
export function nodeInDirection(
  from: string,
  positions: ReadonlyMap<string, Point>,
  direction: Direction,
): string | undefined {
  const here = positions.get(from);
  if (!here) return undefined;
  const [ax, ay] = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] }[direction] as [number, number];
  let best: string | undefined;
  let bestScore = Infinity;
  for (const [id, p] of positions) {
    if (id === from) continue;
    const dx = p.x - here.x;
    const dy = p.y - here.y;
    const distance = Math.hypot(dx, dy);
    if (distance < 1e-6) continue;
    const along = (dx * ax + dy * ay) / distance;
    if (along < 0.5) continue; // more than 60° off the arrow's direction
    const score = distance * (2 - along);
    if (score < bestScore || (score === bestScore && best !== undefined && id < best)) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}
