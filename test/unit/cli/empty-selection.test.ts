import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { copyToTemp, run } from './helpers';

const EXAMPLE = join(__dirname, '..', '..', '..', 'examples', 'mentorship-study');

/** A selection that chooses nobody says so on stderr, instead of an empty result that reads as "none". */
describe('an empty selection warns', function () {
  let study: string;
  before(function () {
    if (!existsSync(join(EXAMPLE, 'grounded.yaml'))) this.skip();
    study = copyToTemp(EXAMPLE);
  });

  it('in stats, report and export matrix: --where that no participant matches, with the values there are', async () => {
    const commands = [
      ['stats', '--code', 'sponsorship', '--by', 'role'],
      ['stats', '--var', 'burnout_score'],
      ['report'],
      ['export', 'matrix'],
    ];
    for (const command of commands) {
      const result = await run(study, [...command, '--where', 'gender=Female']);
      assert.equal(result.code, 0, `${command.join(' ')}: ${result.stderr}`);
      assert.equal(
        result.stderr,
        'warning: no participant matches --where gender=Female, so the result is empty\n  gender has: female, male\n',
        command.join(' '),
      );
    }
  });

  it('not when --where matches someone, nor when two filters each name a column', async () => {
    const matches = await run(study, ['stats', '--code', 'sponsorship', '--where', 'gender=female']);
    assert.equal(matches.stderr, '');
    const none = await run(study, [
      'stats',
      '--var',
      'burnout_score',
      '--where',
      'role=student',
      '--where',
      'role=chief',
    ]);
    assert.match(
      none.stderr,
      /^warning: no participant matches --where role=student --where role=chief, so the result is empty\n {2}role has: administrator, attending, chief, resident, student\n$/,
    );
  });

  it('in retrieve: --coder without sidecars, --participant without transcripts', async () => {
    const coder = await run(study, ['retrieve', '--coder', 'jonsa']);
    assert.equal(coder.code, 0);
    assert.equal(coder.stderr, 'warning: no sidecars by coder "jonsa"; coders: amara, jonas\n');
    const participant = await run(study, ['retrieve', '--participant', 'P4']);
    assert.equal(participant.code, 0);
    assert.match(
      participant.stderr,
      /^warning: no transcript of participant "P4"; participants: P01, P02, .*, … \(44 in all\)\n$/,
    );
    const known = await run(study, ['retrieve', '--coder', 'jonas', '--participant', 'P04']);
    assert.equal(known.stderr, '');
  });
});
