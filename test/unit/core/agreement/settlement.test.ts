import assert from 'node:assert/strict';
import { resolveDisagreement, type Resolution } from '../../../../src/core/agreement/consensus';
import { listDisagreements, type Disagreement } from '../../../../src/core/agreement/disagreements';
import {
  disagreementKey,
  disagreementSpan,
  settlementFor,
  settlementOf,
} from '../../../../src/core/agreement/settlement';
import { addCodings } from '../../../../src/core/study/coding-operations';
import { loadStudy } from '../../../../src/core/study/load-study';
import type { Study } from '../../../../src/core/study/study';
import type { Coding } from '../../../../src/core/model';
import { CODEBOOK, memoryFixture, rangeOf, TRANSCRIPT } from '../helpers';

const ROUNDS = rangeOf(TRANSCRIPT, 'An attending stayed after rounds and walked through cases with me.');
const ROUNDS_SHORT = rangeOf(TRANSCRIPT, 'An attending stayed after rounds');
const BURNOUT = rangeOf(TRANSCRIPT, 'close to burning out');

function consensusOf(study: Study): readonly Coding[] | undefined {
  return study.transcripts[0]?.sidecars.find((s) => s.coder === 'consensus')?.sidecar.codings;
}

describe('settlement of a disagreement (what the consensus sidecar shows)', () => {
  async function twoCoders() {
    const fixture = await memoryFixture({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
    const ref = await fixture.transcript('P07.txt');
    await addCodings(fixture.fs, ref, 'amara', [
      { code: 'informal-mentor', ...ROUNDS },
      { code: 'burnout', ...BURNOUT },
    ]);
    await addCodings(fixture.fs, ref, 'jonas', [{ code: 'informal-mentor', ...ROUNDS_SHORT }]);
    const study = await loadStudy(fixture.fs, fixture.root);
    const [rounds, burnout] = listDisagreements(study, 'amara', 'jonas') as [Disagreement, Disagreement];
    return { fixture, ref, rounds, burnout };
  }

  it('reads back every decision resolveDisagreement writes (neither only when recorded)', async () => {
    const { fixture, ref, rounds } = await twoCoders();
    const cases: [Resolution, string][] = [
      [{ keep: 'first' }, 'first'],
      [{ keep: 'second' }, 'second'],
      [{ keep: 'both' }, 'both'],
      [{ keep: 'adjusted', start: ROUNDS.start + 3, end: ROUNDS.end - 4 }, 'adjusted'],
      [{ keep: 'neither' }, 'neither'],
    ];
    for (const [resolution, expected] of cases) {
      await resolveDisagreement(fixture.fs, ref, rounds, resolution, 'consensus');
      const consensus = consensusOf(await loadStudy(fixture.fs, fixture.root));
      assert.deepEqual(settlementOf(rounds, consensus, resolution), { settled: true, as: expected }, expected);
      assert.deepEqual(settlementFor(rounds, resolution), { settled: true, as: expected }, expected);
    }
    // "Neither" leaves the span empty: without the recorded decision it reads as not yet settled.
    assert.deepEqual(settlementOf(rounds, consensusOf(await loadStudy(fixture.fs, fixture.root))), { settled: false });
  });

  it('is unsettled without a consensus sidecar, and one decision does not settle another disagreement', async () => {
    const { fixture, ref, rounds, burnout } = await twoCoders();
    assert.deepEqual(settlementOf(rounds, undefined, { keep: 'neither' }), { settled: false });
    await resolveDisagreement(fixture.fs, ref, rounds, { keep: 'first' }, 'consensus');
    const consensus = consensusOf(await loadStudy(fixture.fs, fixture.root));
    assert.deepEqual(settlementOf(burnout, consensus), { settled: false });
    assert.deepEqual(settlementOf(burnout, consensus, { keep: 'neither' }), { settled: true, as: 'neither' });
  });

  it('reads a range adjusted beyond the span only as recorded, and only while the file still holds it', async () => {
    const { fixture, ref, burnout } = await twoCoders();
    const wider: Resolution = { keep: 'adjusted', start: BURNOUT.start - 3, end: BURNOUT.end + 2 };
    await resolveDisagreement(fixture.fs, ref, burnout, wider, 'consensus');
    const consensus = consensusOf(await loadStudy(fixture.fs, fixture.root));
    assert.deepEqual(settlementOf(burnout, consensus), { settled: false });
    assert.deepEqual(settlementOf(burnout, consensus, wider), { settled: true, as: 'adjusted' });
    assert.deepEqual(settlementOf(burnout, [], wider), { settled: false });
  });

  it('says how a resolution reads back, one-sided disagreements included', async () => {
    const { rounds, burnout } = await twoCoders();
    assert.deepEqual(settlementFor(burnout, { keep: 'both' }), { settled: true, as: 'first' });
    assert.deepEqual(settlementFor(burnout, { keep: 'second' }), { settled: true, as: 'neither' });
    assert.deepEqual(settlementFor(rounds, { keep: 'adjusted', ...ROUNDS_SHORT }), { settled: true, as: 'second' });
  });

  it('keys a disagreement by its codings, and spans both sides', async () => {
    const { rounds, burnout } = await twoCoders();
    assert.deepEqual(disagreementSpan(rounds), { start: ROUNDS.start, end: ROUNDS.end });
    assert.deepEqual(disagreementSpan(burnout), BURNOUT);
    assert.notEqual(disagreementKey(rounds), disagreementKey(burnout));
    assert.equal(disagreementKey(rounds), disagreementKey({ ...rounds, line: 99 }));
    assert.notEqual(
      disagreementKey(rounds),
      disagreementKey({ ...rounds, second: { ...rounds.second!, end: rounds.second!.end + 1 } }),
    );
  });
});
