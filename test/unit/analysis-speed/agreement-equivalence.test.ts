import assert from 'node:assert/strict';
import {
  intersectionLength,
  lengthOf,
  unionLength,
  unionLengthOf,
  unionLengthOfLists,
  unionOf,
  type Range,
} from '../../../src/core/agreement/ranges';
import { krippendorffAlpha, nominalAlphaOfPairs } from '../../../src/core/stats/krippendorff-alpha';
import { Random } from '../support/random';

/** Ranges that nest, touch, coincide, are empty or reversed, in random order. */
function randomRanges(random: Random, count: number, span: number): Range[] {
  return Array.from({ length: count }, () => {
    const start = random.int(0, span);
    const roll = random.next();
    const end = roll < 0.08 ? start : roll < 0.12 ? start - random.int(1, 5) : start + random.int(1, span / 4);
    return { start, end };
  });
}

describe('agreement: the fast counts give exactly what the straightforward ones give', () => {
  it('unionLength is the length of unionOf, for one list and several', () => {
    const random = new Random(41);
    let touching = 0;
    for (let round = 0; round < 3000; round++) {
      // Up to 700 ranges: past the scratch space's first size.
      const count = round % 100 === 0 ? random.int(300, 700) : random.int(0, 12);
      const lists = Array.from({ length: random.int(1, 4) }, () => randomRanges(random, count, random.int(1, 60)));
      const all = lists.flat();
      assert.equal(unionLength(...lists), lengthOf(unionOf(all)), `round ${round}`);
      for (const list of lists) assert.equal(unionLength(list), lengthOf(unionOf(list)), `round ${round}`);
      if (all.some((a) => all.some((b) => a.end === b.start && a.end > a.start && b.end > b.start))) touching++;
    }
    assert.ok(touching > 500, `rounds with touching ranges: ${touching}`);
  });

  it('unionLengthOf one list or two, and unionLengthOfLists of the first lists, are unionLength of them', () => {
    const random = new Random(59);
    // A longer list of lists than the count, as the agreement's scratch list is: the rest must not count.
    const scratch: Range[][] = [];
    for (let round = 0; round < 3000; round++) {
      const count = round % 100 === 0 ? random.int(300, 700) : random.int(0, 12);
      const lists = Array.from({ length: random.int(1, 5) }, () => randomRanges(random, count, random.int(1, 60)));
      const [a, b] = lists as [Range[], Range[] | undefined];
      assert.equal(unionLengthOf(a), lengthOf(unionOf(a)), `round ${round}`);
      if (b) assert.equal(unionLengthOf(a, b), lengthOf(unionOf([...a, ...b])), `round ${round}`);
      lists.forEach((list, i) => (scratch[i] = list));
      const used = random.int(1, lists.length);
      assert.equal(unionLengthOfLists(scratch, used), lengthOf(unionOf(lists.slice(0, used).flat())), `round ${round}`);
    }
  });

  it('ranges with an offset past 32 bits, a fraction or an infinity (no loaded coding has one) count as unionOf does', () => {
    const random = new Random(107);
    const wide = [2 ** 31, 2 ** 31 + 7, 2 ** 40, 0.5, 12.25, -(2 ** 31) - 1, Infinity, -Infinity, 2 ** 53 - 1];
    const scratch: Range[][] = [];
    let widened = 0;
    for (let round = 0; round < 3000; round++) {
      const lists = Array.from({ length: random.int(1, 4) }, () => randomRanges(random, random.int(0, 10), 60));
      // A wide offset now and then, in any list: those lists are counted another way, the same numbers.
      for (const list of lists) {
        if (list.length > 0 && random.next() < 0.3) {
          const at = random.int(0, list.length - 1);
          const range = list[at] as Range;
          list[at] =
            random.next() < 0.5 ? { start: random.pick(wide), end: range.end } : { ...range, end: random.pick(wide) };
          widened++;
        }
      }
      const all = lists.flat();
      const [a, b] = lists as [Range[], Range[] | undefined];
      assert.equal(unionLength(...lists), lengthOf(unionOf(all)), `round ${round}`);
      assert.equal(unionLengthOf(a), lengthOf(unionOf(a)), `round ${round}`);
      if (b) assert.equal(unionLengthOf(a, b), lengthOf(unionOf([...a, ...b])), `round ${round}`);
      lists.forEach((list, i) => (scratch[i] = list));
      const used = random.int(1, lists.length);
      assert.equal(unionLengthOfLists(scratch, used), lengthOf(unionOf(lists.slice(0, used).flat())), `round ${round}`);
    }
    assert.ok(widened > 1000, `wide offsets: ${widened}`);
  });

  it('code points both coders covered: |A| + |B| − |A ∪ B| is the intersection of the unions', () => {
    const random = new Random(43);
    for (let round = 0; round < 3000; round++) {
      const a = randomRanges(random, random.int(0, 8), 40);
      const b = randomRanges(random, random.int(0, 8), 40);
      const both = unionLength(a) + unionLength(b) - unionLength(a, b);
      assert.equal(both, intersectionLength(unionOf(a), unionOf(b)), `round ${round}`);
    }
  });

  it('nominal α of yes/no pairs from their counts is krippendorffAlpha of the matrix, to the last bit', () => {
    const random = new Random(47);
    const cases: [number, number, number, number][] = [
      [0, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [5, 0, 0, 0],
      [0, 0, 0, 7],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [3, 0, 0, 4],
      [0, 2, 3, 0],
    ];
    for (let round = 0; round < 2000; round++) {
      const big = round % 10 === 0 ? 5000 : 30;
      cases.push(
        [0, 0, 0, 0].map(() => (random.next() < 0.25 ? 0 : random.int(0, big))) as [number, number, number, number],
      );
    }
    for (const [both, first, second, neither] of cases) {
      const units: [number, number][] = [];
      for (let i = 0; i < both; i++) units.push([1, 1]);
      for (let i = 0; i < first; i++) units.push([1, 0]);
      for (let i = 0; i < second; i++) units.push([0, 1]);
      for (let i = 0; i < neither; i++) units.push([0, 0]);
      // Shuffled: the matrix's order of units must not matter either.
      for (let i = units.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        [units[i], units[j]] = [units[j] as [number, number], units[i] as [number, number]];
      }
      const matrix = [units.map((u) => u[0]), units.map((u) => u[1])];
      assert.deepStrictEqual(
        nominalAlphaOfPairs({ both, first, second, neither }),
        krippendorffAlpha(matrix, 'nominal'),
        `${both} ${first} ${second} ${neither}`,
      );
    }
  });
});
