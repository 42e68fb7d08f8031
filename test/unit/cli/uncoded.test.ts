import assert from 'node:assert/strict';
import { appendFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyToTemp, run, runJson } from './helpers';

const EXAMPLE = resolve(__dirname, '../../../examples/mentorship-study');

interface CodeStatsJson {
  participants: number;
  total: number;
  proportion: number;
  ci: [number, number];
  n: number;
  missing: number;
  notCoded: number;
  withoutTranscript: number;
  uncoded: string;
  groups: { level: string; participants: number; total: number; proportion: number }[];
}

/** The example study with every sidecar of P01–P05 removed: five interviewed participants nobody has coded. */
function studyWithUncodedTranscripts(): string {
  const folder = copyToTemp(EXAMPLE);
  const transcripts = join(folder, 'transcripts');
  for (const name of readdirSync(transcripts))
    if (/^P0[1-5]\..*\.codes\.yaml$/.test(name)) rmSync(join(transcripts, name));
  return folder;
}

describe('analysis.uncoded and --uncoded: what a participant nobody coded counts as', function () {
  this.timeout(120_000);

  it('missing (the default): left out of the denominator, and stats says how many, why and what to do', async () => {
    const folder = studyWithUncodedTranscripts();
    const json = await runJson<CodeStatsJson>(folder, ['stats', '--code', 'identity', '--by', 'gender']);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(json.data.total, 39, '44 interviewed, 5 of them not coded');
    assert.equal(json.data.missing, 5);
    assert.equal(json.data.notCoded, 5);
    assert.equal(json.data.withoutTranscript, 0);
    assert.equal(json.data.uncoded, 'missing');

    const text = await run(folder, ['stats', '--code', 'identity', '--by', 'gender']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`: ${json.data.participants} of 39 coded participants \\(`));
    assert.match(text.stdout, /5 participants left out as not coded: no sidecar by amara or jonas/);
    assert.match(text.stdout, /grounded mark --coded FILES…/);
    assert.match(text.stdout, /Grounded: Mark Transcript as Coded/);
    assert.match(text.stdout, /analysis\.uncoded: absent/);
    for (const group of json.data.groups)
      assert.match(
        text.stdout,
        new RegExp(`${group.level}: ${group.participants} of ${group.total} coded participants`),
      );
  });

  it('--uncoded absent: the uncoded participants count as 0, the coded ones keep their codes', async () => {
    const folder = studyWithUncodedTranscripts();
    const missing = await runJson<CodeStatsJson>(folder, ['stats', '--code', 'identity', '--by', 'gender']);
    const absent = await runJson<CodeStatsJson>(folder, [
      'stats',
      '--code',
      'identity',
      '--by',
      'gender',
      '--uncoded',
      'absent',
    ]);
    assert.equal(absent.code, 0, absent.stderr);
    assert.equal(absent.data.participants, missing.data.participants, 'nobody gains the code');
    assert.equal(absent.data.total, 44, 'every interviewed participant is in the denominator');
    assert.equal(absent.data.missing, 0);
    assert.equal(absent.data.notCoded, 5);
    assert.equal(absent.data.uncoded, 'absent');
    assert.equal(absent.data.proportion, absent.data.participants / 44);
    assert.ok(absent.data.ci[0] <= absent.data.proportion && absent.data.proportion <= absent.data.ci[1]);
    // P01–P05 are male, male, female, male, male in survey.csv: all 25 women and 19 men are counted.
    const totals = (stats: CodeStatsJson) => Object.fromEntries(stats.groups.map((g) => [g.level, g.total]));
    assert.deepEqual(totals(absent.data), { female: 25, male: 19 });
    assert.deepEqual(totals(absent.data), {
      female: totals(missing.data)['female']! + 1,
      male: totals(missing.data)['male']! + 4,
    });

    const text = await run(folder, ['stats', '--code', 'identity', '--uncoded', 'absent']);
    assert.match(text.stdout, new RegExp(`: ${absent.data.participants} of 44 interviewed participants \\(`));
    assert.match(
      text.stdout,
      /5 participants with transcripts not coded by amara or jonas count as not having the codes/,
    );

    const matrix = await run(folder, ['export', 'matrix', '--uncoded', 'absent']);
    const p01 = matrix.stdout.split('\n').find((line) => line.startsWith('P01,'));
    assert.ok(p01, matrix.stdout);
    assert.match(p01, /,0,0,0(,0,0)+\s*$/, 'P01: coded 0, then 0 and count 0 for every code');
  });

  it('the study setting decides, the flag overrides it', async () => {
    const folder = studyWithUncodedTranscripts();
    appendFileSync(join(folder, 'grounded.yaml'), 'analysis:\n  uncoded: absent\n');
    const setting = await runJson<CodeStatsJson>(folder, ['stats', '--code', 'identity']);
    assert.equal(setting.code, 0, setting.stderr);
    assert.equal(setting.data.total, 44);
    assert.equal(setting.data.uncoded, 'absent');
    const overridden = await runJson<CodeStatsJson>(folder, ['stats', '--code', 'identity', '--uncoded', 'missing']);
    assert.equal(overridden.data.total, 39);
    const report = await run(folder, ['report', '--format', 'json']);
    const json = JSON.parse(report.stdout) as { options: { uncoded: string }; participants: { codesKnown: number } };
    assert.equal(json.options.uncoded, 'absent');
    assert.equal(json.participants.codesKnown, 44);
  });

  it('survey-only participants stay missing under absent, and the output says so', async () => {
    const folder = studyWithUncodedTranscripts();
    rmSync(join(folder, 'transcripts', 'P44.txt'));
    for (const name of readdirSync(join(folder, 'transcripts')))
      if (name.startsWith('P44.')) rmSync(join(folder, 'transcripts', name));
    const absent = await runJson<CodeStatsJson>(folder, ['stats', '--code', 'identity', '--uncoded', 'absent']);
    assert.equal(absent.data.total, 43, 'P44 has a survey row but no transcript');
    assert.equal(absent.data.missing, 1);
    assert.equal(absent.data.withoutTranscript, 1);
    const text = await run(folder, ['stats', '--code', 'identity', '--uncoded', 'absent']);
    assert.match(text.stdout, /1 participant without a transcript \(survey only\) left out of code figures/);
  });

  it('report: progress line in the overview, the denominator and who is left out next to the prevalence', async () => {
    const folder = studyWithUncodedTranscripts();
    const markdown = await run(folder, ['report', '--by', 'gender']);
    assert.equal(markdown.code, 0, markdown.stderr);
    assert.match(markdown.stdout, /Coding progress: \d+ \/ 44 coded by amara, \d+ \/ 44 by jonas/);
    assert.match(markdown.stdout, /share of the 39 coded participants with at least one coding/);
    assert.match(markdown.stdout, /Participants \(of 39 coded participants\)/);
    assert.match(markdown.stdout, /5 participants left out as not coded/);
    const html = await run(folder, ['report', '--format', 'html', '--uncoded', 'absent']);
    assert.match(html.stdout, /Coding progress: \d+ \/ 44 coded by amara/);
    assert.match(html.stdout, /share of the 44 interviewed participants/);
    assert.match(
      html.stdout,
      /5 participants with transcripts not coded by amara or jonas count as not having the codes/,
    );
    const json = JSON.parse((await run(folder, ['report', '--format', 'json'])).stdout) as {
      progress: { total: number; text: string };
      participants: { coded: number; notCoded: number; codesKnown: number; uncoded: string };
    };
    assert.equal(json.progress.total, 44);
    assert.deepEqual(
      [json.participants.coded, json.participants.notCoded, json.participants.codesKnown, json.participants.uncoded],
      [39, 5, 39, 'missing'],
    );
  });

  it('a bad analysis.uncoded is an error at its line and column; a bad --uncoded a usage error', async () => {
    const folder = copyToTemp(EXAMPLE);
    appendFileSync(join(folder, 'grounded.yaml'), 'analysis:\n  uncoded: zero\n');
    const check = await run(folder, ['check']);
    assert.equal(check.code, 1);
    assert.match(
      check.stderr + check.stdout,
      /grounded\.yaml:13:12: error: analysis\.uncoded is "zero"; it must be missing or absent/,
    );
    const flag = await run(folder, ['stats', '--code', 'identity', '--uncoded', 'none']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /--uncoded must be missing or absent, not "none"/);
  });
});
