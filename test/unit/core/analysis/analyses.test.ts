import assert from 'node:assert/strict';
import {
  analyzeTable,
  buildStudyData,
  buildStudyReport,
  codeNumericComparisons,
  codesByGroup,
  compareCategorical,
  compareNumeric,
  coOccurrence,
  describeVariable,
  summarizeCodes,
} from '../../../../src/core/analysis/index';
import { findColumn } from '../../../../src/core/survey/index';
import { buildStudy, simpleInterviews, type Interview } from './fixture';

/** Every number anywhere in the value is finite (JSON would silently turn NaN and Infinity into null). */
function assertFinite(value: unknown, path = '$'): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} is ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
}

const obs = (group: string | null, value: number | null) => ({ group, value });

describe('group comparisons', () => {
  it("two groups: Welch t (R golden value), Mann–Whitney and Hedges' g", () => {
    const x = [19.1, 20.5, 22.3, 18.0, 21.7];
    const y = [24.9, 30.2, 26.1, 41.0, 22.2, 35.3];
    const result = compareNumeric(
      'v',
      'numeric',
      'g',
      ['a', 'b'],
      [...x.map((v) => obs('a', v)), ...y.map((v) => obs('b', v)), obs(null, 3), obs('a', null)],
    );
    assert.equal(result.n, 11);
    assert.equal(result.missing, 2);
    const [welch, mw] = result.tests;
    assert.equal(welch?.name, 'welch-t');
    assert.ok(Math.abs((welch.statistic as number) + 3.208414) < 1e-6);
    assert.ok(Math.abs((welch.p as number) - 0.01954) < 1e-5);
    assert.equal(welch.missing, 2);
    assert.equal(mw?.name, 'mann-whitney');
    assert.equal(result.effect?.name, 'hedges-g');
    assert.ok((result.effect.value as number) < 0);
    assert.equal(result.groups[0]?.missing, 1);
  });

  it('a single group: no tests, and says why', () => {
    const result = compareNumeric('v', 'numeric', 'g', ['a', 'b'], [obs('a', 1), obs('a', 2), obs('a', 3)]);
    assert.deepEqual(result.tests, []);
    assert.match(result.reason ?? '', /single group \(a\)/);
    assert.equal(result.groups[1]?.n, 0);
    assertFinite(result);
  });

  it('all values missing: no participants, reasons instead of numbers', () => {
    const result = compareNumeric('v', 'numeric', 'g', ['a', 'b'], [obs('a', null), obs('b', null)]);
    assert.equal(result.n, 0);
    assert.equal(result.missing, 2);
    assert.match(result.reason ?? '', /no participants/);
    assert.equal(result.groups[0]?.mean, null);
    assertFinite(result);
  });

  it('constant data: p is null with a reason, never NaN', () => {
    const result = compareNumeric(
      'v',
      'numeric',
      'g',
      ['a', 'b'],
      [obs('a', 3), obs('a', 3), obs('b', 3), obs('b', 3)],
    );
    assert.equal(result.tests.length, 2);
    for (const test of result.tests) {
      assert.equal(test.p, null);
      assert.match(test.reason ?? '', /constant/);
    }
    assert.equal(result.effect?.value, null);
    assertFinite(result);
  });

  it('more than two groups: Welch ANOVA and Kruskal–Wallis', () => {
    const result = compareNumeric(
      'v',
      'numeric',
      'g',
      ['a', 'b', 'c'],
      [1, 2, 3, 4, 5, 6, 7, 9, 8].map((v, i) => obs(['a', 'b', 'c'][i % 3] as string, v)),
    );
    assert.deepEqual(
      result.tests.map((t) => t.name),
      ['welch-anova', 'kruskal-wallis'],
    );
    assert.ok(Array.isArray(result.tests[0]?.df));
    assert.equal(result.effect, null);
  });

  it('tables: χ² with Yates when every expected count is ≥ 5 (R golden), else Fisher (R golden)', () => {
    const chi = analyzeTable(
      ['a', 'b'],
      ['yes', 'no'],
      [
        [20, 30],
        [30, 20],
      ],
      0,
    );
    assert.equal(chi.tests[0]?.name, 'chi-square');
    assert.ok(Math.abs((chi.tests[0].statistic as number) - 3.24) < 1e-9);
    assert.ok(Math.abs((chi.tests[0].p as number) - 0.071861) < 1e-6);
    assert.equal(chi.effect?.name, 'odds-ratio');
    assert.deepEqual(
      chi.otherEffects.map((e) => e.name),
      ['risk-difference'],
    );
    const fisher = analyzeTable(
      ['a', 'b'],
      ['yes', 'no'],
      [
        [3, 1],
        [1, 3],
      ],
      0,
    );
    assert.equal(fisher.tests[0]?.name, 'fisher-exact');
    assert.ok(Math.abs((fisher.tests[0].p as number) - 0.485714) < 1e-6);
    assert.deepEqual(
      fisher.otherEffects.map((e) => e.name),
      ['risk-difference', 'conditional-mle-odds-ratio'],
    );
  });

  it("tables: a zero cell gives a null odds ratio with a reason; larger tables get Cramér's V", () => {
    const zero = analyzeTable(
      ['a', 'b'],
      ['yes', 'no'],
      [
        [5, 0],
        [2, 3],
      ],
      0,
    );
    assert.equal(zero.effect?.value, null);
    assert.match(zero.effect?.reason ?? '', /cell is 0/);
    assertFinite(zero);
    const wide = analyzeTable(
      ['a', 'b', 'c'],
      ['x', 'y'],
      [
        [10, 2],
        [3, 9],
        [6, 6],
      ],
      0,
    );
    assert.equal(wide.effect?.name, 'cramers-v');
  });

  it('tables: empty groups and outcomes stay in the table but out of the test; one outcome means no test', () => {
    const empty = analyzeTable(
      ['a', 'b', 'c'],
      ['yes', 'no'],
      [
        [3, 1],
        [0, 0],
        [1, 3],
      ],
      0,
    );
    assert.deepEqual(empty.table.rowLevels, ['a', 'b', 'c']);
    assert.equal(empty.tests[0]?.name, 'fisher-exact');
    assert.ok(Math.abs((empty.tests[0].p as number) - 0.485714) < 1e-6, 'same as the 2 × 2 without the empty group');
    const constant = analyzeTable(
      ['a', 'b'],
      ['present', 'absent'],
      [
        [0, 4],
        [0, 5],
      ],
      0,
    );
    assert.deepEqual(constant.tests, []);
    assert.match(constant.reason ?? '', /same outcome \(absent\)/);
    const single = analyzeTable(
      ['a', 'b'],
      ['yes', 'no'],
      [
        [2, 3],
        [0, 0],
      ],
      1,
    );
    assert.match(single.reason ?? '', /single group/);
  });

  it('categorical comparison counts missing on either side', () => {
    const result = compareCategorical(
      'v',
      'yes-no',
      'g',
      ['a', 'b'],
      ['yes', 'no'],
      [
        { group: 'a', value: 'yes' },
        { group: 'a', value: null },
        { group: null, value: 'no' },
        { group: 'b', value: 'no' },
      ],
    );
    assert.equal(result.n, 2);
    assert.equal(result.missing, 2);
    assert.deepEqual(result.table.counts, [
      [1, 0],
      [0, 1],
    ]);
  });
});

describe('codes', () => {
  const ids = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'];
  const survey =
    'id,gender,burnout\n' +
    ids.map((id, i) => `${id},${i % 2 === 0 ? 'female' : 'male'},${10 + i * 3}`).join('\n') +
    '\nP9,female,40\n';

  it('prevalence counts coded participants; a code nobody used is 0 with no test', async () => {
    const { study, survey: loaded } = await buildStudy(
      simpleInterviews(ids, (i) => i < 5),
      survey,
    );
    const data = buildStudyData(study, loaded);
    const codes = summarizeCodes(data);
    const burnout = codes.find((c) => c.id === 'burnout');
    assert.equal(burnout?.participants, 5);
    assert.equal(burnout.total, 8, 'P9 has no transcript, so it is not a coded participant');
    assert.equal(burnout.proportion, 0.625);
    const unused = codes.find((c) => c.id === 'unused');
    assert.equal(unused?.participants, 0);
    assert.equal(unused.proportion, 0);
    const gender = findColumn(loaded!, 'gender')!;
    const byGroup = codesByGroup(data, gender);
    const unusedByGroup = byGroup.find((c) => c.code === 'unused');
    assert.deepEqual(unusedByGroup?.tests, []);
    assert.match(unusedByGroup.reason ?? '', /same outcome/);
    assertFinite(byGroup);
    const tested = byGroup.filter((c) => c.tests.length > 0);
    for (const c of tested) assert.ok(c.tests[0]?.pHolm !== undefined && c.tests[0].pBH !== undefined);
  });

  it('compares a numeric variable with vs without each code, adjusting across codes', async () => {
    const { study, survey: loaded } = await buildStudy(
      simpleInterviews(ids, (i) => i >= 4),
      survey,
    );
    const data = buildStudyData(study, loaded);
    const results = codeNumericComparisons(data, findColumn(loaded!, 'burnout')!);
    const burnout = results.find((r) => r.code === 'burnout');
    assert.deepEqual(
      burnout?.groups.map((g) => [g.level, g.n, g.mean]),
      [
        ['with code', 4, (22 + 25 + 28 + 31) / 4],
        ['without code', 4, (10 + 13 + 16 + 19) / 4],
      ],
    );
    assert.deepEqual(
      burnout.tests.map((t) => t.name),
      ['welch-t', 'mann-whitney'],
    );
    assert.ok((burnout.effect?.value as number) > 0, 'with − without');
    assert.ok(burnout.tests.every((t) => t.pHolm !== undefined));
    const report = buildStudyReport(study, loaded, { by: 'gender' });
    assert.ok(!report.codeComparisons.some((c) => c.code === 'unused'), 'a code nobody used is not compared');
  });

  it("co-occurrence: overlap within one coder's sidecar, participants and Jaccard", async () => {
    const interviews: Interview[] = [
      {
        participant: 'P1',
        sentences: ['Assigned and tired.', 'Other.'],
        codings: {
          amara: [
            [0, 'assigned'],
            [0, 'burnout'],
          ],
          jonas: [[0, 'informal']],
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
    ];
    const { study } = await buildStudy(interviews);
    const pairs = coOccurrence(buildStudyData(study, undefined));
    const find = (a: string, b: string) => pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
    const assignedBurnout = find('assigned', 'burnout');
    assert.ok(assignedBurnout);
    const { a, b, ...counts } = assignedBurnout;
    assert.deepEqual([a, b], ['burnout', 'assigned'], 'pairs follow codebook tree order (siblings by name)');
    assert.deepEqual(counts, {
      overlaps: 1,
      overlapTranscripts: 1,
      participants: 1,
      participantsEither: 3,
      jaccard: 1 / 3,
    });
    const informalBurnout = find('informal', 'burnout');
    assert.equal(
      informalBurnout?.overlaps,
      0,
      "jonas's informal and amara's burnout are two coders, not co-occurrence",
    );
    assert.equal(informalBurnout.participants, 2);
    assert.equal(find('mentoring', 'assigned'), undefined, 'a category and its own child are not paired');
    assert.equal(find('unused', 'burnout'), undefined);
  });

  it('without a survey: code figures only, nothing joined, no errors', async () => {
    const { study } = await buildStudy(simpleInterviews(['P1', 'P2'], () => true));
    const report = buildStudyReport(study, undefined);
    assert.deepEqual(report.variables, []);
    assert.deepEqual(report.participants.transcriptsWithoutRow, []);
    assert.equal(report.codes.find((c) => c.id === 'burnout')?.participants, 2);
    assert.equal(report.jointDisplay, null);
  });

  it('describes an all-missing column without numbers', async () => {
    const { study, survey: loaded } = await buildStudy(
      simpleInterviews(['P1', 'P2'], () => true),
      'id,score\nP1,NA\nP2,\n',
    );
    const data = buildStudyData(study, loaded);
    const column = data.columns[0]!;
    const summary = describeVariable(column, data.records);
    assert.equal(summary.n, 0);
    assert.equal(summary.missing, 2);
    assertFinite(summary);
  });
});
