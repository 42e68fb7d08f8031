import assert from 'node:assert/strict';
import { escapeEach, escapeInline } from '../../../src/core/report/markdown';
import { Random } from '../support/random';

describe('Markdown: a cell with nothing to escape is kept as it is, as the four replacements keep it', () => {
  it('escapeInline equals the replacements one after the other, on 20,000 random cells', () => {
    const random = new Random(101);
    const alphabet = [...'ab1 _\\`*[]<>|~$&\r\n.,-()%é😀#+=!{}^"\'\t'];
    let changed = 0;
    for (let round = 0; round < 20000; round++) {
      const text = Array.from({ length: random.int(0, 12) }, () => random.pick(alphabet)).join('');
      const expected = escapeEach(text);
      assert.equal(escapeInline(text), expected, JSON.stringify(text));
      if (expected !== text) changed++;
    }
    assert.ok(changed > 5000 && changed < 19000, `cells changed: ${changed}`);
  });
});
