import assert from 'node:assert/strict';
import { columnValues, findColumn, numericValues, parseTypeSpec } from '../../../../src/core/survey';
import type { SurveyTable } from '../../../../src/core/survey';
import { loaded, only, parse, place } from './helpers';

/** A one-column survey from cells, one per row (ids P1, P2, …). */
function column(cells: readonly string[], overrides: Parameters<typeof parse>[1] = {}, delimiter = ',') {
  const lines = cells.map((cell, i) => `P${i + 1}${delimiter}${cell}`);
  const { table, warnings } = loaded(parse(`id${delimiter}v\n${lines.join('\n')}\n`, overrides));
  const found = findColumn(table, 'v');
  assert.ok(found);
  return { column: found, values: columnValues(table, 'v'), warnings, table };
}

describe('parseSurvey: inferred types', () => {
  it('numeric: decimals, negatives, large integers', () => {
    const { column: c, values } = column(['1.5', '-2', '120', '0.25']);
    assert.equal(c.type, 'numeric');
    assert.deepEqual(values, [1.5, -2, 120, 0.25]);
  });

  it('ordinal: small integers (0–10, three or more distinct) with the observed scale', () => {
    const { column: c, values } = column(['2', '5', '3', '4', '3']);
    assert.equal(c.type, 'ordinal');
    assert.deepEqual(c.scale, { min: 2, max: 5 });
    assert.deepEqual(values, [2, 5, 3, 4, 3]);
  });

  it('0/1 stays numeric (its mean is the share of ones), not yes-no', () => {
    const { column: c, values } = column(['0', '1', '1', '0']);
    assert.equal(c.type, 'numeric');
    assert.deepEqual(values, [0, 1, 1, 0]);
  });

  it('"-0" reads as 0, and integers too long to keep every digit are not numbers', () => {
    assert.deepEqual(column(['-0', '2.5']).values, [0, 2.5]);
    assert.equal(column(['12345678901234567890', '98765432109876543210']).column.type, 'text');
  });

  it('codes with leading zeros are not numbers', () => {
    const { column: c, values } = column(['01234', '01234', '75001', '75001']);
    assert.equal(c.type, 'categorical');
    assert.deepEqual(values, ['01234', '01234', '75001', '75001']);
  });

  it('yes-no: yes/no, y/n, true/false in any case; levels as first written', () => {
    const { column: c, values } = column(['Yes', 'no', 'YES', 'No', 'y', 'FALSE']);
    assert.equal(c.type, 'yes-no');
    assert.deepEqual(values, [true, false, true, false, true, false]);
    assert.deepEqual(c.levels, ['no', 'Yes']);
  });

  it('date: ISO dates and date-times; impossible dates are not dates', () => {
    assert.equal(column(['2024-03-05', '2024-12-31T23:59:00Z', '2024-02-29 10:00']).column.type, 'date');
    assert.deepEqual(column(['2024-03-05', '2024-02-29']).values, ['2024-03-05', '2024-02-29']);
    assert.notEqual(column(['2023-02-29', '2024-01-01']).column.type, 'date');
  });

  it('Likert labels: ordinal valued by scale position, any case, labels kept in scale order', () => {
    const { column: c, values } = column(['Agree', 'strongly disagree', 'Neutral', 'Strongly agree', 'Agree']);
    assert.equal(c.type, 'ordinal');
    assert.deepEqual(c.scale, {
      min: 1,
      max: 5,
      labels: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
    });
    assert.deepEqual(values, [4, 1, 3, 5, 4]);
  });

  it('Likert labels with "somewhat" read as the 7-point agreement scale', () => {
    const { column: c, values } = column(['Somewhat agree', 'Agree', 'Strongly disagree']);
    assert.deepEqual([c.scale?.min, c.scale?.max], [1, 7]);
    assert.deepEqual(values, [5, 6, 1]);
  });

  it('frequency labels', () => {
    const { column: c, values } = column(['Never', 'Often', 'Always', 'sometimes']);
    assert.equal(c.scale?.labels?.[0], 'Never');
    assert.deepEqual(values, [1, 4, 5, 3]);
  });

  it('categorical: few distinct labels, kept exactly (trimmed), levels in code-unit order', () => {
    const { column: c, values } = column(['resident', ' Chief ', 'resident', 'student', 'Chief', 'student']);
    assert.equal(c.type, 'categorical');
    assert.deepEqual(c.levels, ['Chief', 'resident', 'student']);
    assert.deepEqual(values, ['resident', 'Chief', 'resident', 'student', 'Chief', 'student']);
  });

  it('case is not folded: "Female" and "female" are two levels', () => {
    const { column: c } = column(['Female', 'female', 'Female', 'female']);
    assert.deepEqual(c.levels, ['Female', 'female']);
  });

  it('text: many distinct answers', () => {
    const { column: c } = column(['more time', 'a mentor', 'less paperwork', 'sleep']);
    assert.equal(c.type, 'text');
    assert.equal(c.levels, undefined);
  });

  it('a column with only missing cells is text with every cell missing', () => {
    const { column: c, values } = column(['NA', '', 'N/A']);
    assert.deepEqual([c.type, c.missing, c.invalid], ['text', 3, 0]);
    assert.deepEqual(values, [null, null, null]);
  });
});

describe('parseSurvey: missing tokens', () => {
  it('reads "", NA and N/A as null and counts them', () => {
    const { column: c, values } = column(['3.5', 'NA', '', ' N/A ', '4']);
    assert.deepEqual([c.type, c.missing], ['numeric', 3]);
    assert.deepEqual(values, [3.5, null, null, null, 4]);
  });

  it('uses the tokens from settings, exactly (case-sensitive)', () => {
    const { column: c, values } = column(['-99', '3', 'na', '4'], { missing: ['-99'], types: { v: 'numeric' } });
    assert.deepEqual(values, [null, 3, null, 4]);
    assert.deepEqual([c.missing, c.invalid], [1, 1]);
  });

  it('a blank cell is missing even when settings list no tokens', () => {
    const { values } = column(['1.5', ''], { missing: [] });
    assert.deepEqual(values, [1.5, null]);
  });
});

describe('parseSurvey: decimal commas', () => {
  it('are read in semicolon files only', () => {
    assert.deepEqual(column(['3,5', '2'], {}, ';').values, [3.5, 2]);
    assert.equal(column(['3,5', '2,5', '3,5', '2,5'], {}, '\t').column.type, 'categorical');
  });

  it('a column mixing "3,5" and "1.234" in a semicolon file is not numeric ("1.234" may be 1234)', () => {
    const { column: c } = column(['3,5', '1.234', '2'], {}, ';');
    assert.equal(c.type, 'text');
  });

  it('a point decimal in a semicolon file without commas is a number', () => {
    assert.deepEqual(column(['3.5', '2'], {}, ';').values, [3.5, 2]);
  });
});

describe('parseSurvey: declared types (settings.types)', () => {
  it('marks declared columns as not inferred', () => {
    assert.equal(column(['1', '2'], { types: { v: 'numeric' } }).column.inferred, false);
    assert.equal(column(['1', '2']).column.inferred, true);
  });

  it('numeric: a cell that is not a number is a warning at that cell and null', () => {
    const { column: c, values, warnings } = column(['3', 'three', '5'], { types: { v: 'numeric' } });
    assert.deepEqual([c.type, c.invalid, c.missing], ['numeric', 1, 0]);
    assert.deepEqual(values, [3, null, 5]);
    const w = only(warnings, 'survey-type-mismatch');
    assert.deepEqual(place(w), [3, 4, 'warning']);
    assert.match(w.message, /"three" in column "v" is not a number/);
  });

  it('categorical keeps numbers as written', () => {
    const { column: c, values } = column(['1', '2', '10', '2'], { types: { v: 'categorical' } });
    assert.deepEqual(values, ['1', '2', '10', '2']);
    assert.deepEqual(c.levels, ['1', '10', '2']);
  });

  it('yes-no accepts 1/0 when declared', () => {
    const { column: c, values, warnings } = column(['1', '0', 'maybe'], { types: { v: 'yes-no' } });
    assert.deepEqual(values, [true, false, null]);
    assert.deepEqual(c.levels, ['0', '1']);
    assert.deepEqual(place(only(warnings, 'survey-type-mismatch')), [4, 4, 'warning']);
  });

  it('ordinal:1-5 fixes the scale and flags answers outside it', () => {
    const { column: c, values, warnings } = column(['2', '4', '6', '3.5'], { types: { v: 'ordinal:1-5' } });
    assert.deepEqual(c.scale, { min: 1, max: 5 });
    assert.deepEqual(values, [2, 4, null, null]);
    assert.deepEqual(
      warnings.map((w) => w.line),
      [4, 5],
    );
  });

  it('ordinal:Low|Medium|High orders custom labels, ignoring case', () => {
    const { column: c, values } = column(['high', 'Low', 'Medium'], { types: { v: 'ordinal:Low|Medium|High' } });
    assert.deepEqual(c.scale, { min: 1, max: 3, labels: ['Low', 'Medium', 'High'] });
    assert.deepEqual(values, [3, 1, 2]);
  });

  it('plain ordinal over Likert labels uses the scale most answers fit and flags the rest', () => {
    const { values, warnings } = column(['Agree', 'Disagree', 'Often'], { types: { v: 'ordinal' } });
    assert.deepEqual(values, [4, 2, null]);
    assert.equal(warnings.length, 1);
  });

  it('text keeps a column of numbers as strings', () => {
    assert.deepEqual(column(['1', '2'], { types: { v: 'text' } }).values, ['1', '2']);
  });

  it('date flags cells that are not ISO dates', () => {
    const { values, warnings } = column(['2024-01-02', '02/01/2024'], { types: { v: 'date' } });
    assert.deepEqual(values, ['2024-01-02', null]);
    assert.match(only(warnings, 'survey-type-mismatch').message, /ISO date/);
  });

  it('an unknown type name is a warning at the header; the type is inferred', () => {
    const { column: c, warnings } = column(['1.5', '2'], { types: { v: 'float' } });
    assert.equal(c.type, 'numeric');
    assert.deepEqual(place(only(warnings, 'survey-unknown-type')), [1, 4, 'warning']);
  });

  it('a column named like an Object property is not confused with one', () => {
    const { table } = loaded(parse('id,constructor,__proto__\nP1,a,b\nP2,a,b\n'));
    assert.deepEqual(
      table.columns.map((c) => [c.name, c.type]),
      [
        ['constructor', 'categorical'],
        ['__proto__', 'categorical'],
      ],
    );
    const row = table.rows[0] as SurveyTable['rows'][number];
    assert.equal(Object.getPrototypeOf(row.values), Object.prototype);
    assert.equal(row.values['__proto__'], 'b');
  });
});

describe('numericValues', () => {
  it('returns numbers aligned to participants and refuses other types', () => {
    const { table } = loaded(parse('id,score,role\nP1,2.5,a\nP2,NA,b\nP3,4,a\nP4,1,b\n'));
    assert.deepEqual(numericValues(table, 'score'), [2.5, null, 4, 1]);
    assert.throws(() => numericValues(table, 'role'), TypeError);
    assert.throws(() => numericValues(table, 'nope'), RangeError);
    assert.throws(() => columnValues(table, 'nope'), RangeError);
  });
});

describe('parseTypeSpec', () => {
  it('reads type names and ordinal scales, and rejects anything else', () => {
    assert.deepEqual(parseTypeSpec(' numeric '), { type: 'numeric' });
    assert.deepEqual(parseTypeSpec('ordinal:1..7'), { type: 'ordinal', range: { min: 1, max: 7 } });
    assert.deepEqual(parseTypeSpec('ordinal: 0 - 10'), { type: 'ordinal', range: { min: 0, max: 10 } });
    assert.deepEqual(parseTypeSpec('ordinal:a | b'), { type: 'ordinal', labels: ['a', 'b'] });
    for (const bad of ['Numeric', 'ordinal:5-1', 'ordinal:a|A', 'ordinal:a||b', 'ordinal:only', 'integer']) {
      assert.equal(parseTypeSpec(bad), undefined, bad);
    }
  });
});
