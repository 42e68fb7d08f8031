import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

const STUDY = join(__dirname, '../../../examples/mentorship-study');

type Row = Record<string, string>;

function readSurvey(): Row[] {
  const parsed = Papa.parse<Row>(readFileSync(join(STUDY, 'survey.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  assert.deepEqual(parsed.errors, []);
  return parsed.data;
}

const percent = (part: number, whole: number): number => (100 * part) / whole;
const count = (rows: readonly Row[], column: string, value: string): number =>
  rows.filter((r) => r[column] === value).length;
const sum = (rows: readonly Row[], column: string): number => rows.reduce((acc, r) => acc + Number(r[column]), 0);

describe('example study: survey reproduces the published headline figures', () => {
  const rows = readSurvey();

  it('has 44 participants P01–P44 and the documented columns', () => {
    assert.equal(rows.length, 44);
    assert.deepEqual(
      rows.map((r) => r['participant_id']),
      Array.from({ length: 44 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`),
    );
    assert.deepEqual(Object.keys(rows[0] ?? {}), [
      'participant_id',
      'gender',
      'role',
      'overall_mentoring_rating',
      'rejected_assigned_mentor',
      'can_differentiate_sponsorship',
      'wants_additional_mentors',
      'would_seek_menteeship_training',
      'active_mentors',
      'burnout_score',
      'resilience_score',
      'publications',
    ]);
  });

  it('keeps every cell in range', () => {
    for (const r of rows) {
      assert.match(r['gender'] ?? '', /^(female|male)$/);
      assert.match(r['role'] ?? '', /^(student|resident|chief|attending|administrator)$/);
      for (const column of ['rejected_assigned_mentor', 'wants_additional_mentors', 'would_seek_menteeship_training']) {
        assert.match(r[column] ?? '', /^(yes|no)$/, column);
      }
      assert.match(r['can_differentiate_sponsorship'] ?? '', /^(yes|no|NA)$/);
      const integer = (column: string, min: number, max: number): void => {
        const value = Number(r[column]);
        assert.ok(
          Number.isInteger(value) && value >= min && value <= max,
          `${r['participant_id']} ${column}=${r[column]}`,
        );
      };
      integer('overall_mentoring_rating', 1, 5);
      integer('active_mentors', 0, 6);
      integer('burnout_score', 0, 54);
      integer('resilience_score', 0, 40);
      integer('publications', 0, 1000);
    }
  });

  it('3.2/5 mean rating of overall mentoring', () => {
    assert.equal(sum(rows, 'overall_mentoring_rating'), 141);
    assert.equal((sum(rows, 'overall_mentoring_rating') / rows.length).toFixed(1), '3.2');
  });

  it('43% rejected their assigned mentor', () => {
    assert.equal(count(rows, 'rejected_assigned_mentor', 'yes'), 19);
    assert.equal(Math.round(percent(19, rows.length)), 43);
  });

  it('56% of those who answered could not differentiate sponsorship from mentorship (3 missing)', () => {
    assert.equal(count(rows, 'can_differentiate_sponsorship', 'NA'), 3);
    const answered = rows.filter((r) => r['can_differentiate_sponsorship'] !== 'NA');
    const no = count(answered, 'can_differentiate_sponsorship', 'no');
    assert.equal(no, 23);
    assert.equal(answered.length, 41);
    assert.equal(Math.round(percent(no, answered.length)), 56);
  });

  it('79.55% wanted additional mentors', () => {
    const yes = count(rows, 'wants_additional_mentors', 'yes');
    assert.equal(yes, 35);
    assert.equal(percent(yes, rows.length).toFixed(2), '79.55');
  });

  it('43% would actively seek menteeship training', () => {
    const yes = count(rows, 'would_seek_menteeship_training', 'yes');
    assert.equal(yes, 19);
    assert.equal(Math.round(percent(yes, rows.length)), 43);
  });

  it('57% female', () => {
    assert.equal(count(rows, 'gender', 'female'), 25);
    assert.equal(Math.round(percent(25, rows.length)), 57);
  });

  it('2.7 active mentors per female vs 2.9 per male respondent', () => {
    const female = rows.filter((r) => r['gender'] === 'female');
    const male = rows.filter((r) => r['gender'] === 'male');
    assert.equal(sum(female, 'active_mentors'), 68);
    assert.equal(sum(male, 'active_mentors'), 55);
    assert.equal((sum(female, 'active_mentors') / female.length).toFixed(1), '2.7');
    assert.equal((sum(male, 'active_mentors') / male.length).toFixed(1), '2.9');
  });

  it('has the documented role mix', () => {
    const roles = Object.fromEntries(
      ['student', 'resident', 'chief', 'attending', 'administrator'].map((role) => [role, count(rows, 'role', role)]),
    );
    assert.deepEqual(roles, { student: 10, resident: 14, chief: 6, attending: 10, administrator: 4 });
  });

  it('is plausible for later analyses: more burnout after rejecting the mentor, resilience falls with burnout', () => {
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    const burnout = (value: string): number[] =>
      rows.filter((r) => r['rejected_assigned_mentor'] === value).map((r) => Number(r['burnout_score']));
    assert.ok(mean(burnout('yes')) > mean(burnout('no')) + 2);
    const b = rows.map((r) => Number(r['burnout_score']));
    const s = rows.map((r) => Number(r['resilience_score']));
    const mb = mean(b);
    const ms = mean(s);
    const cov = b.reduce((acc, v, i) => acc + (v - mb) * ((s[i] as number) - ms), 0);
    const r =
      cov / Math.sqrt(b.reduce((acc, v) => acc + (v - mb) ** 2, 0) * s.reduce((acc, v) => acc + (v - ms) ** 2, 0));
    assert.ok(r < -0.3, `correlation ${r}`);
  });
});
