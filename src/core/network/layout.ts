import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import type { CodeNetwork } from './network-types';

export interface LayoutOptions {
  /** Drawing size the positions are fitted into, margins included; a larger network gets a larger drawing. */
  readonly width?: number;
  readonly height?: number;
  /** Simulation steps: a fixed count, so the layout never depends on how fast the machine is. */
  readonly ticks?: number;
  /** Seed of the simulation's random source (used to break ties between coincident nodes). */
  readonly seed?: number;
}

export interface PlacedNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  /** Radius: grows with the square root of the participants, so area is proportional to them. */
  readonly r: number;
}

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  /** In the network's node order. */
  readonly nodes: PlacedNode[];
}

export const MIN_RADIUS = 6;
export const MAX_RADIUS = 22;
const MARGIN = 24;

interface SimNode extends SimulationNodeDatum {
  id: string;
  r: number;
  /** Room the node needs: its circle, or half its label's width when that is wider. */
  room: number;
}

/** The seeded linear congruential generator d3 documents for reproducible simulations. */
function seededRandom(seed: number): () => number {
  const a = 1664525;
  const c = 1013904223;
  const m = 4294967296;
  let state = seed >>> 0;
  return () => (state = (a * state + c) % m) / m;
}

/** Half the width of a node's label at the drawing's 12px font (about 6.5px a character), capped. */
function labelHalfWidth(name: string): number {
  return Math.min(90, ([...name].length * 6.5) / 2 + 4);
}

/** Node radius for a participant count, against the largest count in the network. */
export function nodeRadius(participants: number, maxParticipants: number): number {
  if (maxParticipants <= 0) return MIN_RADIUS;
  return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(participants / maxParticipants);
}

/**
 * Positions for the network's nodes from a force simulation (d3-force): linked codes attract (relations
 * more than co-occurrence, which pulls by its Jaccard), all codes repel, nodes never overlap. Pure and
 * deterministic: seeded randomness and a fixed number of ticks, run synchronously (the simulation's timer is
 * stopped before it fires), no DOM. The result is scaled into width × height.
 */
export function layoutNetwork(network: CodeNetwork, options: LayoutOptions = {}): NetworkLayout {
  const width = options.width ?? 800;
  const height = options.height ?? 600;
  const maxParticipants = Math.max(0, ...network.nodes.map((n) => n.participants));
  const nodes: SimNode[] = network.nodes.map((n) => {
    const r = nodeRadius(n.participants, maxParticipants);
    return { id: n.id, r, room: Math.max(r + 14, labelHalfWidth(n.name)) };
  });
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const links: (SimulationLinkDatum<SimNode> & { strength: number })[] = network.edges
    .filter((e) => index.has(e.from) && index.has(e.to) && e.from !== e.to)
    .map((e) => ({
      source: index.get(e.from) as number,
      target: index.get(e.to) as number,
      strength: e.kind === 'relation' ? 0.7 : 0.1 + 0.5 * e.jaccard,
    }));
  const simulation = forceSimulation<SimNode>(nodes)
    .randomSource(seededRandom(options.seed ?? 1))
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode> & { strength: number }>(links)
        .distance((l) => 50 + (l.source as SimNode).room + (l.target as SimNode).room)
        .strength((l) => l.strength),
    )
    .force('charge', forceManyBody<SimNode>().strength(-400))
    .force(
      'collide',
      forceCollide<SimNode>((n) => n.r + 14),
    )
    // Weak pulls to the middle keep unlinked codes from drifting off (forceCenter would only translate).
    .force('x', forceX<SimNode>(0).strength(0.04))
    .force('y', forceY<SimNode>(0).strength(0.06))
    .stop();
  simulation.tick(options.ticks ?? 300);
  return fit(nodes, width, height);
}

/** Scales and centres the simulated positions into the drawing, keeping the aspect ratio. */
function fit(nodes: readonly SimNode[], width: number, height: number): NetworkLayout {
  if (nodes.length === 0) return { width, height, nodes: [] };
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const pad = MARGIN + MAX_RADIUS;
  // Labels stick out sideways: keep the widest one inside the drawing.
  const padX = MARGIN + Math.max(MAX_RADIUS, ...nodes.map((n) => n.room));
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const spanX = Math.max(...xs) - minX;
  const spanY = Math.max(...ys) - minY;
  // Never shrink distances below the simulation's: collision kept labels apart at scale 1, so a network too
  // big for the drawing gets a bigger drawing (an SVG scales as a whole, text included) instead.
  const scale = Math.max(
    1,
    Math.min(spanX > 0 ? (width - 2 * padX) / spanX : Infinity, spanY > 0 ? (height - 2 * pad) / spanY : Infinity, 1.5),
  );
  const drawingWidth = Math.max(width, Math.ceil(spanX * scale + 2 * padX));
  const drawingHeight = Math.max(height, Math.ceil(spanY * scale + 2 * pad));
  const offsetX = (drawingWidth - spanX * scale) / 2;
  const offsetY = (drawingHeight - spanY * scale) / 2;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    width: drawingWidth,
    height: drawingHeight,
    nodes: nodes.map((n) => ({
      id: n.id,
      x: round(offsetX + ((n.x ?? 0) - minX) * scale),
      y: round(offsetY + ((n.y ?? 0) - minY) * scale),
      r: round(n.r),
    })),
  };
}
