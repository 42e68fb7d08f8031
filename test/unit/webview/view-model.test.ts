import * as assert from 'node:assert/strict';
import type { NumericComparison } from '../../../src/core/analysis/report-types';
import { filterChoices, groupingChoices } from '../../../webview/view-model/choices';
import { byGroupChart, byGroupTable, codeVariableTable, prevalenceTable } from '../../../webview/view-model/codes';
import { heatmap, pairsTable } from '../../../webview/view-model/cooccurrence';
import { comparisonViews } from '../../../webview/view-model/groups';
import { jointTable, jointView } from '../../../webview/view-model/joint';
import { buildStudyReport } from '../../../src/core/analysis/index';
import { denominatorLines, overviewFigures, problemsTable } from '../../../webview/view-model/overview';
import { pageOf, tableCsv } from '../../../webview/view-model/table';
import { numericTable, variableChart } from '../../../webview/view-model/variables';
import { studyFacts } from '../../../src/extension/analysis-panel/report-builder';
import { example } from './example-report';

describe('webview view model (StudyReport → rows and chart specs)', function () {
  this.timeout(120_000);

  it('overview: participants, transcripts, codings, coders, matched rows', async () => {
    const { study, byGender } = await example();
    const figures = new Map(overviewFigures(byGender, studyFacts(study)).map((f) => [f.label, f.value]));
    assert.equal(figures.get('Participants'), '44');
    assert.equal(figures.get('Transcripts'), String(study.transcripts.length));
    const codings = study.transcripts.flatMap((t) => t.sidecars.flatMap((s) => s.sidecar.codings)).length;
    assert.equal(figures.get('Codings'), String(codings), 'top-level codes sum to every coding');
    assert.equal(figures.get('Coders'), '2 of 2');
    assert.equal(figures.get('Survey rows matched'), '44');
    assert.equal(figures.get('Survey rows unmatched'), '0');
  });

  it('overview and codes name the denominator; one coder leaves the others out, absent counts them as 0', async () => {
    const { study, survey, byGender } = await example();
    assert.deepEqual(denominatorLines(byGender), [], 'every participant of the example is coded');
    const jonas = buildStudyReport(study, survey, { by: 'gender', coders: ['jonas'] });
    const left = jonas.participants.notCoded;
    assert.ok(left > 0 && jonas.participants.codesKnown === jonas.participants.coded);
    const figures = new Map(overviewFigures(jonas, studyFacts(study)).map((f) => [f.label, f.value]));
    assert.equal(figures.get('Not coded'), String(left));
    assert.equal(figures.get('In code figures'), String(jonas.participants.coded));
    const [line] = denominatorLines(jonas);
    assert.match(line ?? '', new RegExp(`^${left} participants left out as not coded: no sidecar by jonas`));
    assert.match(line ?? '', /grounded mark --coded FILES…/);
    assert.match(
      prevalenceTable(jonas).caption ?? '',
      new RegExp(`share of the ${jonas.participants.coded} coded participants`),
    );
    const absent = buildStudyReport(study, survey, { by: 'gender', coders: ['jonas'], uncoded: 'absent' });
    assert.equal(absent.participants.codesKnown, 44);
    assert.match(prevalenceTable(absent).caption ?? '', /share of the 44 interviewed participants/);
    assert.match(denominatorLines(absent)[0] ?? '', /count as not having the codes/);
  });

  it('problems open their file at line and column', async () => {
    const { study, byGender } = await example();
    const facts = {
      ...studyFacts(study),
      problems: [
        {
          file: 'transcripts/P01.amara.codes.yaml',
          line: 4,
          column: 7,
          severity: 'error' as const,
          kind: 'yaml-syntax',
          message: 'bad',
        },
      ],
    };
    const table = problemsTable(byGender, facts);
    assert.deepEqual(table.rows[0]?.[0]?.action, {
      kind: 'post',
      message: { type: 'openProblem', file: 'transcripts/P01.amara.codes.yaml', line: 4, column: 7 },
    });
  });

  it('variables: the overall rating mean 3.2 with its CI, and a chart per variable', async () => {
    const { byGender } = await example();
    const row = numericTable(byGender).rows.find((r) => r[0]?.text === 'overall_mentoring_rating');
    assert.ok(row);
    assert.equal(row[4]?.text, '3.20');
    assert.equal(Number((row[4]?.csv as number).toFixed(1)), 3.2);
    const rating = byGender.variables.find((v) => v.name === 'overall_mentoring_rating');
    const chart = rating && variableChart(rating);
    assert.equal(chart?.kind, 'bars', 'an ordinal variable is drawn over its scale points');
    const burnout = byGender.variables.find((v) => v.name === 'burnout_score');
    assert.equal(burnout && variableChart(burnout)?.kind, 'box', 'a numeric one as its summary');
  });

  it('compare groups: 2.7 vs 2.9 active mentors by gender, means with CI error bars, tests with reasons', async () => {
    const { byGender } = await example();
    const view = comparisonViews(byGender).find((v) => v.variable === 'active_mentors');
    assert.ok(view && view.kind === 'numeric');
    const means = new Map(view.chart.points.map((p) => [p.label, p.mean.toFixed(1)]));
    assert.deepEqual(Object.fromEntries(means), { female: '2.7', male: '2.9' });
    assert.ok(view.chart.points.every((p) => p.low !== null && p.high !== null && p.low < p.mean && p.mean < p.high));
    const source = byGender.comparisons.find((c) => c.variable === 'active_mentors') as NumericComparison;
    assert.equal(view.tests.rows.length, source.tests.length + 1 + source.otherEffects.length);
    assert.ok(view.tests.rows[0]?.[0]?.text.startsWith('Welch t'));
  });

  it('a test that was not run says why', async () => {
    const { byGender } = await example();
    const report = JSON.parse(JSON.stringify(byGender)) as typeof byGender;
    const c = report.comparisons.find((x) => x.kind === 'numeric') as NumericComparison;
    c.tests = [{ ...c.tests[0]!, p: null, statistic: null, reason: 'a group has fewer than 2 values' }];
    const view = comparisonViews(report).find((v) => v.variable === c.variable);
    assert.match(view?.tests.rows[0]?.[6]?.text ?? '', /not run: a group has fewer than 2 values/);
  });

  it('codes: prevalence by group with Holm and BH, charts with Wilson CIs', async () => {
    const { byGender } = await example();
    const table = byGroupTable(byGender);
    assert.deepEqual(table.header.slice(-4, -1), ['p', 'p (Holm)', 'p (BH)']);
    const first = byGender.codesByGroup[0]!;
    assert.equal(
      table.rows[0]?.[1]?.text,
      `${first.groups[0]!.participants} of ${first.groups[0]!.total} (${(100 * first.groups[0]!.proportion!).toFixed(1)}%)`,
    );
    assert.equal(table.rows[0]?.[table.header.indexOf('p (Holm)')]?.csv, first.tests[0]!.pHolm);
    const chart = byGroupChart(byGender);
    assert.equal(chart?.bars.length, byGender.codesByGroup.length * 2);
    assert.ok(chart?.bars.every((b) => b.low === null || (b.low <= b.value && b.value <= (b.high as number))));
    assert.equal(prevalenceTable(byGender).rows.length, byGender.codes.length);
    assert.ok(codeVariableTable(byGender, 'burnout_score').rows.length > 0);
  });

  it('co-occurrence: a symmetric heatmap and pairs that open their quotes', async () => {
    const { byGender } = await example();
    const map = heatmap(byGender, 'overlaps');
    const key = (a: string, b: string) => `${a}|${b}`;
    const cells = new Map(map.cells.map((c) => [key(c.a, c.b), c.value]));
    for (const c of map.cells) assert.equal(cells.get(key(c.b, c.a)), c.value);
    assert.equal(map.cells.length, byGender.coOccurrence.filter((p) => p.overlaps > 0).length * 2);
    const pairs = pairsTable(byGender);
    assert.deepEqual(pairs.rows[0]?.[0]?.action, {
      kind: 'showOverlaps',
      a: byGender.coOccurrence[0]!.a,
      b: byGender.coOccurrence[0]!.b,
    });
  });

  it('joint display: prevalence per group and quotes that open their coding', async () => {
    const { byGender, plain } = await example();
    const view = jointView(byGender);
    const quote = byGender.jointDisplay!.rows[0]!.cells[0]!.quotes[0]!;
    assert.deepEqual(view?.rows[0]?.cells[0]?.quotes[0]?.open, {
      type: 'openCoding',
      transcript: quote.transcript,
      start: quote.start,
      end: quote.end,
      codingId: quote.codingId,
    });
    assert.equal(jointView(plain), undefined, 'no joint display without grouping');
    assert.ok((jointTable(byGender)?.rows.length ?? 0) >= byGender.jointDisplay!.rows.length);
  });

  it('choices: group by labelled columns only; filters offer every level', async () => {
    const { byGender } = await example();
    const grouping = groupingChoices(byGender);
    assert.ok(grouping.includes('gender') && grouping.includes('role') && !grouping.includes('burnout_score'));
    assert.deepEqual(filterChoices(byGender).find((c) => c.name === 'role')?.values, [
      'administrator',
      'attending',
      'chief',
      'resident',
      'student',
    ]);
  });

  it('pages of 50, clamped; CSV keeps numbers as numbers', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    assert.deepEqual(
      { ...pageOf(items, 1), items: undefined },
      { items: undefined, page: 1, pages: 3, first: 50, total: 120 },
    );
    assert.equal(pageOf(items, 9).page, 2);
    assert.equal(pageOf(items, -3).page, 0);
    assert.equal(pageOf([], 0).pages, 1);
    const csv = tableCsv({
      id: 't',
      title: 't',
      header: ['a', 'b'],
      numeric: [false, true],
      rows: [
        [
          { text: '=x', csv: '=x' },
          { text: '1.50', csv: 1.5 },
        ],
      ],
    });
    assert.deepEqual(csv, { header: ['a', 'b'], rows: [['=x', 1.5]] });
  });
});
