import { forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { Point } from './network-geometry';

/** A node to place: its circle, and the box of the label drawn centred under it. */
export interface LabelledNode {
  id: string;
  radius: number;
  labelWidth: number;
}

/** Font size of node labels, and the width of one character at that size (average of proportional fonts). */
export const LABEL_FONT_SIZE = 11;
const CHARACTER_WIDTH = 6.1;
const LABEL_HEIGHT = 13;
/** Room kept free around every node and label. */
const GAP = 4;

export function labelWidth(label: string): number {
  return Array.from(label).length * CHARACTER_WIDTH;
}

interface Placed extends SimulationNodeDatum {
  id: string;
  radius: number;
  labelWidth: number;
  homeX: number;
  homeY: number;
}

/** The box a node and its label take: the circle, with the label under it, whichever is wider. */
function box(node: Placed): { left: number; right: number; top: number; bottom: number } {
  const x = node.x ?? 0;
  const y = node.y ?? 0;
  const half = Math.max(node.radius, node.labelWidth / 2) + GAP;
  return { left: x - half, right: x + half, top: y - node.radius - GAP, bottom: y + node.radius + LABEL_HEIGHT + GAP };
}

/**
 * Pushes apart any two nodes whose boxes (circle plus label) overlap, along the axis where they overlap less:
 * d3-force's collide force knows only circles, and a label is a wide, flat box.
 */
function forceLabelCollide(strength: number) {
  let nodes: Placed[] = [];
  const force = (alpha: number) => {
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i] as Placed;
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j] as Placed;
        const p = box(a);
        const q = box(b);
        const overlapX = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const overlapY = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (overlapX <= 0 || overlapY <= 0) continue;
        const push = strength * alpha + 0.5 * strength;
        if (overlapX < overlapY) {
          const shift = (overlapX / 2) * push * Math.sign((b.x ?? 0) - (a.x ?? 0) || (a.id < b.id ? 1 : -1));
          a.vx = (a.vx ?? 0) - shift;
          b.vx = (b.vx ?? 0) + shift;
        } else {
          const shift = (overlapY / 2) * push * Math.sign((b.y ?? 0) - (a.y ?? 0) || (a.id < b.id ? 1 : -1));
          a.vy = (a.vy ?? 0) - shift;
          b.vy = (b.vy ?? 0) + shift;
        }
      }
    }
  };
  force.initialize = (initial: Placed[]) => {
    nodes = initial;
  };
  return force;
}

/**
 * Spreads a laid-out network so that no code's circle or label covers another's, staying as close as it can to
 * the layout's positions (which say which codes belong together) and inside the drawing. Deterministic: no
 * randomness, a fixed number of steps. The core's force layout places the codes; this only makes room for
 * their names, which the core does not know the size of.
 */
export function spreadForLabels(
  positions: ReadonlyMap<string, Point>,
  nodes: readonly LabelledNode[],
  width: number,
  height: number,
): Map<string, Point> {
  const placed: Placed[] = nodes.flatMap((node) => {
    const at = positions.get(node.id);
    return at ? [{ ...node, x: at.x, y: at.y, homeX: at.x, homeY: at.y }] : [];
  });
  if (placed.length < 2) return new Map(placed.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }]));
  const simulation = forceSimulation<Placed>(placed)
    .force('label', forceLabelCollide(0.9))
    .force('x', forceX<Placed>((n) => n.homeX).strength(0.06))
    .force('y', forceY<Placed>((n) => n.homeY).strength(0.06))
    .velocityDecay(0.5)
    .stop();
  for (let tick = 0; tick < 240; tick++) {
    simulation.tick();
    for (const node of placed) {
      // Inside the drawing, labels included.
      const half = Math.max(node.radius, node.labelWidth / 2) + GAP;
      node.x = Math.min(width - half, Math.max(half, node.x ?? 0));
      node.y = Math.min(height - node.radius - LABEL_HEIGHT - GAP, Math.max(node.radius + GAP, node.y ?? 0));
    }
  }
  return new Map(placed.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }]));
}
