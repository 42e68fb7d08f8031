import assert from 'node:assert/strict';
import { numberKind, typeCells, type TypedCells } from '../../../src/core/survey/column-type';
import { decimalMarkOf, parseNumber } from '../../../src/core/survey/values';
import { Random } from '../support/random';

/** A column of number answers as a survey has them: integers of a scale, decimals, signs, either decimal mark. */
function randomNumberCells(random: Random, mark: '.' | ','): string[] {
  const kind = random.pick(['scale', 'wide integers', 'decimals', 'signed', 'few distinct'] as const);
  return Array.from({ length: random.int(1, 80) }, () => {
    switch (kind) {
      case 'scale':
        return String(random.int(0, 10));
      case 'wide integers':
        return String(random.int(0, 400));
      case 'decimals':
        return `${random.int(0, 99)}${mark}${random.int(0, 99)}`;
      case 'signed':
        return `${random.pick(['', '-', '+'])}${random.int(0, 12)}`;
      case 'few distinct':
        return String(random.int(1, 2));
    }
  });
}

/**
 * Typing as it was first written: inference picks numeric or ordinal from the numbers, then the cells are read
 * again as that type (numeric(), or ordinalIntegers() by way of ordinalAny: integers only, no Likert labels).
 */
function readAgain(cells: readonly string[], delimiter: string): TypedCells {
  const mark = decimalMarkOf(cells, delimiter);
  return typeCells(cells, delimiter, { type: numberKind(cells.map((cell) => parseNumber(cell, mark) as number)) });
}

describe('survey: a column inferred as numbers takes the numbers inference read', () => {
  it('on 3,000 random number columns: the type, scale and values of reading the cells again', () => {
    const random = new Random(97);
    for (let round = 0; round < 3000; round++) {
      const delimiter = random.pick([',', ';', '\t']);
      const cells = randomNumberCells(random, delimiter === ';' ? random.pick(['.', ',']) : '.');
      const inferred = typeCells(cells, delimiter, undefined);
      const read = readAgain(cells, delimiter);
      assert.deepStrictEqual(inferred, read, `round ${round}: ${cells.join(' ')}`);
      assert.equal(JSON.stringify(inferred), JSON.stringify(read), `round ${round}: key order`);
    }
  });
});
