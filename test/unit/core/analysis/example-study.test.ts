/**
 * The example study's headline figures, each checked against an independent computation: base R on the
 * survey (example-reference.R → example-reference.json) and, for codes, a count straight from the sidecar
 * files' text, without the study loader.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStudy } from '../../../../src/core/index';
import {
  buildStudyReport,
  loadSurvey,
  type CategoricalVariable,
  type NumericComparison,
  type NumericVariable,
  type StudyReport,
} from '../../../../src/core/analysis/index';
import { renderMarkdown } from '../../../../src/core/report/index';
import { NodeFileSystem, pathToUri } from '../../../../src/node/node-file-system';
import { run } from '../../cli/helpers';

const ROOT = join(__dirname, '..', '..', '..', '..');
const STUDY = join(ROOT, 'examples', 'mentorship-study');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const R: Record<string, any> = JSON.parse(readFileSync(join(__dirname, 'example-reference.json'), 'utf8'));

/** Equal to 1e-9 relative (R prints 15 significant digits). */
function close(actual: number | null | undefined, expected: number, what: string): void {
  assert.ok(typeof actual === 'number', `${what}: ${String(actual)} is not a number`);
  assert.ok(
    Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} ≠ R ${expected}`,
  );
}

function closeAll(actual: readonly number[] | null | undefined, expected: readonly number[], what: string): void {
  assert.ok(actual, `${what}: missing`);
  expected.forEach((e, i) => close(actual[i], e, `${what}[${i}]`));
}

async function exampleReport(by?: string): Promise<StudyReport> {
  const fs = new NodeFileSystem();
  const study = await loadStudy(fs, pathToUri(STUDY));
  const survey = await loadSurvey(fs, study);
  assert.ok(survey?.ok, 'the example survey loads');
  return buildStudyReport(study, survey.value, by === undefined ? {} : { by }, survey.warnings);
}

function variable<T extends NumericVariable | CategoricalVariable>(report: StudyReport, name: string): T {
  const found = report.variables.find((v) => v.name === name);
  assert.ok(found, `variable ${name}`);
  return found as T;
}

describe('example study report', function () {
  this.timeout(60_000);
  let report: StudyReport;
  before(async () => {
    report = await exampleReport('gender');
  });

  it('is computed from the survey the R reference was made from', () => {
    const md5 = createHash('md5')
      .update(readFileSync(join(STUDY, 'survey.csv')))
      .digest('hex');
    assert.equal(
      md5,
      R['surveyMd5'],
      'survey.csv changed: run `Rscript test/unit/core/analysis/example-reference.R` and review the diff',
    );
  });

  it('has the headline survey figures, equal to R', () => {
    const rating = variable<NumericVariable>(report, 'overall_mentoring_rating');
    assert.equal(rating.mean?.toFixed(1), '3.2');
    for (const key of ['n', 'missing', 'mean', 'sd', 'median', 'q1', 'q3'] as const)
      close(rating[key], R['rating'][key], `rating ${key}`);
    closeAll(rating.ci, R['rating']['ci'], 'rating ci');

    const shares: [string, string, string, string][] = [
      ['rejected_assigned_mentor', 'yes', 'rejected', '43'],
      ['can_differentiate_sponsorship', 'no', 'cannotDifferentiate', '56'],
      ['wants_additional_mentors', 'yes', 'wantsMore', '79.55'],
      ['would_seek_menteeship_training', 'yes', 'training', '43'],
      ['gender', 'female', 'female', '57'],
    ];
    for (const [name, level, key, headline] of shares) {
      const summary = variable<CategoricalVariable>(report, name);
      const found = summary.levels.find((l) => l.level === level);
      assert.ok(found, `${name} = ${level}`);
      assert.equal((100 * found.proportion!).toFixed(headline.includes('.') ? 2 : 0), headline, `${name} headline`);
      assert.equal(found.count, R[key]['count']);
      assert.equal(summary.n, R[key]['n']);
      assert.equal(summary.missing, R[key]['missing']);
      close(100 * found.proportion!, R[key]['percent'], `${name} percent`);
      closeAll(found.ci, R[key]['ci'], `${name} ci`);
    }
  });

  it("compares active mentors by gender (2.7 vs 2.9) with Welch t, Mann–Whitney and Hedges' g equal to R", () => {
    const comparison = report.comparisons.find((c) => c.variable === 'active_mentors') as NumericComparison;
    const [female, male] = comparison.groups;
    assert.equal(female?.level, 'female');
    assert.equal(female.mean?.toFixed(1), '2.7');
    assert.equal(male?.mean?.toFixed(1), '2.9');
    const ref = R['activeMentorsByGender'];
    for (const key of ['n', 'mean', 'sd', 'median'] as const) {
      close(female[key], ref['female'][key], `female ${key}`);
      close(male[key], ref['male'][key], `male ${key}`);
    }
    const [welch, mw] = comparison.tests;
    assert.equal(welch?.name, 'welch-t');
    close(welch.statistic, ref['welch']['statistic'], 'Welch t');
    close(welch.df as number, ref['welch']['df'], 'Welch df');
    close(welch.p, ref['welch']['p'], 'Welch p');
    assert.equal(mw?.name, 'mann-whitney');
    close(mw.statistic, ref['mannWhitney']['statistic'], 'W');
    close(mw.p, ref['mannWhitney']['p'], 'Mann–Whitney p');
    assert.equal(comparison.effect?.name, 'hedges-g');
    close(comparison.effect.value, ref['hedgesG']['value'], 'g');
    closeAll(comparison.effect.ci, ref['hedgesG']['ci'], 'g ci');
  });

  it('tests yes/no answers by gender as R does (χ² with Yates or Fisher by the expected counts)', () => {
    for (const [name, key] of [
      ['rejected_assigned_mentor', 'rejectedByGender'],
      ['wants_additional_mentors', 'wantsMoreByGender'],
    ] as const) {
      const comparison = report.comparisons.find((c) => c.variable === name);
      assert.ok(comparison?.kind === 'categorical');
      assert.deepEqual(comparison.table.counts, R[key]['counts']);
      const test = comparison.tests[0];
      if (R[key]['expectedMin'] >= 5) {
        assert.equal(test?.name, 'chi-square');
        close(test.statistic, R[key]['chiSquare']['statistic'], `${name} X²`);
        close(test.p, R[key]['chiSquare']['p'], `${name} χ² p`);
      } else {
        assert.equal(test?.name, 'fisher-exact');
        close(test.p, R[key]['fisher'], `${name} Fisher p`);
      }
    }
    const role = report.comparisons.find((c) => c.variable === 'role');
    assert.equal(role?.tests[0]?.name, 'fisher-exact');
    assert.ok(Math.abs((role.tests[0].p as number) - R['roleByGender']['fisher']) < 1e-6, 'r × c Fisher p');
  });

  it('counts code prevalence over participants, as the sidecar files say', () => {
    // Independent of the loader: read "code:" lines per sidecar file and map codes to their top category.
    const folder = join(STUDY, 'transcripts');
    const byParticipant = new Map<string, Set<string>>();
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.codes.yaml'))) {
      const participant = file.slice(0, 3);
      const codes = [...readFileSync(join(folder, file), 'utf8').matchAll(/^ {4}code: "?([^"\n]+)"?$/gm)].map(
        (m) => m[1] as string,
      );
      byParticipant.set(participant, new Set([...(byParticipant.get(participant) ?? []), ...codes]));
    }
    const parents = new Map(report.codes.map((c) => [c.id, c.parent]));
    const gender = new Map(
      readFileSync(join(STUDY, 'survey.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',') as [string, string]),
    );
    for (const code of report.codes) {
      const has = (p: string) =>
        [...(byParticipant.get(p) ?? [])].some((c) => c === code.id || parents.get(c) === code.id);
      const participants = [...byParticipant.keys()].filter(has);
      assert.equal(code.participants, participants.length, `${code.id} participants`);
      assert.equal(code.total, byParticipant.size);
      const row = report.codesByGroup.find((c) => c.code === code.id);
      for (const group of row?.groups ?? []) {
        assert.equal(
          group.participants,
          participants.filter((p) => gender.get(p) === group.level).length,
          `${code.id} ${group.level}`,
        );
      }
    }
  });

  it('adjusts the code × gender p-values across all codes (Holm ≥ BH ≥ raw)', () => {
    const tested = report.codesByGroup.filter((c) => c.tests[0]?.p !== null && c.tests[0] !== undefined);
    assert.ok(tested.length > 10);
    for (const c of tested) {
      const t = c.tests[0] as NonNullable<(typeof c.tests)[0]>;
      assert.ok(
        (t.pHolm as number) >= (t.pBH as number) - 1e-15 && (t.pBH as number) >= (t.p as number) - 1e-15,
        c.code,
      );
    }
  });

  it('prints the headline figures in the Markdown report', () => {
    const markdown = renderMarkdown(report);
    for (const text of [
      'mean 3.20 / 5',
      '43.18% yes',
      '56.10% no',
      '79.55% yes',
      '56.82% female',
      'female 2.72',
      'male 2.89',
      'Welch t(',
      'Mann–Whitney W',
      "Hedges' g",
      '## Code prevalence by gender',
    ]) {
      assert.ok(markdown.includes(text), `report shows "${text}"`);
    }
  });

  it('`grounded stats --var active_mentors --by gender --json` reproduces 2.7 vs 2.9', async () => {
    const result = await run(ROOT, [
      'stats',
      'examples/mentorship-study',
      '--var',
      'active_mentors',
      '--by',
      'gender',
      '--json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const stats = JSON.parse(result.stdout);
    const ref = R['activeMentorsByGender'];
    for (const key of ['n', 'missing', 'mean', 'sd', 'median'] as const)
      close(stats[key], R['activeMentors'][key], `overall ${key}`);
    closeAll(stats.ci, R['activeMentors']['ci'], 'overall ci');
    assert.deepEqual(
      stats.groups.map((g: { level: string }) => g.level),
      ['female', 'male'],
    );
    assert.equal(stats.groups[0].mean.toFixed(1), '2.7');
    assert.equal(stats.groups[1].mean.toFixed(1), '2.9');
    close(stats.groups[0].mean, ref['female']['mean'], 'female mean');
    assert.deepEqual(
      stats.tests.map((t: { name: string }) => t.name),
      ['welch-t', 'mann-whitney'],
    );
    close(stats.tests[0].p, ref['welch']['p'], 'Welch p');
    close(stats.tests[1].statistic, ref['mannWhitney']['statistic'], 'W');
    assert.equal(stats.effect.name, 'hedges-g');
    close(stats.effect.value, ref['hedgesG']['value'], 'g');
  });

  it('`grounded stats --code` gives participants, total and proportion (0–1, as its ci) per group', async () => {
    const result = await run(ROOT, [
      'stats',
      'examples/mentorship-study',
      '--code',
      'identity',
      '--by',
      'gender',
      '--json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const stats = JSON.parse(result.stdout);
    const code = report.codes.find((c) => c.id === 'identity');
    assert.equal(stats.participants, code?.participants);
    assert.equal(stats.n, 44);
    for (const group of stats.groups) {
      assert.equal(group.proportion, group.participants / group.total);
      assert.ok(group.ci[0] <= group.proportion && group.proportion <= group.ci[1], 'the ci is on the same scale');
    }
    assert.ok(['chi-square', 'fisher-exact'].includes(stats.tests[0].name));
  });
});
