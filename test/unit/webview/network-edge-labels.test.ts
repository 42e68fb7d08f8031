import * as assert from 'node:assert/strict';
import { edgePath } from '../../../webview/view-model/network-geometry';
import {
  edgeLabelBox,
  nodeLabelBox,
  overlapArea,
  placeEdgeLabels,
} from '../../../webview/view-model/network-edge-labels';

const A = { x: 0, y: 0, radius: 10, label: 'Hierarchy' };
const B = { x: 300, y: 0, radius: 10, label: 'Silence' };

describe('relation labels avoid code names', () => {
  it('a free edge keeps its label in the middle', () => {
    const path = edgePath(A, B, A.radius, B.radius, 0);
    const [at] = placeEdgeLabels([{ text: 'causes', curve: path.curve }], [A, B]);
    assert.deepEqual(at, path.label);
  });

  it('a name over the middle of the edge moves the label along the edge to a free spot', () => {
    // A third code just above the edge's middle: its name sits where the label would.
    const C = { x: 150, y: -22, radius: 6, label: 'Peer mentorship' };
    const path = edgePath(A, B, A.radius, B.radius, 0);
    const middle = edgeLabelBox('is strategy for', path.label);
    assert.ok(overlapArea(middle, nodeLabelBox(C)) > 0, 'the middle is covered');
    const [at] = placeEdgeLabels([{ text: 'is strategy for', curve: path.curve }], [A, B, C]);
    assert.ok(at, 'placed');
    assert.equal(overlapArea(edgeLabelBox('is strategy for', at), nodeLabelBox(C)), 0, 'off the name');
    assert.ok(Math.abs(at.y) <= 13 && at.x > A.x && at.x < B.x, 'still on or beside its own edge');
  });

  it('two labels that would meet take different spots; the first keeps the middle', () => {
    const path = edgePath(A, B, A.radius, B.radius, 0);
    const edges = [
      { text: 'causes', curve: path.curve },
      { text: 'contradicts', curve: path.curve },
    ];
    const [first, second] = placeEdgeLabels(edges, [A, B]);
    assert.deepEqual(first, path.label);
    assert.equal(overlapArea(edgeLabelBox('causes', first!), edgeLabelBox('contradicts', second!)), 0);
  });
});
