import assert from 'node:assert/strict';
import { buildStudyData, buildStudyReport, ReportRequestError } from '../../../../src/core/analysis/index';
import { buildStudy, studyData, type Interview } from './fixture';

const INTERVIEWS: Interview[] = [
  {
    participant: 'P1',
    sentences: ['I had an assigned mentor.', 'I was exhausted.', 'A friend helped.'],
    codings: {
      amara: [
        [0, 'assigned'],
        [1, 'burnout'],
        [2, 'informal'],
      ],
      jonas: [[0, 'assigned']],
    },
  },
  {
    participant: 'P2',
    sentences: ['Nobody helped me.', 'I burned out.'],
    codings: {
      amara: [
        [1, 'burnout'],
        [1, 'burnout'],
      ],
    },
  },
  { participant: 'P3', sentences: ['My informal mentor was great.'], codings: { jonas: [[0, 'informal']] } },
  { participant: 'P9', sentences: ['Not in the survey.'], codings: { amara: [[0, 'informal']] } },
];
const SURVEY = 'id,gender,score\nP1,female,3.5\nP2,male,NA\nP3,female,5\nP4,male,2\n';

describe('buildStudyData', () => {
  it('gives one record per participant: survey rows first, then transcript-only participants', async () => {
    const data = await studyData(INTERVIEWS, SURVEY);
    assert.deepEqual(
      data.records.map((r) => r.id),
      ['P1', 'P2', 'P3', 'P4', 'P9'],
    );
    const p4 = data.records.find((r) => r.id === 'P4');
    assert.equal(p4?.surveyed, true);
    assert.equal(p4.coded, false);
    assert.equal(p4.present['burnout'], null, 'not coded is missing, not 0');
    const p9 = data.records.find((r) => r.id === 'P9');
    assert.equal(p9?.surveyed, false);
    assert.equal(p9.values['gender'], null);
    assert.equal(p9.present['informal'], 1);
  });

  it('pools coders by default; a category aggregates its children', async () => {
    const data = await studyData(INTERVIEWS, SURVEY);
    const p1 = data.records.find((r) => r.id === 'P1');
    assert.equal(p1?.counts['assigned'], 2, 'amara and jonas');
    assert.equal(p1.counts['mentoring'], 3, 'assigned ×2 + informal');
    assert.equal(p1.present['mentoring'], 1);
    assert.equal(data.records.find((r) => r.id === 'P2')?.counts['burnout'], 2);
    assert.deepEqual(data.coders, { available: ['amara', 'jonas'], included: ['amara', 'jonas'] });
  });

  it("with one coder, only that coder's transcripts are coded", async () => {
    const data = await studyData(INTERVIEWS, SURVEY, { coders: ['jonas'] });
    assert.deepEqual(
      data.records.filter((r) => r.coded).map((r) => r.id),
      ['P1', 'P3'],
    );
    assert.equal(data.records.find((r) => r.id === 'P1')?.counts['assigned'], 1);
    assert.equal(data.records.find((r) => r.id === 'P2')?.present['burnout'], null);
  });

  it('reports who could not be joined', async () => {
    const data = await studyData(INTERVIEWS, SURVEY);
    assert.deepEqual(data.coverage.transcriptsWithoutRow, [{ transcript: 'transcripts/P9.txt', participant: 'P9' }]);
    assert.deepEqual(data.coverage.rowsWithoutTranscript, [{ participant: 'P4', file: 'survey.csv', line: 5 }]);
    assert.equal(data.coverage.total, 5);
    assert.equal(data.coverage.joined, 3);
  });

  it('applies a row filter to everything; participants without a survey row never pass', async () => {
    const data = await studyData(INTERVIEWS, SURVEY, { filters: [{ column: 'gender', value: 'female' }] });
    assert.deepEqual(
      data.records.map((r) => r.id),
      ['P1', 'P3'],
    );
    assert.equal(data.coverage.excludedByFilter, 3);
    assert.ok(data.codings.every((c) => c.participant === 'P1' || c.participant === 'P3'));
  });

  it('treats a survey column named __proto__ as data', async () => {
    const { study, survey } = await buildStudy(
      [{ participant: 'P1', sentences: ['x'], codings: { amara: [[0, 'burnout']] } }],
      'id,__proto__\nP1,a\n',
    );
    const data = buildStudyData(study, survey);
    assert.equal(Object.getOwnPropertyDescriptor(data.records[0]?.values, '__proto__')?.value, 'a');
    assert.equal(data.records[0]?.present['burnout'], 1);
  });

  it('refuses an unknown column, grouping type or coder, naming what exists', async () => {
    const { study, survey } = await buildStudy(INTERVIEWS, SURVEY);
    assert.throws(
      () => buildStudyReport(study, survey, { by: 'sex' }),
      (e: unknown) => e instanceof ReportRequestError && /columns: gender, score/.test(e.message),
    );
    assert.throws(() => buildStudyReport(study, survey, { by: 'score' }), /score" is numeric; group by a categorical/);
    assert.throws(() => buildStudyReport(study, survey, { coders: ['zoe'] }), /coders: amara, jonas/);
  });
});
