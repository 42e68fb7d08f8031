import * as assert from 'node:assert/strict';
import {
  edgeBends,
  edgePath,
  fitPositions,
  nodeInDirection,
  shortLabel,
} from '../../../webview/view-model/network-geometry';

describe('network geometry (webview)', () => {
  it('labels: short names as they are, long ones cut at a word with an ellipsis, never mid-surrogate', () => {
    assert.equal(shortLabel('Hierarchy'), 'Hierarchy');
    assert.equal(shortLabel('Rejected the assigned mentor and found their own', 22), 'Rejected the assigned…');
    const emoji = '🙂'.repeat(30);
    const cut = shortLabel(emoji, 10);
    assert.equal(Array.from(cut).length, 10);
    assert.ok(!/[\uD800-\uDBFF]…$/.test(cut), 'no lone surrogate before the ellipsis');
  });

  it('fits positions into the box with the margin, keeping the aspect ratio', () => {
    const fitted = fitPositions(
      new Map([
        ['a', { x: -10, y: 0 }],
        ['b', { x: 10, y: 5 }],
      ]),
      400,
      300,
      { x: 50, y: 50 },
    );
    const a = fitted.get('a')!;
    const b = fitted.get('b')!;
    assert.equal(a.x, 50);
    assert.equal(b.x, 350);
    assert.equal(b.y - a.y, (b.x - a.x) / 4, 'same scale on both axes');
    const single = fitPositions(new Map([['only', { x: 7, y: 9 }]]), 400, 300, { x: 50, y: 20 });
    assert.deepEqual(single.get('only'), { x: 200, y: 150 });
  });

  it('edges stop at the rims; a second edge between the same codes bends away from the first', () => {
    const straight = edgePath({ x: 0, y: 0 }, { x: 100, y: 0 }, 10, 20, 0);
    assert.equal(straight.d, 'M10,0L78,0', 'starts at the first rim, ends 2 units before the second (arrow head)');
    assert.deepEqual(straight.label, { x: 44, y: 0 });
    const bends = edgeBends([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'a' },
      { from: 'a', to: 'c' },
    ]);
    assert.equal(bends[2], 0, 'a lone edge is straight');
    assert.ok(bends[0] !== 0 && bends[1] !== 0);
    // b→a is drawn in the opposite direction: the same sign of bend puts it on the same side; opposite signs fan out.
    assert.equal(bends[0], bends[1], 'a→b and b→a bend to opposite sides of the line');
    const curved = edgePath({ x: 0, y: 0 }, { x: 100, y: 0 }, 10, 10, bends[0]!);
    assert.match(curved.d, /Q/);
  });

  it('arrow keys move to the nearest node in that direction, and nowhere at the border', () => {
    const positions = new Map([
      ['centre', { x: 0, y: 0 }],
      ['right-near', { x: 10, y: 3 }],
      ['right-far', { x: 50, y: 0 }],
      ['up', { x: 0, y: -20 }],
      ['diagonal', { x: 15, y: 15 }],
    ]);
    assert.equal(nodeInDirection('centre', positions, 'right'), 'right-near');
    assert.equal(nodeInDirection('centre', positions, 'up'), 'up');
    assert.equal(nodeInDirection('centre', positions, 'left'), undefined);
    assert.equal(nodeInDirection('centre', positions, 'down'), 'diagonal');
    assert.equal(nodeInDirection('right-far', positions, 'right'), undefined);
  });
});
