import assert from 'node:assert/strict';
import { columnValues, parseSurvey, participantIds } from '../../../../src/core/survey';
import { failed, loaded, only, parse, place, settings, URI } from './helpers';

describe('parseSurvey: reading the file', () => {
  it('reads a plain comma file into typed rows with their lines', () => {
    const { table, warnings } = loaded(parse('id,age,gender\nP1,34,female\nP2,29,male\nP3,41,female\nP4,38,male\n'));
    assert.deepEqual(warnings, []);
    assert.equal(table.uri, URI);
    assert.equal(table.delimiter, ',');
    assert.equal(table.idColumn, 'id');
    assert.deepEqual(participantIds(table), ['P1', 'P2', 'P3', 'P4']);
    assert.deepEqual(
      table.rows.map((row) => row.line),
      [2, 3, 4, 5],
    );
    assert.deepEqual(columnValues(table, 'age'), [34, 29, 41, 38]);
    assert.deepEqual(table.rows[0]?.values, { age: 34, gender: 'female' });
    assert.deepEqual(
      table.columns.map((c) => c.name),
      ['age', 'gender'],
    );
  });

  it('strips a BOM and reads CRLF line ends', () => {
    const { table } = loaded(parse('\uFEFFid,score\r\nP1,2.5\r\nP2,3.5\r\n'));
    assert.equal(table.idColumn, 'id');
    assert.deepEqual(participantIds(table), ['P1', 'P2']);
    assert.deepEqual(columnValues(table, 'score'), [2.5, 3.5]);
  });

  it('detects semicolons and reads decimal commas there', () => {
    const { table } = loaded(parse('id;score;mentors\nP1;3,5;2\nP2;4,25;3\nP3;2;1\n'));
    assert.equal(table.delimiter, ';');
    assert.deepEqual(columnValues(table, 'score'), [3.5, 4.25, 2]);
    assert.equal(table.columns[0]?.type, 'numeric');
  });

  it('detects tabs', () => {
    const { table } = loaded(parse('id\tcity\nP1\tLyon, France\nP2\tBonn\n'));
    assert.equal(table.delimiter, '\t');
    assert.deepEqual(columnValues(table, 'city'), ['Lyon, France', 'Bonn']);
  });

  it('prefers the semicolon when a quoted header contains commas', () => {
    const { table } = loaded(parse('id;"Age, in years";score\nP1;30;3,5\nP2;31;4\n'));
    assert.equal(table.delimiter, ';');
    assert.deepEqual(
      table.columns.map((c) => c.name),
      ['Age, in years', 'score'],
    );
  });

  it('obeys an Excel "sep=" first line and skips it', () => {
    const { table } = loaded(parse('sep=;\nid;score\nP1;3,5\nP2;4\n'));
    assert.equal(table.delimiter, ';');
    assert.deepEqual(columnValues(table, 'score'), [3.5, 4]);
    assert.deepEqual(
      table.rows.map((row) => row.line),
      [3, 4],
    );
  });

  it('locates cells after a quoted cell with spaces before the delimiter', () => {
    const { warnings } = loaded(parse('id,name,age\nP1,"Ann" ,x\nP2,Bob,3\n', { types: { age: 'numeric' } }));
    assert.deepEqual(place(only(warnings, 'survey-type-mismatch')), [2, 11, 'warning']);
  });

  it('counts columns in code points (an emoji is one column)', () => {
    const { warnings } = loaded(parse('id,mood,age\nP1,😀,x\nP2,ok,3\n', { types: { age: 'numeric' } }));
    assert.deepEqual(place(only(warnings, 'survey-type-mismatch')), [2, 6, 'warning']);
  });

  it('does not read a decimal comma in a comma file (it is a delimiter there)', () => {
    const { table, warnings } = loaded(parse('id,score\nP1,"3,5"\nP2,3\n', { types: { score: 'numeric' } }));
    assert.deepEqual(columnValues(table, 'score'), [null, 3]);
    assert.deepEqual(place(only(warnings, 'survey-type-mismatch')), [2, 4, 'warning']);
  });

  it('keeps quoted newlines in the cell and the right line numbers for later rows and problems', () => {
    const text = 'id,comment,age\nP1,"first line\nsecond line\nthird",30\nP2,short,x\nP3,"a ""quoted"" word",40\n';
    const { table, warnings } = loaded(parse(text, { types: { age: 'numeric' } }));
    assert.deepEqual(
      table.rows.map((row) => row.line),
      [2, 5, 6],
    );
    assert.deepEqual(columnValues(table, 'comment'), ['first line\nsecond line\nthird', 'short', 'a "quoted" word']);
    // "x" is on line 5, after "P2,short," → column 10.
    assert.deepEqual(place(only(warnings, 'survey-type-mismatch')), [5, 10, 'warning']);
  });

  it('locates a cell that follows a multi-line cell on the same record', () => {
    const { warnings } = loaded(parse('id,comment,age\nP1,"a\nb",x\nP2,c,3\n', { types: { age: 'numeric' } }));
    assert.deepEqual(place(only(warnings, 'survey-type-mismatch')), [3, 4, 'warning']);
  });

  it('normalizes CRLF inside quoted cells too', () => {
    const { table } = loaded(parse('id,comment\r\nP1,"a\r\nb"\r\nP2,c\r\n'));
    assert.deepEqual(columnValues(table, 'comment'), ['a\nb', 'c']);
    assert.deepEqual(
      table.rows.map((row) => row.line),
      [2, 4],
    );
  });

  it('skips blank lines and rows of empty cells, keeping line numbers', () => {
    const { table } = loaded(parse('id,age\n\nP1,30\n,\n , \nP2,31\n\n'));
    assert.deepEqual(
      table.rows.map((row) => [row.id, row.line]),
      [
        ['P1', 3],
        ['P2', 6],
      ],
    );
  });

  it('refuses bytes that are not UTF-8, naming the byte, line and column', () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('id,city\nP1,Z'),
      0xfc,
      ...new TextEncoder().encode('rich\n'),
    ]);
    const problems = failed(parseSurveyBytes(latin1));
    const p = only(problems, 'survey-encoding');
    assert.deepEqual(place(p), [2, 5, 'error']);
    assert.match(p.message, /0xFC/);
    assert.match(p.hint ?? '', /UTF-8/);
  });

  it('places a bad byte after a BOM and old-Mac CR line ends as an editor shows it', () => {
    const latin1 = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('id,city\rP1,Z'),
      0xfc,
      ...new TextEncoder().encode('rich\r'),
    ]);
    assert.deepEqual(place(only(failed(parseSurveyBytes(latin1)), 'survey-encoding')), [2, 5, 'error']);
  });

  it('refuses UTF-16, saying so', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]);
    const p = only(failed(parseSurveyBytes(utf16)), 'survey-encoding');
    assert.deepEqual(place(p), [1, 1, 'error']);
    assert.match(p.hint ?? '', /UTF-16/);
  });

  it('refuses an empty file', () => {
    assert.deepEqual(place(only(failed(parse('')), 'survey-empty')), [0, 0, 'error']);
    assert.deepEqual(place(only(failed(parse('\uFEFF\n\n')), 'survey-empty')), [0, 0, 'error']);
  });

  it('loads a header without rows, with a warning', () => {
    const { table, warnings } = loaded(parse('id,age\n'));
    assert.deepEqual(table.rows, []);
    assert.deepEqual(place(only(warnings, 'survey-no-rows')), [1, 1, 'warning']);
  });
});

describe('parseSurvey: problems', () => {
  it('refuses an unterminated quote, pointing at the opening quote', () => {
    const problems = failed(parse('id,comment\nP1,ok\nP2,"never closed\nP3,x\n'));
    assert.deepEqual(place(only(problems, 'survey-unterminated-quote')), [3, 4, 'error']);
    assert.equal(problems.length, 1, 'no echo problems after the quote');
  });

  it('refuses a stray quote inside a quoted cell', () => {
    const problems = failed(parse('id,comment\nP1,"say "hi" now",3\n'));
    assert.deepEqual(place(only(problems, 'survey-invalid-quote')), [2, 4, 'error']);
  });

  it('refuses rows with too few cells, naming the row', () => {
    const problems = failed(parse('id,age,gender\nP1,30,f\nP2,31\nP3,32,m\n'));
    const p = only(problems, 'survey-too-few-fields');
    assert.deepEqual(place(p), [3, 4, 'error']);
    assert.match(p.message, /line 3 has 2 cells but the header has 3/);
  });

  it('refuses rows with extra non-empty cells, pointing at the first extra one', () => {
    const problems = failed(parse('id,age\nP1,30\nP2,3,5\n'));
    const p = only(problems, 'survey-too-many-fields');
    assert.deepEqual(place(p), [3, 6, 'error']);
  });

  it('loads rows ending with extra empty cells, with a warning', () => {
    const { table, warnings } = loaded(parse('id,age\nP1,30,,\nP2,31\n'));
    assert.deepEqual(columnValues(table, 'age'), [30, 31]);
    assert.deepEqual(place(only(warnings, 'survey-extra-empty-fields')), [2, 7, 'warning']);
  });

  it('refuses a file without the id column and lists the columns found', () => {
    const p = only(failed(parse('ID,age\nP1,30\n', { idColumn: 'participant' })), 'survey-missing-id-column');
    assert.deepEqual(place(p), [1, 1, 'error']);
    assert.match(p.message, /"participant"/);
    assert.match(p.message, /"ID", "age"/);
  });

  it('hints at an id column that differs only in case, without using it', () => {
    const p = only(failed(parse('ID,age\nP1,30\n')), 'survey-missing-id-column');
    assert.match(p.hint ?? '', /did you mean "ID"/);
  });

  it('refuses two id columns', () => {
    assert.deepEqual(place(only(failed(parse('id,age,id\nP1,30,P1\n')), 'survey-duplicate-id-column')), [
      1,
      8,
      'error',
    ]);
  });

  it('refuses duplicate participant ids, naming both rows', () => {
    const p = only(failed(parse('id,age\nP1,30\nP2,31\n P1 ,32\n')), 'survey-duplicate-id');
    assert.deepEqual(place(p), [4, 1, 'error']);
    assert.match(p.message, /"P1" is on line 2 and again on line 4/);
  });

  it('finds the id column anywhere and points at its cell', () => {
    const { table } = loaded(parse('age,participant\n30,P1\n31,P2\n', { idColumn: 'participant' }));
    assert.deepEqual(participantIds(table), ['P1', 'P2']);
    assert.deepEqual(
      table.columns.map((c) => c.name),
      ['age'],
    );
    const p = only(
      failed(parse('age,participant\n30,P1\n31,P1\n', { idColumn: 'participant' })),
      'survey-duplicate-id',
    );
    assert.deepEqual(place(p), [3, 4, 'error']);
  });

  it('treats ids case-sensitively: P1 and p1 are two participants', () => {
    const { table } = loaded(parse('id,age\nP1,30\np1,31\n'));
    assert.deepEqual(participantIds(table), ['P1', 'p1']);
  });

  it('refuses blank ids', () => {
    const p = only(failed(parse('id,age\nP1,30\n  ,31\n')), 'survey-blank-id');
    assert.deepEqual(place(p), [3, 1, 'error']);
  });

  it('reports every bad row, not just the first', () => {
    const problems = failed(parse('id,age\nP1,30\n,31\nP1,32\nP3\n'));
    assert.deepEqual(
      problems.map((p) => [p.kind, p.line]),
      [
        ['survey-blank-id', 3],
        ['survey-duplicate-id', 4],
        ['survey-too-few-fields', 5],
      ],
    );
  });

  it('renames duplicate headers x_2, x_3 with a warning at each repeat', () => {
    const { table, warnings } = loaded(parse('id,note,note,note_2,note\nP1,a,b,c,d\n'));
    assert.deepEqual(
      table.columns.map((c) => c.name),
      ['note', 'note_3', 'note_2', 'note_4'],
    );
    assert.deepEqual(table.rows[0]?.values, { note: 'a', note_3: 'b', note_2: 'c', note_4: 'd' });
    assert.deepEqual(warnings.filter((w) => w.kind === 'survey-duplicate-header').map(place), [
      [1, 9, 'warning'],
      [1, 21, 'warning'],
    ]);
  });

  it('names a blank header over data column_N (warning) and drops one over an empty column (info)', () => {
    const { table, warnings } = loaded(parse('id,,age,\nP1,x,30,\nP2,y,31,\n'));
    assert.deepEqual(
      table.columns.map((c) => c.name),
      ['column_2', 'age'],
    );
    assert.deepEqual(columnValues(table, 'column_2'), ['x', 'y']);
    assert.deepEqual(warnings.filter((w) => w.kind === 'survey-blank-header').map(place), [
      [1, 4, 'warning'],
      [1, 9, 'info'],
    ]);
  });

  it('returns the warnings with the errors when a file does not load', () => {
    const problems = failed(parse('id,x,x\nP1,1,2\nP1,3,4\n'));
    assert.deepEqual(problems.map((p) => p.kind).sort(), ['survey-duplicate-header', 'survey-duplicate-id']);
  });
});

function parseSurveyBytes(bytes: Uint8Array) {
  return parseSurvey(URI, bytes, settings());
}
