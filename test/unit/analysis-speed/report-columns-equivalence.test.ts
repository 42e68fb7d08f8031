import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SurveyColumn } from '../../../src/core/survey/index';
import { codeNumericComparisons, WITH_CODE, WITHOUT_CODE } from '../../../src/core/analysis/codes';
import { compareNumeric } from '../../../src/core/analysis/compare-groups';
import type { CodeNumericComparison, GroupComparison, ReportTest } from '../../../src/core/analysis/report-types';
import { buildStudyData, type ParticipantRecord, type StudyData } from '../../../src/core/analysis/study-data';
import {
  compareVariable,
  compareVariables,
  describeVariable,
  describeVariables,
} from '../../../src/core/analysis/variables';
import { loadSurvey } from '../../../src/core/analysis/load-survey';
import { adjustPValues } from '../../../src/core/stats/index';
import { loadStudy } from '../../../src/core/study/load-study';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { generateStudy } from '../../../scripts/bench/generate';
import { Random } from '../support/random';

const EXAMPLE = join(__dirname, '../../../examples/mentorship-study');

/** compareVariable of every column, one after the other: what compareVariables must give. */
function oneByOne(columns: readonly SurveyColumn[], by: SurveyColumn, records: readonly ParticipantRecord[]) {
  return columns.map((c) => compareVariable(c, by, records)).filter((c): c is GroupComparison => c !== undefined);
}

/**
 * codeNumericComparisons as first written: each code's observations built from the records, ranked on
 * their own, and each test family adjusted across the codes.
 */
function referenceCodeNumeric(data: StudyData, variable: SurveyColumn): CodeNumericComparison[] {
  const rows = data.records.filter((r) => r.codesKnown && r.surveyed);
  const results = data.codes.map((code): CodeNumericComparison => {
    const observations = rows.map((r) => {
      const v = r.values[variable.name];
      return { group: r.present[code.id] === 1 ? WITH_CODE : WITHOUT_CODE, value: typeof v === 'number' ? v : null };
    });
    const { n, missing, groups, tests, effect, reason } = compareNumeric(
      variable.name,
      variable.type,
      'code',
      [WITH_CODE, WITHOUT_CODE],
      observations,
    );
    return {
      code: code.id,
      name: code.name,
      variable: variable.name,
      n,
      missing,
      groups,
      tests,
      effect,
      ...(reason !== undefined ? { reason } : {}),
    };
  });
  for (const name of ['welch-t', 'mann-whitney'] as const) {
    const firsts: (ReportTest | undefined)[] = results.map((r) => r.tests.filter((t) => t.name === name)[0]);
    const ps = firsts.map((t) => t?.p ?? null);
    const holm = adjustPValues(ps, 'holm');
    const bh = adjustPValues(ps, 'BH');
    firsts.forEach((test, i) => {
      if (!test) return;
      test.pHolm = holm[i] ?? null;
      test.pBH = bh[i] ?? null;
    });
  }
  return results;
}

async function loadData(folder: string): Promise<StudyData> {
  const fs = new NodeFileSystem();
  const study = await loadStudy(fs, pathToUri(folder));
  const survey = await loadSurvey(fs, study);
  assert.ok(survey?.ok);
  return buildStudyData(study, survey.value);
}

function column(data: StudyData, name: string): SurveyColumn {
  const found = data.columns.find((c) => c.name === name);
  assert.ok(found, `column ${name}`);
  return found;
}

/** Every comparison of a report over `data`, each computed by the report's way and the straightforward one. */
function assertSameComparisons(data: StudyData, groupings: readonly string[]): number {
  let compared = 0;
  for (const name of groupings) {
    const by = column(data, name);
    const expected = oneByOne(data.columns, by, data.records);
    assert.deepStrictEqual(compareVariables(data.columns, by, data.records), expected, `by ${name}`);
    compared += expected.length;
  }
  for (const variable of data.columns.filter((c) => c.type === 'numeric' || c.type === 'ordinal')) {
    // The second variable of the same study data reads the with/without columns the first one made.
    assert.deepStrictEqual(codeNumericComparisons(data, variable), referenceCodeNumeric(data, variable), variable.name);
    compared++;
  }
  return compared;
}

describe('report comparisons: labelling the groups once gives exactly what labelling them per column gives', () => {
  it('on the example study, by each grouping column', async () => {
    const data = await loadData(EXAMPLE);
    const compared = assertSameComparisons(data, [
      'gender',
      'role',
      'overall_mentoring_rating',
      'rejected_assigned_mentor',
    ]);
    assert.ok(compared > 40, `comparisons: ${compared}`);
  });

  it('on a generated study loaded from disk (ordinal, yes-no and categorical groupings, missing answers)', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'grounded-comparisons-'));
    try {
      const folder = join(parent, 'study');
      generateStudy(folder, {
        name: 'small',
        transcripts: 30,
        codingsPerTranscript: 30,
        surveyRows: 60,
        words: [300, 600],
      });
      const data = await loadData(folder);
      const compared = assertSameComparisons(data, ['gender', 'site', 'likert_3', 'yesno_1']);
      assert.ok(compared > 100, `comparisons: ${compared}`);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('on random records: missing rows and answers, labels outside the levels, a column named as the grouping', () => {
    const random = new Random(61);
    const by: SurveyColumn = {
      name: 'group',
      type: 'categorical',
      levels: ['a', 'b', 'c'],
      inferred: true,
      missing: 0,
      invalid: 0,
    };
    const columns: SurveyColumn[] = [
      by,
      { name: 'score', type: 'numeric', inferred: true, missing: 0, invalid: 0 },
      { name: 'likert', type: 'ordinal', scale: { min: 1, max: 5 }, inferred: true, missing: 0, invalid: 0 },
      { name: 'agree', type: 'yes-no', levels: ['no', 'yes'], inferred: true, missing: 0, invalid: 0 },
      { name: 'site', type: 'categorical', levels: ['x', 'y'], inferred: true, missing: 0, invalid: 0 },
      { name: 'note', type: 'text', inferred: true, missing: 0, invalid: 0 },
    ];
    let tests = 0;
    for (let round = 0; round < 300; round++) {
      const records = Array.from({ length: random.int(0, 40) }, (_, i) => {
        const maybe = <T>(value: T): T | null => (random.next() < 0.15 ? null : value);
        return {
          id: `P${i}`,
          surveyed: random.next() < 0.9,
          values: {
            group: maybe(random.pick(['a', 'b', 'c', 'd'])),
            score: maybe(random.int(0, 6) / random.pick([1, 2])),
            likert: maybe(random.int(1, 6)),
            agree: maybe(random.next() < 0.5),
            site: maybe(random.pick(['x', 'y', 'z'])),
            note: maybe('text'),
          },
        } as unknown as ParticipantRecord;
      });
      const expected = oneByOne(columns, by, records);
      assert.deepStrictEqual(compareVariables(columns, by, records), expected, `round ${round}`);
      assert.deepStrictEqual(
        describeVariables(columns, records),
        columns.map((c) => describeVariable(c, records)),
        `round ${round}: descriptives`,
      );
      tests += expected.filter((c) => c.tests.length > 0).length;
    }
    assert.ok(tests > 600, `comparisons with a test: ${tests}`);
  });
});
