import * as assert from 'node:assert/strict';
import { drawNetwork, placeNodes, type NetworkSource } from '../../../webview/view-model/network';
import { labelWidth } from '../../../webview/view-model/network-spread';
import { shortLabel } from '../../../webview/view-model/network-geometry';
import { Random } from '../support/random';

const SOURCE: NetworkSource = {
  nodes: [
    { id: 'hierarchy', name: 'Hierarchy', color: '#4e79a7', participants: 20, core: true },
    { id: 'silence', name: 'Silence', color: '#f28e2b', participants: 10, core: false },
    { id: 'peer', name: 'Peer support', color: '#59a14f', participants: 0, core: false },
  ],
  relations: [
    { from: 'hierarchy', to: 'silence', type: 'causes', label: 'causes', directed: true, memo: 'P01, P07' },
    { from: 'silence', to: 'hierarchy', type: 'causes', label: 'causes', directed: true, memo: null },
    { from: 'peer', to: 'silence', type: 'contradicts', label: 'contradicts', directed: false, memo: null },
    { from: 'peer', to: 'peer', type: 'causes', label: 'causes', directed: true, memo: null },
    { from: 'peer', to: 'gone', type: 'causes', label: 'causes', directed: true, memo: null },
  ],
  coOccurrence: [
    { a: 'hierarchy', b: 'silence', jaccard: 0.5, participants: 10, participantsEither: 20 },
    { a: 'hierarchy', b: 'peer', jaccard: 0.1, participants: 1, participantsEither: 10 },
  ],
};

const POSITIONS = new Map([
  ['hierarchy', { x: 100, y: 100 }],
  ['silence', { x: 300, y: 100 }],
  ['peer', { x: 200, y: 250 }],
]);

describe('network view model (webview)', () => {
  it('draws relations with their direction and memo, skips self-loops and unknown codes, co-occurrence at the threshold', () => {
    const drawing = drawNetwork(SOURCE, POSITIONS, {
      id: 'network',
      title: 'Code network',
      group: null,
      width: 400,
      height: 300,
      threshold: 0.3,
      most: 20,
    });
    assert.deepEqual(
      drawing.edges.map((e) => e.key),
      ['hierarchy|causes|silence', 'silence|causes|hierarchy', 'peer|contradicts|silence', 'co|hierarchy|silence'],
    );
    const [forth, back, symmetric] = drawing.edges;
    assert.ok(forth?.kind === 'relation' && forth.directed && forth.memo === 'P01, P07');
    assert.ok(symmetric?.kind === 'relation' && !symmetric.directed);
    assert.notEqual(forth.d, back?.d, 'a→b and b→a are two curves, not one line drawn twice');
    assert.match(forth.title, /Hierarchy → causes → Silence\nP01, P07/);
    const core = drawing.nodes.find((n) => n.id === 'hierarchy');
    assert.ok(core?.core && core.title.includes('core category') && core.title.includes('20 participants'));
    assert.equal(drawing.nodes.find((n) => n.id === 'peer')?.absent, true, 'nobody has it: drawn faint');
    const none = drawNetwork(SOURCE, POSITIONS, { ...drawing, threshold: null, most: 20 });
    assert.equal(none.edges.filter((e) => e.kind === 'cooccurrence').length, 0);
  });

  it('a group network names its group in every tooltip', () => {
    const women = drawNetwork(SOURCE, POSITIONS, {
      id: 'network-gender-female',
      title: 'gender = female',
      group: 'female',
      width: 400,
      height: 300,
      threshold: null,
      most: 20,
    });
    assert.ok(women.nodes.every((n) => n.title.includes('(female)')));
  });

  it('places 40 codes with long names so that no label or circle covers another, the same way every time', () => {
    const random = new Random(40);
    const nodes = Array.from({ length: 40 }, (_, i) => ({
      id: `c${i}`,
      name: `Code number ${i} with a rather long name`,
    }));
    // A crowded layout: every code within a small square, as a force layout gives for a dense theory.
    const crowded = new Map(nodes.map((n) => [n.id, { x: random.next() * 50, y: random.next() * 50 }]));
    const largest = new Map(nodes.map((n) => [n.id, random.int(0, 44)]));
    const box = { width: 1000, height: 680 };
    const placed = placeNodes(crowded, nodes, largest, box);
    assert.deepEqual(placeNodes(crowded, nodes, largest, box), placed, 'deterministic');
    const boxes = nodes.map((n) => {
      const at = placed.get(n.id)!;
      const half = labelWidth(shortLabel(n.name)) / 2;
      return { left: at.x - half, right: at.x + half, top: at.y - 6, bottom: at.y + 30 };
    });
    let overlapping = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (
          Math.min(a.right, b.right) > Math.max(a.left, b.left) + 2 &&
          Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top) + 2
        )
          overlapping++;
      }
    assert.ok(overlapping <= 2, `${overlapping} pairs of codes overlap`);
    for (const at of placed.values())
      assert.ok(at.x >= 0 && at.x <= 1000 && at.y >= 0 && at.y <= 680, 'inside the drawing');
  });
});
