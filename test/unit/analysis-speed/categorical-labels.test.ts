import assert from 'node:assert/strict';
import { sortedLevels, typeCells } from '../../../src/core/survey/column-type';
import { parseTypeSpec } from '../../../src/core/survey/type-spec';
import { Random } from '../support/random';

describe('survey: categorical answers taken as their level’s first cell are the cells as written', () => {
  it('inferred and declared categorical columns, on 3,000 random columns', () => {
    const random = new Random(103);
    const labels = ['north', 'South', 'east ', 'wëst', '__proto__', 'constructor', 'a,b', '🙂', 'x'];
    let typed = 0;
    for (let round = 0; round < 3000; round++) {
      const cells = Array.from({ length: random.int(0, 60) }, () => random.pick(labels.slice(0, random.int(1, 9))));
      const spec = round % 2 === 0 ? parseTypeSpec('categorical') : undefined;
      const result = typeCells(cells, ',', spec);
      if (result.type !== 'categorical') continue;
      typed++;
      assert.deepStrictEqual(result.values, cells, `round ${round}`);
      assert.deepStrictEqual(result.levels, sortedLevels(cells), `round ${round}`);
      assert.deepStrictEqual(result.invalid, [], `round ${round}`);
    }
    assert.ok(typed > 2000, `categorical columns: ${typed}`);
  });
});
