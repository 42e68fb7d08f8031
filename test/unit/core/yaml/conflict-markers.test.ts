import assert from 'node:assert/strict';
import { findConflictMarkers } from '../../../../src/core/yaml/conflict-markers';

const linesOf = (text: string) => findConflictMarkers(text).map((m) => m.line);

describe('conflict markers', () => {
  it('a line of "=" outside a conflict block is a setext heading, not a marker', () => {
    assert.deepEqual(linesOf('Findings\n=======\n\nText.\n\nMore\n==========\n'), []);
    assert.deepEqual(linesOf('|||||||\n'), []);
  });

  it('finds every line of a conflict, diff3 style included, and the headings around it stay headings', () => {
    const text = 'Title\n=======\n<<<<<<< HEAD\na\n||||||| base\nb\n=======\nc\n>>>>>>> theirs\nEnd\n=======\n';
    assert.deepEqual(linesOf(text), [3, 5, 7, 9]);
  });

  it('never misses a half-resolved conflict: an opener without closer, or a closer without opener', () => {
    assert.deepEqual(linesOf('<<<<<<< HEAD\na\n=======\nb\n'), [1, 3]);
    assert.deepEqual(linesOf('a\n=======\nb\n>>>>>>> theirs\n'), [2, 4]);
    assert.deepEqual(linesOf('>>>>>>> stray\n'), [1]);
  });
});
