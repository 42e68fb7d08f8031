import assert from 'node:assert/strict';
import {
  columnValues,
  joinParticipants,
  mergeSurveys,
  participantIds,
  type MergedSurvey,
  type SurveyTable,
} from '../../../../src/core/survey';
import { failed, loaded, parse } from './helpers';

const A = 'memory:/study/demographics.csv';
const B = 'memory:/study/burnout.csv';

function table(text: string, uri: string, types: Record<string, string> = {}): SurveyTable {
  return loaded(parse(text, { types }, uri)).table;
}

function merged(...tables: SurveyTable[]): MergedSurvey {
  const result = mergeSurveys(tables);
  if (!result.ok) assert.fail(JSON.stringify(result.problems));
  return result.value;
}

describe('mergeSurveys', () => {
  it('joins columns of two files by participant id; absent rows are missing', () => {
    const survey = merged(
      table('id,age,role\nP1,34,resident\nP2,29,student\nP3,41,resident\nP4,50,student\n', A),
      table('id;burnout\nP2;3,5\nP1;2,25\nP5;4\n', B),
    );
    assert.deepEqual(survey.uris, [A, B]);
    assert.equal(survey.idColumn, 'id');
    assert.deepEqual(participantIds(survey), ['P1', 'P2', 'P3', 'P4', 'P5']);
    assert.deepEqual(
      survey.columns.map((c) => c.name),
      ['age', 'role', 'burnout'],
    );
    assert.deepEqual(columnValues(survey, 'burnout'), [2.25, 3.5, null, null, 4]);
    assert.deepEqual(columnValues(survey, 'age'), [34, 29, 41, 50, null]);
    assert.deepEqual(
      survey.columns.map((c) => c.missing),
      [1, 1, 2],
    );
    assert.deepEqual(survey.rows[1]?.sources, [
      { uri: A, line: 3 },
      { uri: B, line: 2 },
    ]);
    assert.deepEqual([survey.rows[4]?.uri, survey.rows[4]?.line], [B, 4]);
  });

  it('accepts the same value in two files and fills a missing one from the other', () => {
    const survey = merged(table('id,age\nP1,34\nP2,NA\n', A), table('id,age\nP1,34\nP2,29\n', B));
    assert.deepEqual(columnValues(survey, 'age'), [34, 29]);
    assert.equal(survey.columns[0]?.missing, 0);
  });

  it('reports conflicting values for one participant and column, naming both places', () => {
    const problems = failed(mergeSurveys([table('id,age\nP1,34\nP2,29\n', A), table('id,age\nP2,30\n', B)]));
    assert.equal(problems.length, 1);
    const [p] = problems;
    assert.deepEqual([p?.uri, p?.line, p?.kind, p?.severity], [B, 2, 'survey-conflicting-value', 'error']);
    assert.match(
      p?.message ?? '',
      /"P2" has 30 for column "age" here but 29 in memory:\/study\/demographics.csv on line 3/,
    );
  });

  it('reports a column typed differently in two files', () => {
    const problems = failed(mergeSurveys([table('id,x\nP1,1.5\nP2,2\n', A), table('id,x\nP3,a\nP4,b\nP5,c\n', B)]));
    assert.deepEqual(
      problems.map((p) => [p.uri, p.kind]),
      [[B, 'survey-column-conflict']],
    );
    assert.match(problems[0]?.message ?? '', /numeric in one file and text in another/);
  });

  it('unions categorical levels and ordinal ranges', () => {
    const survey = merged(
      table('id,role,r\nP1,chief,1\nP2,chief,2\nP3,student,3\n', A),
      table('id,role,r\nP4,attending,5\nP5,attending,3\nP6,attending,4\n', B),
    );
    assert.deepEqual(survey.columns[0]?.levels, ['attending', 'chief', 'student']);
    assert.deepEqual(survey.columns[1]?.scale, { min: 1, max: 5 });
  });

  it('types a column again over the merged answers when files inferred categorical vs text or numeric vs ordinal', () => {
    const survey = merged(
      table('id,role,n\nP1,chief,0\nP2,chief,1\nP3,student,1\n', A),
      table('id,role,n\nP4,chief,3\nP5,student,4\nP6,student,2\n', B),
    );
    const [role, n] = survey.columns;
    assert.deepEqual([role?.type, role?.levels], ['categorical', ['chief', 'student']]);
    assert.deepEqual([n?.type, n?.scale], ['ordinal', { min: 0, max: 4 }]);
  });

  it('refuses a Likert column in one file and numbers in another', () => {
    const problems = failed(
      mergeSurveys([table('id,q\nP1,Agree\nP2,Disagree\n', A), table('id,q\nP3,1\nP4,2\nP5,3\n', B)]),
    );
    assert.equal(problems[0]?.kind, 'survey-column-conflict');
  });

  it('refuses different Likert label scales for one column', () => {
    const problems = failed(
      mergeSurveys([table('id,q\nP1,Agree\nP2,Disagree\n', A), table('id,q\nP3,Never\nP4,Often\n', B)]),
    );
    assert.match(problems[0]?.message ?? '', /different ordinal label scales/);
  });

  it('merges nothing into an empty survey', () => {
    const result = mergeSurveys([]);
    assert.ok(result.ok);
    assert.deepEqual(result.value.rows, []);
  });
});

describe('joinParticipants', () => {
  const survey = merged(table('id,age\nP01,30\nP02,31\nP03,32\nP04,33\n', A));

  it('reports matches, transcripts without a row or a participant, and rows without a transcript', () => {
    const join = joinParticipants(survey, [
      { path: 'interviews/P01.txt', participant: 'P01' },
      { path: 'interviews/P02-part1.txt', participant: ' P02 ' },
      { path: 'interviews/P02-part2.txt', participant: 'P02' },
      { path: 'interviews/p03.txt', participant: 'p03' },
      { path: 'interviews/P99.txt', participant: 'P99' },
      { path: 'interviews/notes.txt' },
      { path: 'interviews/blank.txt', participant: '  ' },
    ]);
    assert.deepEqual(
      join.matched.map((m) => [m.participant, m.transcripts, m.row.line]),
      [
        ['P01', ['interviews/P01.txt'], 2],
        ['P02', ['interviews/P02-part1.txt', 'interviews/P02-part2.txt'], 3],
      ],
    );
    assert.deepEqual(join.transcriptsWithoutRow, [
      { path: 'interviews/p03.txt', participant: 'p03', sameIgnoringCase: 'P03' },
      { path: 'interviews/P99.txt', participant: 'P99' },
    ]);
    assert.deepEqual(join.transcriptsWithoutParticipant, ['interviews/notes.txt', 'interviews/blank.txt']);
    assert.deepEqual(join.rowsWithoutTranscript, [
      { id: 'P03', line: 4, uri: A },
      { id: 'P04', line: 5, uri: A },
    ]);
  });
});
