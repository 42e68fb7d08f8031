import assert from 'node:assert/strict';
import { mergeSurveys, mergeTables, rowsHoldEveryColumn } from '../../../src/core/survey/merge';
import type { MergedSurvey, SurveyTable } from '../../../src/core/survey/types';
import { loaded, parse } from '../core/survey/helpers';
import { Random } from '../support/random';

/** A survey CSV with what typing and merging branch on: every kind of column, blanks, NA, odd headers. */
function randomCsv(random: Random): { text: string; types: Record<string, string> } {
  const kinds = ['number', 'likert', 'yes-no', 'label', 'date', 'text', 'blank'] as const;
  const names = ['__proto__', 'constructor', 'age', 'age', '', 'score', 'role', 'when', 'note', 'agree'];
  const columns = Array.from({ length: random.int(1, 8) }, () => ({
    name: random.pick(names),
    kind: random.pick(kinds),
  }));
  const cell = (kind: (typeof kinds)[number]): string => {
    const roll = random.next();
    if (roll < 0.08) return random.pick(['', 'NA', ' N/A ', '  ']);
    if (roll < 0.12) return random.pick(['oops', '7.5', 'yes', '"a, b"']);
    switch (kind) {
      case 'number':
        return String(random.int(-5, 90) / random.pick([1, 1, 4]));
      case 'likert':
        return String(random.int(1, 5));
      case 'yes-no':
        return random.pick(['yes', 'no', 'Y', 'N']);
      case 'label':
        return random.pick(['north', 'south', 'east']);
      case 'date':
        return `2025-0${random.int(1, 9)}-1${random.int(0, 9)}`;
      case 'text':
        return random.pick(['"said ""no"""', 'more time', '"line one\nline two"']);
      case 'blank':
        return '';
    }
  };
  const rows = Array.from({ length: random.int(0, 40) }, (_, r) =>
    [`P${r + 1}`, ...columns.map((column) => cell(column.kind))].join(','),
  );
  const types: Record<string, string> = {};
  if (random.next() < 0.3) types[random.pick(names) || 'score'] = random.pick(['numeric', 'yes-no', 'ordinal:1-5']);
  return { text: [['id', ...columns.map((c) => c.name)].join(','), ...rows].join('\n') + '\n', types };
}

function value(result: ReturnType<typeof mergeSurveys>): MergedSurvey {
  if (!result.ok) assert.fail(JSON.stringify(result.problems));
  return result.value;
}

/** The same survey, row values with their own properties in the same order. */
function assertSameSurvey(fast: MergedSurvey, slow: MergedSurvey, label: string): void {
  assert.deepStrictEqual(fast, slow, label);
  assert.equal(JSON.stringify(fast), JSON.stringify(slow), label);
  fast.rows.forEach((row, i) =>
    assert.deepStrictEqual(Object.keys(row.values), Object.keys(slow.rows[i]?.values ?? {}), `${label}: row ${i}`),
  );
}

describe('survey: merging the one table parseSurvey made gives what the general merge gives', () => {
  it('on 1,500 random surveys: every kind of column, blanks and NA, duplicate and odd headers, invalid cells', () => {
    const random = new Random(61);
    let withRows = 0;
    for (let round = 0; round < 1500; round++) {
      const { text, types } = randomCsv(random);
      const parsed = parse(text, { types });
      if (!parsed.ok) continue;
      const table = loaded(parsed).table;
      const fast = value(mergeSurveys([table]));
      assertSameSurvey(fast, value(mergeTables([table])), `round ${round}`);
      assert.ok(rowsHoldEveryColumn(fast), `round ${round}`);
      if (table.rows.length > 0 && table.columns.length > 0) withRows++;
    }
    assert.ok(withRows > 1000, `surveys with rows and columns: ${withRows}`);
  });

  it('a table made by hand (a row without a column) goes through the general merge', () => {
    const table: SurveyTable = {
      uri: 'memory:/study/survey.csv',
      delimiter: ',',
      idColumn: 'id',
      columns: [
        { name: 'age', type: 'numeric', inferred: true, missing: 0, invalid: 0 },
        { name: 'role', type: 'categorical', levels: ['a'], inferred: true, missing: 0, invalid: 0 },
      ],
      rows: [
        { id: 'P1', line: 2, values: { age: 30, role: 'a' } },
        { id: 'P2', line: 3, values: { role: 'a' } },
      ],
    };
    const merged = value(mergeSurveys([table]));
    assertSameSurvey(merged, value(mergeTables([table])), 'by hand');
    assert.deepStrictEqual(merged.rows[1]?.values, { age: null, role: 'a' });
    assert.equal(merged.columns[0]?.missing, 1);
  });
});
