/**
 * Where relation labels go so they do not sit under code names: a relation's label starts at its edge's
 * middle and, when that spot is covered by a code's name, circle or another relation's label, slides along
 * the edge (then a little to either side of it) to the first free spot. A label stays on or beside its own
 * edge, so it still reads as that edge's. Pure, unit-tested in Node; the rendered result is measured in
 * Chromium (test/browser).
 */
import { pointOnCurve, type EdgePath, type Point } from './network-geometry';
import { LABEL_FONT_SIZE, labelWidth } from './network-spread';

/** Font size of relation labels (the drawing uses it too), and their width per node-label width. */
export const EDGE_LABEL_FONT_SIZE = 9.5;
const WIDTH_SCALE = EDGE_LABEL_FONT_SIZE / LABEL_FONT_SIZE;
/** A relation label's text sits this far below its point (the drawing's baseline offset). */
export const EDGE_LABEL_BASELINE = 3;
/** Room kept free around a label: two lines of text stacked without a gap read as one. */
const PAD = 5;
/** Height of a line of text above and below its baseline, per font size (as browsers lay out sans-serif text). */
const ASCENT = 0.95;
const DESCENT = 0.25;
/** Places along the edge tried, middle first, then outwards; then the same farther to either side (a short edge has little room along it). */
const ALONG = [0.5, ...[0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4].flatMap((d) => [0.5 - d, 0.5 + d])];
const ASIDE = [0, 7, -7, 13, -13, 20, -20];

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What a node takes: its circle and its name centred under it (as the section draws them). */
export interface LabelledDisc extends Point {
  radius: number;
  label: string;
}

/** The box of a node's name: centred under the circle, baseline one font size below the rim. */
export function nodeLabelBox(node: LabelledDisc): Box {
  return textBox(node.x, labelWidth(node.label) / 2, node.y + node.radius + LABEL_FONT_SIZE, LABEL_FONT_SIZE);
}

/** The box of a relation label whose anchor point is `at`. */
export function edgeLabelBox(text: string, at: Point): Box {
  return textBox(at.x, (labelWidth(text) * WIDTH_SCALE) / 2, at.y + EDGE_LABEL_BASELINE, EDGE_LABEL_FONT_SIZE);
}

/** The box of a line of text centred on `x`, `half` wide on each side, sitting on `baseline`. */
function textBox(x: number, half: number, baseline: number, fontSize: number): Box {
  return { left: x - half, right: x + half, top: baseline - ASCENT * fontSize, bottom: baseline + DESCENT * fontSize };
}

/** Area two boxes share (0 when apart). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

function padded(box: Box): Box {
  return { left: box.left - PAD, right: box.right + PAD, top: box.top - PAD, bottom: box.bottom + PAD };
}

/**
 * A place for each labelled edge's label, in the order given (earlier labels keep the middle of their
 * edge; later ones avoid them too). Each is the first of the tried places that covers nothing; when every
 * one covers something, the one that covers least (a name counts twice a circle: names must stay readable).
 */
export function placeEdgeLabels(
  edges: readonly { text: string; curve: EdgePath['curve'] }[],
  nodes: readonly LabelledDisc[],
): Point[] {
  const names = nodes.map(nodeLabelBox);
  const discs = nodes.map((n) => ({
    left: n.x - n.radius,
    right: n.x + n.radius,
    top: n.y - n.radius,
    bottom: n.y + n.radius,
  }));
  const placed: Box[] = [];
  return edges.map((edge) => {
    const along = ALONG.map((t) => ({ t, point: pointOnCurve(edge.curve, t) }));
    const { start, end } = edge.curve;
    const length = Math.hypot(end.x - start.x, end.y - start.y) || 1;
    const [nx, ny] = [-(end.y - start.y) / length, (end.x - start.x) / length];
    let best: Point | undefined;
    let bestCost = Infinity;
    search: for (const aside of ASIDE) {
      for (const { point } of along) {
        const at = { x: point.x + nx * aside, y: point.y + ny * aside };
        const box = padded(edgeLabelBox(edge.text, at));
        let cost = 0;
        for (const name of names) cost += 2 * overlapArea(box, name);
        for (const disc of discs) cost += overlapArea(box, disc);
        for (const other of placed) cost += 2 * overlapArea(box, other);
        if (cost < bestCost) {
          best = at;
          bestCost = cost;
        }
        if (cost === 0) break search;
      }
    }
    const chosen = best ?? pointOnCurve(edge.curve, 0.5);
    placed.push(edgeLabelBox(edge.text, chosen));
    return chosen;
  });
}
