import * as assert from 'node:assert/strict';
import { gutterStripes, MAX_GUTTER_STRIPES } from '../../../../src/extension/decorations/gutter-stripes';

describe('gutterStripes', () => {
  it('gives the same stripes for the same colours in any order, at most MAX_GUTTER_STRIPES', () => {
    const colors = ['#e15759', '#4e79a7', '#59a14f', '#f28e2b'];
    const orders = [colors, [...colors].reverse(), [colors[2]!, colors[0]!, colors[3]!, colors[1]!]];
    const marks = new Set(orders.map((order) => gutterStripes(order).join(',')));
    assert.deepEqual([...marks], ['#4e79a7,#59a14f,#e15759']);
    assert.equal(gutterStripes(colors).length, MAX_GUTTER_STRIPES);
    assert.deepEqual(gutterStripes(['#e15759', '#4e79a7']), ['#4e79a7', '#e15759']);
    assert.deepEqual(colors[0], '#e15759', 'the line’s own list is left as it was');
  });
});
