import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyToTemp, run, runJson } from './helpers';

const EXAMPLE = join(__dirname, '..', '..', '..', 'examples', 'mentorship-study');

interface CodeStatsJson {
  participants: number;
  total: number;
  missing: number;
  groups: { level: string; participants: number; total: number }[];
  tests: { p: number | null }[];
  reason?: string;
}

/** The example study before anyone coded: its transcripts, codebook and survey, no sidecars. */
function uncodedExample(): string {
  const study = copyToTemp(EXAMPLE);
  for (const name of readdirSync(join(study, 'transcripts')))
    if (name.endsWith('.codes.yaml')) rmSync(join(study, 'transcripts', name));
  return study;
}

/**
 * A study's first search codes the transcripts that match, and those without a match are coded too ("nothing
 * applies"): prevalence by group is then over every participant searched, not over the ones that matched.
 */
describe('a search over the whole study, then statistics by group', function () {
  before(function () {
    if (!existsSync(join(EXAMPLE, 'grounded.yaml'))) this.skip();
  });

  it('counts participants without a match as not having the code: 7 of 25 women, 8 of 19 men, and a test', async () => {
    const study = uncodedExample();
    const coded = await run(study, [
      'code',
      '--all',
      '--code',
      'sponsorship',
      '--match',
      'sponsored',
      '--by',
      'newcomer',
    ]);
    assert.equal(coded.code, 0, coded.stderr);
    assert.match(coded.stdout, /^15 transcript\(s\) coded, 29 searched without a match marked coded by newcomer$/m);

    const { code, data } = await runJson<CodeStatsJson>(study, ['stats', '--code', 'sponsorship', '--by', 'gender']);
    assert.equal(code, 0);
    assert.deepEqual(
      data.groups.map(({ level, participants, total }) => ({ level, participants, total })),
      [
        { level: 'female', participants: 7, total: 25 },
        { level: 'male', participants: 8, total: 19 },
      ],
    );
    assert.equal(data.missing, 0);
    assert.equal(data.reason, undefined);
    assert.ok(data.tests.length > 0 && typeof data.tests[0]?.p === 'number', 'a test of female vs male is reported');
  });

  it("with the issue's pattern every transcript matches: the interviewer asks about sponsorship in each", async () => {
    const coded = await run(uncodedExample(), [
      'code',
      '--all',
      '--code',
      'sponsorship',
      '--match',
      'sponsor',
      '--by',
      'newcomer',
    ]);
    assert.equal(coded.code, 0, coded.stderr);
    assert.match(coded.stdout, /^44 transcript\(s\) coded, 0 searched without a match marked coded by newcomer$/m);
  });
});
