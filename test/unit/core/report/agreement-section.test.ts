import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadStudy, type Study } from '../../../../src/core/index';
import { agreementCoders } from '../../../../src/core/analysis/agreement-section';
import { buildStudyReport, loadSurvey } from '../../../../src/core/analysis/index';
import { renderHtml, renderMarkdown } from '../../../../src/core/report/index';
import { NodeFileSystem, pathToUri } from '../../../../src/node/node-file-system';
import { buildStudy, simpleInterviews } from '../analysis/fixture';

const EXAMPLE = join(__dirname, '..', '..', '..', '..', 'examples', 'mentorship-study');

async function exampleReport(coders?: string[]) {
  const fs = new NodeFileSystem();
  const study = await loadStudy(fs, pathToUri(EXAMPLE));
  const survey = await loadSurvey(fs, study);
  assert.ok(survey?.ok);
  return buildStudyReport(study, survey.value, coders ? { coders } : {});
}

/** A study with these coders' sidecars and nothing else: only the coder list matters for the choice. */
function studyOf(coders: string[]): Study {
  return { transcripts: [{ sidecars: coders.map((coder) => ({ coder })) }] } as unknown as Study;
}

describe('report: agreement section', function () {
  this.timeout(60_000);

  it('JSON: the example study’s pooled figures are grounded agree’s (character κ 0.747, transcript κ 0.835)', async () => {
    const report = JSON.parse(JSON.stringify(await exampleReport())) as Awaited<ReturnType<typeof exampleReport>>;
    const agreement = report.agreement;
    assert.ok(agreement);
    assert.deepEqual([agreement.first, agreement.second, agreement.compared.length], ['amara', 'jonas', 10]);
    assert.equal(agreement.notCompared.length, 34);
    const { character, transcript, segment } = agreement.pooled;
    assert.equal(character.kappa?.toFixed(3), '0.747');
    assert.deepEqual(
      [character.both, character.first, character.second, character.neither],
      [11243, 2358, 5185, 1730523],
    );
    assert.equal(character.percent?.toFixed(3), '0.996', 'percent is a proportion 0–1, as every share in the report');
    assert.equal(character.withinCoded.kappa?.toFixed(3), '0.740');
    assert.equal(transcript.kappa?.toFixed(3), '0.835');
    assert.equal(transcript.alpha?.toFixed(3), '0.835');
    assert.deepEqual([segment.matched, segment.first, segment.second], [107, 44, 62]);
    const career = agreement.codes.find((c) => c.code === 'career');
    assert.ok(career?.category);
    assert.equal(career.transcript.kappa, null, 'every transcript has the code for both: κ undefined, not 0');
    assert.match(career.transcript.kappaReason ?? '', /same answer/);
    assert.equal(agreement.allCoders, undefined, 'two coders: no α over all coders');
  });

  it('Markdown and HTML: a per-code table with each κ beside its four counts and a pooled row', async () => {
    const report = await exampleReport();
    const markdown = renderMarkdown(report);
    assert.ok(markdown.includes('## Agreement: amara and jonas'));
    assert.ok(
      markdown.includes(
        '| Pooled | 0.747 (11243 / 2358 / 5185 / 1730523) | 0.740 (11243 / 2358 / 5185 / 426103) | 0.835 (130 / 16 / 8 / 136) | 0.835 | 107 / 44 / 62 | 50.2% |',
      ),
      markdown.slice(markdown.indexOf('## Agreement')),
    );
    assert.match(markdown, /\| ↳ Hierarchy \(barriers-hierarchy\) \| 0\.559 \(343 \/ 230 \/ 302 \/ 59446\) \|/);
    assert.match(markdown, /\| Career outcomes \(career\) \| [^|]+\| [^|]+\| — \(10 \/ 0 \/ 0 \/ 0\) \| — \|/);
    const html = renderHtml(report);
    assert.ok(html.includes('Agreement: amara and jonas'));
    assert.ok(html.includes('0.747 (11243 / 2358 / 5185 / 1730523)'));
    assert.ok(html.includes('0.835 (130 / 16 / 8 / 136)'));
  });

  it('compares the selected coders when two or more are selected, else every coder but consensus', () => {
    const study = studyOf(['amara', 'consensus', 'jonas']);
    assert.deepEqual(agreementCoders(study, undefined), ['amara', 'jonas']);
    assert.deepEqual(agreementCoders(study, ['consensus']), ['amara', 'jonas'], 'one coder selected: the team');
    assert.deepEqual(agreementCoders(study, ['consensus', 'amara']), ['consensus', 'amara']);
    assert.deepEqual(agreementCoders(studyOf(['amara', 'consensus']), undefined), ['amara']);
  });

  it('has no agreement section with a single coder, and one for the report’s own coder pair', async () => {
    const { study } = await buildStudy(simpleInterviews(['P1', 'P2'], () => true));
    const single = buildStudyReport(study, undefined);
    assert.equal(single.agreement, null);
    assert.ok(!renderMarkdown(single).includes('## Agreement'));
    const picked = await exampleReport(['jonas', 'amara']);
    assert.deepEqual([picked.agreement?.first, picked.agreement?.second], ['jonas', 'amara']);
    assert.equal(picked.agreement?.pooled.character.first, 5185, 'first only is now jonas only');
  });
});
