import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consensusSeed, resolveDisagreement, writeConsensusSeed } from '../../../src/core/agreement/consensus';
import { DEFAULT_SEGMENT_OVERLAP } from '../../../src/core/agreement/compare-coders';
import { listDisagreements } from '../../../src/core/agreement/disagreements';
import { settlementOf } from '../../../src/core/agreement/settlement';
import { loadStudy } from '../../../src/core/study/load-study';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { consensusDecisions } from '../../../src/extension/compare-coders/consensus-decisions';

const EXAMPLE = join(__dirname, '../../../examples/mentorship-study');

describe('consensus codings that are decisions (Compare Coders)', () => {
  it('a seeded segment both coders agree on settles no disagreement of the example study', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'grounded-consensus-'));
    try {
      const folder = join(parent, 'study');
      await cp(EXAMPLE, folder, { recursive: true });
      const fs = new NodeFileSystem();
      const root = pathToUri(folder);
      await writeConsensusSeed(fs, consensusSeed(await loadStudy(fs, root), 'amara', 'jonas'), 'consensus');
      const study = await loadStudy(fs, root);
      const disagreements = listDisagreements(study, 'amara', 'jonas');
      const decisions = consensusDecisions(study, 'amara', 'jonas', 'consensus', DEFAULT_SEGMENT_OVERLAP);
      const settled = disagreements.filter((d) => settlementOf(d, decisions.get(d.transcript)).settled);
      assert.deepEqual(settled, []);
      // Read from every consensus coding, jonas's longer "Five papers." passage in P20 looked resolved.
      const raw = (path: string) =>
        study.transcripts.find((t) => t.path === path)?.sidecars.find((s) => s.coder === 'consensus')?.sidecar.codings;
      assert.deepEqual(
        disagreements
          .filter((d) => settlementOf(d, raw(d.transcript)).settled)
          .map((d) => `${d.transcript}:${d.line} ${d.code}`),
        ['transcripts/P20.txt:61 career-publications'],
      );
      // A decision is kept: after "keep jonas's" on P19's boundary disagreement it reads as that.
      const boundary = disagreements.find((d) => d.transcript === 'transcripts/P19.txt' && d.kind === 'boundary')!;
      const p19 = study.transcripts.find((t) => t.path === 'transcripts/P19.txt')!;
      await resolveDisagreement(fs, p19, boundary, { keep: 'second' }, 'consensus');
      const after = await loadStudy(fs, root);
      const decided = consensusDecisions(after, 'amara', 'jonas', 'consensus', DEFAULT_SEGMENT_OVERLAP);
      assert.deepEqual(settlementOf(boundary, decided.get(boundary.transcript)), { settled: true, as: 'second' });
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
