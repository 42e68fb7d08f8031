import assert from 'node:assert/strict';
import { matchSegments, segmentCounts, type Segment } from '../../../src/core/agreement/segments';
import { Random } from '../support/random';

/** Segments on a short span, so that they overlap, coincide and tie often; some listed twice. */
function randomSegments(random: Random, count: number, span: number, prefix: string): Segment[] {
  const segments: Segment[] = [];
  for (let i = 0; i < count; i++) {
    if (segments.length > 0 && random.next() < 0.1) {
      segments.push(random.pick(segments)); // the same object again
      continue;
    }
    const start = random.int(0, span);
    const roll = random.next();
    const end = roll < 0.05 ? start : start + random.int(1, span / 2);
    segments.push({ id: `${prefix}${i}`, start, end });
  }
  return segments;
}

describe('agreement: segmentCounts counts what matchSegments lists', () => {
  it('gives the lengths of matched, firstOnly and secondOnly on random segments, ties and repeats included', () => {
    const random = new Random(53);
    let matchedSome = 0;
    let leftSome = 0;
    for (let round = 0; round < 20000; round++) {
      // Mostly a few segments (past the scratch space's first size now and then).
      const big = round % 500 === 0;
      const first = randomSegments(random, big ? random.int(40, 90) : random.int(0, 7), big ? 400 : 30, 'a');
      const second = randomSegments(random, big ? random.int(40, 90) : random.int(0, 7), big ? 400 : 30, 'b');
      const threshold = random.pick([0, 0.3, 0.5, 0.8, 1]);
      const m = matchSegments(first, second, threshold);
      const expected = { matched: m.matched.length, firstOnly: m.firstOnly.length, secondOnly: m.secondOnly.length };
      assert.deepStrictEqual(segmentCounts(first, second, threshold), expected, `round ${round}`);
      if (expected.matched > 1) matchedSome++;
      if (expected.matched > 0 && expected.firstOnly + expected.secondOnly > 0) leftSome++;
    }
    assert.ok(matchedSome > 2000 && leftSome > 2000, `rounds: ${matchedSome} with pairs, ${leftSome} with some left`);
  });

  it('follows the order of the candidates when ties decide how many pairs there are', () => {
    // a1 overlaps b1 and b2 equally, a2 overlaps b1 only: pairing a1 with b1 first leaves one pair, with b2 two.
    const a1 = { id: 'a1', start: 10, end: 20 };
    const a2 = { id: 'a2', start: 0, end: 12 };
    const b1 = { id: 'b1', start: 5, end: 15 };
    const b2 = { id: 'b2', start: 15, end: 25 };
    const m = matchSegments([a1, a2], [b1, b2], 0.2);
    assert.deepStrictEqual(segmentCounts([a1, a2], [b1, b2], 0.2), {
      matched: m.matched.length,
      firstOnly: m.firstOnly.length,
      secondOnly: m.secondOnly.length,
    });
  });
});
