import assert from 'node:assert/strict';
import {
  buildStudyData,
  buildStudyReport,
  codesByGroup,
  coOccurrenceByGroup,
  type CoOccurrence,
} from '../../../../src/core/analysis/index';
import { findColumn } from '../../../../src/core/survey/index';
import { buildStudy, type Interview } from './fixture';

// Three women, three men, one participant without a gender, one surveyed participant without a transcript.
// Hierarchy (fixture codebook): mentoring > assigned, informal; burnout; unused.
const INTERVIEWS: Interview[] = [
  {
    participant: 'P1',
    sentences: ['Assigned and tired.'],
    codings: {
      amara: [
        [0, 'assigned'],
        [0, 'burnout'],
      ],
    },
  },
  {
    participant: 'P2',
    sentences: ['Tired.', 'Friend.'],
    codings: {
      amara: [
        [0, 'burnout'],
        [1, 'informal'],
      ],
    },
  },
  { participant: 'P3', sentences: ['Assigned.'], codings: { amara: [[0, 'assigned']] } },
  {
    participant: 'P4',
    sentences: ['A friend, and tired.'],
    codings: {
      amara: [
        [0, 'burnout'],
        [0, 'informal'],
      ],
    },
  },
  { participant: 'P5', sentences: ['Tired.'], codings: { amara: [[0, 'burnout']] } },
  { participant: 'P6', sentences: ['Fine.'], codings: { amara: [] } },
  { participant: 'P7', sentences: ['Tired.'], codings: { amara: [[0, 'burnout']] } },
];
const SURVEY = 'id,gender\nP1,female\nP2,female\nP3,female\nP4,male\nP5,male\nP6,male\nP7,\nP8,diverse\n';

function pair(pairs: readonly CoOccurrence[], a: string, b: string): Omit<CoOccurrence, 'a' | 'b'> | undefined {
  const found = pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  if (!found) return undefined;
  const { a: _a, b: _b, ...figures } = found;
  return figures;
}

describe('co-occurrence by group', () => {
  it('Jaccard and overlaps over each group’s participants alone (hand-computed)', async () => {
    const { study, survey } = await buildStudy(INTERVIEWS, SURVEY);
    const data = buildStudyData(study, survey);
    const gender = findColumn(survey!, 'gender')!;
    const groups = coOccurrenceByGroup(data, gender);
    assert.deepEqual(
      groups.map((g) => [g.level, g.participants]),
      codesByGroup(data, gender)[0]!.groups.map((g) => [g.level, g.total]),
      'the same groups, in the same order and with the same denominators, as the code × group table',
    );
    const of = (level: string) => groups.find((g) => g.level === level)!.pairs;

    // Women P1–P3: assigned {P1, P3}, burnout {P1, P2}, informal {P2}, mentoring {P1, P2, P3}.
    assert.deepEqual(pair(of('female'), 'assigned', 'burnout'), {
      overlaps: 1,
      overlapTranscripts: 1,
      participants: 1,
      participantsEither: 3,
      jaccard: 1 / 3,
    });
    assert.deepEqual(pair(of('female'), 'burnout', 'informal'), {
      overlaps: 0,
      overlapTranscripts: 0,
      participants: 1,
      participantsEither: 2,
      jaccard: 1 / 2,
    });
    assert.deepEqual(pair(of('female'), 'mentoring', 'burnout'), {
      overlaps: 1,
      overlapTranscripts: 1,
      participants: 2,
      participantsEither: 3,
      jaccard: 2 / 3,
    });
    assert.equal(pair(of('female'), 'assigned', 'informal'), undefined, 'never together among women');

    // Men P4–P6 (P6 coded, no codes): burnout {P4, P5}, informal {P4}, mentoring {P4}; nobody assigned.
    assert.deepEqual(pair(of('male'), 'burnout', 'informal'), {
      overlaps: 1,
      overlapTranscripts: 1,
      participants: 1,
      participantsEither: 2,
      jaccard: 1 / 2,
    });
    assert.deepEqual(pair(of('male'), 'mentoring', 'burnout'), {
      overlaps: 1,
      overlapTranscripts: 1,
      participants: 1,
      participantsEither: 2,
      jaccard: 1 / 2,
    });
    assert.equal(pair(of('male'), 'assigned', 'burnout'), undefined, 'no man has the assigned mentor code');
    assert.equal(pair(of('male'), 'mentoring', 'informal'), undefined, 'a category and its child are not paired');

    // A level with no coded participant (P8 has no transcript): in the list, with nothing in it.
    assert.deepEqual(
      groups.find((g) => g.level === 'diverse'),
      { level: 'diverse', participants: 0, pairs: [] },
    );
  });

  it('the report carries it with a grouping only, and the pooled figures are unchanged', async () => {
    const { study, survey } = await buildStudy(INTERVIEWS, SURVEY);
    const grouped = buildStudyReport(study, survey, { by: 'gender' });
    const whole = buildStudyReport(study, survey);
    assert.deepEqual(whole.coOccurrenceByGroup, []);
    assert.deepEqual(grouped.coOccurrence, whole.coOccurrence, 'pooled co-occurrence does not depend on the grouping');
    // Pooled over P1–P7 (P7 has no gender, so it is in no group): assigned {P1, P3}, burnout {P1, P2, P4, P5, P7}.
    assert.equal(pair(whole.coOccurrence, 'assigned', 'burnout')?.jaccard, 1 / 6);
    assert.equal(
      pair(grouped.coOccurrenceByGroup.find((g) => g.level === 'female')!.pairs, 'assigned', 'burnout')?.jaccard,
      1 / 3,
    );
    const data = buildStudyData(study, survey);
    assert.deepEqual(grouped.coOccurrenceByGroup, coOccurrenceByGroup(data, findColumn(survey!, 'gender')!));
  });
});
