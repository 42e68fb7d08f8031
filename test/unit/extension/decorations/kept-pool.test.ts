import assert from 'node:assert/strict';
import { KeptPool } from '../../../../src/extension/decorations/kept-pool';

class Item {
  disposed = false;
  constructor(readonly key: string) {}
  dispose(): void {
    this.disposed = true;
  }
}

describe('KeptPool (decoration types kept for reuse)', () => {
  it('makes an item once per key and gives the same one back, used or kept', () => {
    const pool = new KeptPool<Item>(2);
    let made = 0;
    const make = (key: string) => () => (made++, new Item(key));
    const a = pool.get('a', make('a'));
    assert.equal(pool.get('a', make('a')), a);
    pool.retain(new Set());
    assert.equal(pool.get('a', make('a')), a, 'an unused item is reused, not made again');
    assert.equal(made, 1);
    assert.equal(a.disposed, false);
  });

  it('disposes the items unused the longest once more than the limit are unused, never a used one', () => {
    const pool = new KeptPool<Item>(2);
    const items = Object.fromEntries(['a', 'b', 'c', 'd'].map((key) => [key, pool.get(key, () => new Item(key))]));
    pool.retain(new Set(['a', 'b', 'c', 'd']));
    pool.retain(new Set(['b', 'c', 'd'])); // a falls out of use first
    pool.retain(new Set(['c'])); // then b and d
    assert.deepEqual(
      Object.values(items).map((item) => [item.key, item.disposed]),
      [
        ['a', true],
        ['b', false],
        ['c', false],
        ['d', false],
      ],
    );
    assert.deepEqual(pool.keys(), ['b', 'c', 'd']);
    assert.equal(
      pool.get('b', () => new Item('b2')),
      items['b'],
      'b is used again, d stays unused',
    );
    pool.retain(new Set(['b'])); // c falls out of use after d
    pool.retain(new Set(['b']), 1);
    assert.deepEqual(pool.keys(), ['b', 'c'], 'd, unused longer than c, went first');
    assert.deepEqual([items['c']!.disposed, items['d']!.disposed], [false, true]);
  });

  it('clear disposes everything, in use or not', () => {
    const pool = new KeptPool<Item>(10);
    const a = pool.get('a', () => new Item('a'));
    const b = pool.get('b', () => new Item('b'));
    pool.retain(new Set(['a']));
    pool.clear();
    assert.deepEqual([a.disposed, b.disposed, pool.keys()], [true, true, []]);
  });
});
