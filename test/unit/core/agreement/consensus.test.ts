import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem, pathToUri } from '../../../../src/node/node-file-system';
import { consensusSeed, resolveDisagreement, writeConsensusSeed } from '../../../../src/core/agreement/consensus';
import { listDisagreements } from '../../../../src/core/agreement/disagreements';
import { addCodings } from '../../../../src/core/study/coding-operations';
import { loadStudy } from '../../../../src/core/study/load-study';
import { ADAPTERS, CODEBOOK, TRANSCRIPT, rangeOf } from '../helpers';

const ASSIGNED = rangeOf(TRANSCRIPT, 'My assigned mentor was a chief I had never met.');
const ROUNDS = rangeOf(TRANSCRIPT, 'An attending stayed after rounds and walked through cases with me.');
const ROUNDS_SHORT = rangeOf(TRANSCRIPT, 'An attending stayed after rounds');
const BURNOUT = rangeOf(TRANSCRIPT, 'close to burning out');

for (const adapter of ADAPTERS) {
  describe(`consensus coder (${adapter.name})`, () => {
    async function twoCoders() {
      const study = await adapter.make({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
      const ref = await study.transcript('P07.txt');
      // Agree on the assigned mentor (same range, and one a character shorter), differ on rounds and burnout.
      await addCodings(study.fs, ref, 'amara', [
        { code: 'assigned-mentor', ...ASSIGNED },
        { code: 'informal-mentor', ...ROUNDS },
        { code: 'burnout', ...BURNOUT },
      ]);
      await addCodings(study.fs, ref, 'jonas', [
        { code: 'assigned-mentor', start: ASSIGNED.start, end: ASSIGNED.end - 1 },
        { code: 'informal-mentor', ...ROUNDS_SHORT },
      ]);
      const coderFiles = async () => [
        await study.read('P07.amara.codes.yaml'),
        await study.read('P07.jonas.codes.yaml'),
      ];
      return { study, ref, before: await coderFiles(), coderFiles };
    }

    it('seeds what both agree on, over the union or the intersection, and never writes the coders’ files', async () => {
      const { study, before, coderFiles } = await twoCoders();
      try {
        const loaded = await loadStudy(study.fs, study.root);
        for (const [ranges, end] of [
          ['intersection', ASSIGNED.end - 1],
          ['union', ASSIGNED.end],
        ] as const) {
          const seed = consensusSeed(loaded, 'amara', 'jonas', { ranges });
          assert.deepEqual(
            seed.flatMap((s) => s.codings.map((c) => [c.code, c.start, c.end])),
            [['assigned-mentor', ASSIGNED.start, end]],
          );
        }
        assert.equal(await writeConsensusSeed(study.fs, consensusSeed(loaded, 'amara', 'jonas'), 'consensus'), 1);
        assert.equal(await writeConsensusSeed(study.fs, consensusSeed(loaded, 'amara', 'jonas'), 'consensus'), 0);
        const after = await loadStudy(study.fs, study.root);
        const consensus = after.transcripts[0]?.sidecars.find((s) => s.coder === 'consensus');
        assert.equal(consensus?.sidecar.codings.length, 1);
        assert.deepEqual(await coderFiles(), before);
      } finally {
        await study.cleanup();
      }
    });

    it('a resolution writes only the consensus sidecar, and a changed decision replaces the first', async () => {
      const { study, ref, before, coderFiles } = await twoCoders();
      try {
        const loaded = await loadStudy(study.fs, study.root);
        const disagreements = listDisagreements(loaded, 'amara', 'jonas');
        assert.deepEqual(
          disagreements.map((d) => [d.code, d.kind]),
          [
            ['informal-mentor', 'boundary'],
            ['burnout', 'first-only'],
          ],
        );
        const rounds = disagreements[0]!;
        await resolveDisagreement(study.fs, ref, rounds, { keep: 'first' }, 'consensus');
        await resolveDisagreement(study.fs, ref, rounds, { keep: 'second' }, 'consensus');
        await resolveDisagreement(study.fs, ref, disagreements[1]!, { keep: 'neither' }, 'consensus');
        const consensus = (await loadStudy(study.fs, study.root)).transcripts[0]?.sidecars.find(
          (s) => s.coder === 'consensus',
        );
        assert.deepEqual(
          consensus?.sidecar.codings.map((c) => [c.code, c.start, c.end]),
          [['informal-mentor', ROUNDS_SHORT.start, ROUNDS_SHORT.end]],
        );
        await resolveDisagreement(
          study.fs,
          ref,
          rounds,
          { keep: 'adjusted', start: ROUNDS.start, end: ROUNDS.end - 9 },
          'consensus',
        );
        const adjusted = (await loadStudy(study.fs, study.root)).transcripts[0]?.sidecars.find(
          (s) => s.coder === 'consensus',
        );
        assert.deepEqual(
          adjusted?.sidecar.codings.map((c) => [c.start, c.end]),
          [[ROUNDS.start, ROUNDS.end - 9]],
        );
        assert.deepEqual(await coderFiles(), before);
      } finally {
        await study.cleanup();
      }
    });
  });
}

describe('consensus coder on the example study', () => {
  it('a resolution keeps the segment both coders agree on inside the disagreement (P20, career-publications)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'grounded-consensus-'));
    try {
      await cp(join(__dirname, '..', '..', '..', '..', 'examples', 'mentorship-study'), folder, { recursive: true });
      const fs = new NodeFileSystem();
      const study = await loadStudy(fs, pathToUri(folder));
      await writeConsensusSeed(fs, consensusSeed(study, 'amara', 'jonas'), 'consensus');
      const consensusOf = async () =>
        (await loadStudy(fs, pathToUri(folder))).transcripts
          .find((t) => t.path === 'transcripts/P20.txt')
          ?.sidecars.find((s) => s.coder === 'consensus')
          ?.sidecar.codings.filter((c) => c.code === 'career-publications')
          .map((c) => [c.start, c.end]);
      const seeded = await consensusOf();
      // jonas coded "Five papers." alone and inside a longer passage amara left out: the longer one is the
      // disagreement, the short one (matched) sits inside it.
      const disagreement = listDisagreements(study, 'amara', 'jonas').find(
        (d) => d.transcript === 'transcripts/P20.txt' && d.code === 'career-publications' && d.kind === 'second-only',
      );
      assert.ok(disagreement?.agreed?.length, 'the disagreement knows the agreed segment inside it');
      const transcript = study.transcripts.find((t) => t.path === 'transcripts/P20.txt')!;
      await resolveDisagreement(fs, transcript, disagreement, { keep: 'neither' }, 'consensus');
      assert.deepEqual(await consensusOf(), seeded);
      await resolveDisagreement(fs, transcript, disagreement, { keep: 'second' }, 'consensus');
      await resolveDisagreement(fs, transcript, disagreement, { keep: 'neither' }, 'consensus');
      assert.deepEqual(await consensusOf(), seeded, 'a changed decision removes only the earlier decision');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
