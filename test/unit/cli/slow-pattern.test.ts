import assert from 'node:assert/strict';
import { backtrackingRisk } from '../../../src/core/settings/pattern-backtracking';
import { cleanStudy, run, write } from './helpers';

describe('participants.pattern that could backtrack exponentially', () => {
  it('is refused at load with grounded.yaml:line:col naming the pattern, and check finishes at once', async () => {
    const study = cleanStudy();
    write(study, 'grounded.yaml', 'grounded: 1\nparticipants:\n  pattern: "^(?<id>(P+)+$)"\n');
    // Before the refusal this name took ≈1 s to match (doubling per extra P; 40 never finished).
    write(study, `${'P'.repeat(26)}x.txt`, 'Interviewer: hello\n');
    const started = performance.now();
    const result = await run(study, ['check']);
    const seconds = (performance.now() - started) / 1000;
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(
      result.stdout,
      /^grounded\.yaml:3:12: error: participants\.pattern "\^\(\?<id>\(P\+\)\+\$\)" is refused: "P\+" repeats inside "\(P\+\)\+"/m,
    );
    assert.ok(seconds < 0.5, `check took ${seconds.toFixed(2)} s`);
  });

  it('refuses nested unbounded repetition, accepts the patterns people write', () => {
    for (const slow of ['^(?<id>(P+)+$)', '^(\\w+\\s?)*$', '^(.*a){12}$', '(?<id>(?:\\d+-?)+)'])
      assert.ok(backtrackingRisk(slow), slow);
    for (const fine of [
      '^(?<id>P\\d+)',
      '^(?<id>P\\d+)(?:-\\d+)?$',
      '(?<id>P\\d+)(?:_.+)?$',
      '^(?:interview-(\\d+)|(?<id>P\\d+)_.*)$',
      '(?<=x)(?<id>[\\p{L}\\d]+)',
      '^(?<id>(?:P|Q)\\d{2,3})',
    ])
      assert.equal(backtrackingRisk(fine), undefined, fine);
  });
});
