import assert from 'node:assert/strict';
import { stepFrom, type Ordered } from '../../../src/extension/compare-coders/disagreement-order';

// Five disagreements in reading order over P01 and P03 (P02 has none); the third is settled.
const items: Ordered[] = [
  item('a', 'P01.txt', 10),
  item('b', 'P01.txt', 50),
  item('c', 'P01.txt', 90, true),
  item('d', 'P03.txt', 5),
  item('e', 'P03.txt', 40),
];
const transcripts = ['P01.txt', 'P02.txt', 'P03.txt'];

function item(key: string, transcript: string, start: number, settled = false): Ordered {
  return { key, disagreement: { transcript, first: { start } }, settlement: { settled } };
}

const step = (from: Parameters<typeof stepFrom>[1], direction: 1 | -1) => {
  const found = stepFrom(items, from, direction, transcripts);
  return found && `${found.to.key}${found.wrapped ? ' (wrapped)' : ''}`;
};

describe('next and previous disagreement', () => {
  it('goes from a listed disagreement to the next open one, skipping settled ones', () => {
    assert.equal(step({ key: 'a' }, 1), 'b');
    assert.equal(step({ key: 'b' }, 1), 'd');
    assert.equal(step({ key: 'd' }, -1), 'b');
    assert.equal(step({ key: 'c' }, 1), 'd');
  });

  it('wraps around at either end', () => {
    assert.equal(step({ key: 'e' }, 1), 'a (wrapped)');
    assert.equal(step({ key: 'a' }, -1), 'e (wrapped)');
  });

  it('goes from a position in a transcript, also one without disagreements', () => {
    assert.equal(step({ transcript: 'P01.txt', offset: 0 }, 1), 'a');
    assert.equal(step({ transcript: 'P01.txt', offset: 10 }, 1), 'b');
    assert.equal(step({ transcript: 'P01.txt', offset: 60 }, -1), 'b');
    assert.equal(step({ transcript: 'P02.txt', offset: 500 }, 1), 'd');
    assert.equal(step({ transcript: 'P02.txt', offset: 0 }, -1), 'b');
  });

  it('starts at the first (or last) when there is no place or the place is gone', () => {
    assert.equal(step(undefined, 1), 'a');
    assert.equal(step(undefined, -1), 'e');
    assert.equal(step({ key: 'gone' }, 1), 'a');
  });

  it('finds nothing when every disagreement is settled', () => {
    const settled = items.map((i) => ({ ...i, settlement: { settled: true } }));
    assert.equal(stepFrom(settled, { key: 'a' }, 1, transcripts), undefined);
  });
});
