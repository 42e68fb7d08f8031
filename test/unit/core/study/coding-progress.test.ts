import assert from 'node:assert/strict';
import { addCodings, sidecarUriFor } from '../../../../src/core/study/coding-operations';
import { codingProgress, describeProgress } from '../../../../src/core/study/coding-progress';
import { loadStudy } from '../../../../src/core/study/load-study';
import {
  markTranscriptCoded,
  markTranscriptNotCoded,
  TranscriptHasCodingsError,
} from '../../../../src/core/study/mark-coded';
import { FileLoadError } from '../../../../src/core/persistence/errors';
import { ADAPTERS, CODEBOOK, TRANSCRIPT, rangeOf } from '../helpers';

const FILES = {
  'codebook.yaml': CODEBOOK,
  'transcripts/P01.txt': TRANSCRIPT,
  'transcripts/P02.txt': TRANSCRIPT,
  'transcripts/P03.txt': TRANSCRIPT,
};

for (const adapter of ADAPTERS) {
  describe(`coding progress (${adapter.name})`, () => {
    it('a transcript is coded by a coder when their sidecar exists, also with no codings', async () => {
      const study = await adapter.make(FILES);
      try {
        const p01 = await study.transcript('transcripts/P01.txt');
        const p02 = await study.transcript('transcripts/P02.txt');
        await addCodings(study.fs, p01, 'amara', [{ code: 'mentor', ...rangeOf(TRANSCRIPT, 'assigned mentor') }]);
        assert.equal(await markTranscriptCoded(study.fs, p02, 'amara'), true);
        assert.equal(await markTranscriptCoded(study.fs, p02, 'jonas'), true);

        const progress = codingProgress(await loadStudy(study.fs, study.root), ['zoe']);
        assert.equal(progress.total, 3);
        assert.equal(progress.codedByAnyone, 2);
        assert.deepEqual(
          progress.coders.map((c) => [c.coder, c.coded, c.codedEmpty]),
          [
            ['amara', 2, 1],
            ['jonas', 1, 1],
            ['zoe', 0, 0],
          ],
        );
        assert.deepEqual(
          progress.transcripts.map((t) => [t.path, t.codedBy]),
          [
            ['transcripts/P01.txt', ['amara']],
            ['transcripts/P02.txt', ['amara', 'jonas']],
            ['transcripts/P03.txt', []],
          ],
        );
        assert.equal(describeProgress(progress), '2 / 3 coded by amara, 1 / 3 by jonas, 0 / 3 by zoe');
      } finally {
        await study.cleanup();
      }
    });

    it('marking coded leaves an existing sidecar byte for byte', async () => {
      const study = await adapter.make(FILES);
      try {
        const p01 = await study.transcript('transcripts/P01.txt');
        await addCodings(study.fs, p01, 'amara', [{ code: 'mentor', ...rangeOf(TRANSCRIPT, 'assigned mentor') }]);
        const before = await study.read('transcripts/P01.amara.codes.yaml');
        assert.equal(await markTranscriptCoded(study.fs, p01, 'amara'), false);
        assert.deepEqual(await study.read('transcripts/P01.amara.codes.yaml'), before);
      } finally {
        await study.cleanup();
      }
    });

    it('marking not coded removes an empty sidecar and refuses one with codings, keeping it', async () => {
      const study = await adapter.make(FILES);
      try {
        const p01 = await study.transcript('transcripts/P01.txt');
        const p02 = await study.transcript('transcripts/P02.txt');
        await markTranscriptCoded(study.fs, p02, 'amara');
        assert.equal(await markTranscriptNotCoded(study.fs, p02, 'amara'), true);
        assert.equal(await study.fs.stat(sidecarUriFor(p02.uri, 'amara')), undefined);
        assert.equal(await markTranscriptNotCoded(study.fs, p02, 'amara'), false, 'already not coded');

        await addCodings(study.fs, p01, 'amara', [{ code: 'mentor', ...rangeOf(TRANSCRIPT, 'assigned mentor') }]);
        const before = await study.read('transcripts/P01.amara.codes.yaml');
        await assert.rejects(markTranscriptNotCoded(study.fs, p01, 'amara'), (error: unknown) => {
          assert.ok(error instanceof TranscriptHasCodingsError);
          assert.equal(error.codings, 1);
          assert.match(error.message, /P01\.amara\.codes\.yaml holds 1 coding\(s\) by amara/);
          return true;
        });
        assert.deepEqual(await study.read('transcripts/P01.amara.codes.yaml'), before);
      } finally {
        await study.cleanup();
      }
    });

    it('marking not coded leaves a sidecar that does not load (conflict markers) alone', async () => {
      const study = await adapter.make(FILES);
      try {
        const p03 = await study.transcript('transcripts/P03.txt');
        const broken = '<<<<<<< HEAD\ncodings: []\n=======\n>>>>>>> theirs\n';
        await study.write('transcripts/P03.amara.codes.yaml', broken);
        await assert.rejects(markTranscriptNotCoded(study.fs, p03, 'amara'), FileLoadError);
        assert.equal(new TextDecoder().decode(await study.read('transcripts/P03.amara.codes.yaml')), broken);
      } finally {
        await study.cleanup();
      }
    });
  });
}
