import assert from 'node:assert/strict';
import {
  noteUsed,
  pinQuickCode,
  quickCodeSlots,
  recentFirst,
  uniqueCodeId,
} from '../../../../src/core/editing/recent-codes';
import { codingsAt, nextCodingStart } from '../../../../src/core/editing/navigation';
import { bestMatch } from '../../../../src/core/editing/best-match';

describe('editing: recent codes and quick-code slots', () => {
  it('noteUsed puts the used codes first, once, capped', () => {
    assert.deepEqual(noteUsed(['a', 'b', 'c'], ['c', 'x', 'c']), ['c', 'x', 'a', 'b']);
    assert.deepEqual(noteUsed(['a', 'b', 'c'], ['d'], 3), ['d', 'a', 'b']);
  });

  it('recentFirst splits codes into recent (most recent first) and the rest in order', () => {
    const codes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const { recent, rest } = recentFirst(codes, ['c', 'gone', 'a']);
    assert.deepEqual(
      recent.map((c) => c.id),
      ['c', 'a'],
    );
    assert.deepEqual(
      rest.map((c) => c.id),
      ['b', 'd'],
    );
  });

  it('quick-code slots: pinned ids win, free slots take recent codes, unknown ids are ignored', () => {
    const known = new Set(['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(quickCodeSlots(['', 'c', 'zzz'], ['c', 'a', 'b'], known, 4), ['a', 'c', 'b', undefined]);
    assert.deepEqual(quickCodeSlots([], ['e', 'd'], known, 3), ['e', 'd', undefined]);
  });

  it('pinQuickCode moves a code to one key and trims trailing free slots', () => {
    assert.deepEqual(pinQuickCode(['a', 'b'], 3, 'a'), ['', 'b', 'a']);
    assert.deepEqual(pinQuickCode(['', 'b', 'a'], 3, undefined), ['', 'b']);
  });

  it('uniqueCodeId adds -2, -3 … to a taken id', () => {
    assert.equal(uniqueCodeId('burnout', new Set(['burnout', 'burnout-2'])), 'burnout-3');
    assert.equal(uniqueCodeId('fresh', new Set()), 'fresh');
  });
});

describe('editing: navigation between codings', () => {
  const codings = [
    { start: 10, end: 20 },
    { start: 10, end: 40 },
    { start: 50, end: 60 },
  ];

  it('next and previous stop once per start and wrap around', () => {
    assert.equal(nextCodingStart(codings, 0, 'next'), 10);
    assert.equal(nextCodingStart(codings, 10, 'next'), 50);
    assert.equal(nextCodingStart(codings, 55, 'next'), 10);
    assert.equal(nextCodingStart(codings, 50, 'previous'), 10);
    assert.equal(nextCodingStart(codings, 5, 'previous'), 50);
    assert.equal(nextCodingStart([], 5, 'next'), undefined);
  });

  it('codingsAt finds codings under a cursor (end inclusive) or a selection, shortest first', () => {
    assert.deepEqual(codingsAt(codings, { start: 20, end: 20 }), [codings[0], codings[1]]);
    assert.deepEqual(codingsAt(codings, { start: 20, end: 21 }), [codings[1]]);
    assert.deepEqual(codingsAt(codings, { start: 45, end: 45 }), []);
  });
});

describe('editing: the picker row a query means', () => {
  const items = [
    { label: 'Time pressure', description: 'Barriers · barriers-time', detail: 'Lack of time on either side' },
    { label: 'Informal mentor', description: 'Structures', detail: 'A mentor nobody assigned' },
    { label: 'Mentor', description: 'Structures' },
  ];

  it('prefers an exact label, then a label prefix, substring, fuzzy; then description and detail', () => {
    assert.equal(bestMatch(items, 'mentor'), 2);
    assert.equal(bestMatch(items, 'inf'), 1);
    assert.equal(bestMatch(items, 'pressure'), 0);
    assert.equal(bestMatch(items, 'tmpr'), 0);
    assert.equal(bestMatch(items, 'barriers'), 0);
    assert.equal(bestMatch(items, 'nobody assigned'), 1);
    assert.equal(bestMatch(items, 'zebra crossing'), undefined);
    assert.equal(bestMatch(items, ''), 0);
  });
});
