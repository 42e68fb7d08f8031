import assert from 'node:assert/strict';
import search from 'approx-string-match';
import {
  contextSimilarity,
  substringSimilarity,
  wholeStringSimilarity,
} from '../../../../src/core/anchoring/similarity';
import { INTERVIEW } from './interview';

describe('anchoring similarity', () => {
  it('scores small tables exactly like approx-string-match (fixed-seed random windows)', () => {
    let state = 99;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 2000; i++) {
      const a = Math.floor(random() * (INTERVIEW.length - 64));
      const b = Math.floor(random() * (INTERVIEW.length - 64));
      const text = INTERVIEW.slice(a, a + 1 + Math.floor(random() * 60));
      const pattern = INTERVIEW.slice(b, b + 1 + Math.floor(random() * 60));
      const reference = 1 - (search(text, pattern, pattern.length)[0]?.errors ?? pattern.length) / pattern.length;
      assert.equal(substringSimilarity(text, pattern), reference, JSON.stringify([text, pattern]));
    }
  });

  it('reads an empty stored context as "touching the edge of the text"', () => {
    assert.equal(contextSimilarity('', ''), 1);
    assert.equal(contextSimilarity('x', ''), 0.5);
    assert.equal(contextSimilarity('', 'some prefix'), 0);
    assert.equal(contextSimilarity('…and some prefix', 'some prefix'), 1);
    assert.equal(contextSimilarity('and sone prefix', 'some prefix'), 1 - 1 / 11);
  });

  it('penalises extra text around a whole-string match', () => {
    assert.equal(wholeStringSimilarity('never met', 'never met'), 1);
    assert.equal(wholeStringSimilarity('never ever met', 'never met'), 1 - 5 / 9);
    assert.equal(wholeStringSimilarity('nevr met at all', 'never met'), 1 - 8 / 9);
    const long = 'a long answer. '.repeat(60);
    assert.equal(wholeStringSimilarity(long + 'extra', long), 1 - 5 / long.length, 'bounded beyond the exact table');
    assert.equal(wholeStringSimilarity('', 'never met'), 0);
    assert.equal(wholeStringSimilarity('', ''), 1);
  });
});
