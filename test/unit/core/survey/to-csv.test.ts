import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { toCsv } from '../../../../src/core/survey';

describe('toCsv', () => {
  it('writes a header, rows, LF line ends and a final newline; null is empty', () => {
    assert.equal(
      toCsv(
        ['code', 'n', 'share', 'significant'],
        [
          ['Mentoring', 12, 0.2727, true],
          ['Burnout', null, 0.5, false],
        ],
      ),
      'code,n,share,significant\nMentoring,12,0.2727,true\nBurnout,,0.5,false\n',
    );
  });

  it('quotes delimiters, quotes and newlines (as LF)', () => {
    const csv = toCsv(['quote'], [['a, b'], ['say "hi"'], ['two\nlines']]);
    assert.equal(csv, 'quote\n"a, b"\n"say ""hi"""\n"two\nlines"\n');
    assert.deepEqual(Papa.parse(csv.trimEnd(), { header: false }).data, [
      ['quote'],
      ['a, b'],
      ['say "hi"'],
      ['two\nlines'],
    ]);
  });

  it('escapes text starting with = + - @ tab or CR, but not numbers', () => {
    const csv = toCsv(
      ['=HEADER', 'x'],
      [
        ['=1+1', -3],
        ['+SUM(A1)', 2],
        ['-x', -0.5],
        ['@cmd', 0],
        ['\tx', 1],
        ['\rx', 1],
        ['-3', 1],
      ],
    );
    const rows = Papa.parse<string[]>(csv.trimEnd(), { header: false, newline: '\n' }).data;
    assert.deepEqual(rows, [
      ["'=HEADER", 'x'],
      ["'=1+1", '-3'],
      ["'+SUM(A1)", '2'],
      ["'-x", '-0.5'],
      ["'@cmd", '0'],
      ["'\tx", '1'],
      ["'\rx", '1'],
      ["'-3", '1'],
    ]);
  });

  it('writes only the header when there are no rows', () => {
    assert.equal(toCsv(['a', 'b'], []), 'a,b\n');
  });
});
