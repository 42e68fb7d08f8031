import assert from 'node:assert/strict';
import { addCodings } from '../../../../src/core/study/coding-operations';
import { loadStudy } from '../../../../src/core/study/load-study';
import { markTranscriptCoded } from '../../../../src/core/study/mark-coded';
import { codingsViewProgress } from '../../../../src/extension/views/codings/progress-text';
import { ADAPTERS, CODEBOOK, TRANSCRIPT, rangeOf } from '../../core/helpers';

describe('coding progress in the Codings view (codingsViewProgress)', () => {
  it('says the study’s progress with the current coder listed, and when they have not coded the transcript', async () => {
    const study = await ADAPTERS[0]!.make({
      'codebook.yaml': CODEBOOK,
      'transcripts/P01.txt': TRANSCRIPT,
      'transcripts/P02.txt': TRANSCRIPT,
    });
    try {
      const p01 = await study.transcript('transcripts/P01.txt');
      const p02 = await study.transcript('transcripts/P02.txt');
      await addCodings(study.fs, p01, 'amara', [{ code: 'mentor', ...rangeOf(TRANSCRIPT, 'assigned mentor') }]);
      await markTranscriptCoded(study.fs, p02, 'jonas');
      const loaded = await loadStudy(study.fs, study.root);

      assert.deepEqual(codingsViewProgress(loaded, p01.uri, 'amara'), {
        message: '1 / 2 coded by amara, 1 / 2 by jonas',
      });
      assert.deepEqual(codingsViewProgress(loaded, p02.uri, 'amara'), {
        message: '1 / 2 coded by amara, 1 / 2 by jonas',
        notCoded: 'not coded by amara',
      });
      assert.deepEqual(codingsViewProgress(loaded, p01.uri, 'zoe'), {
        message: '1 / 2 coded by amara, 1 / 2 by jonas, 0 / 2 by zoe',
        notCoded: 'not coded by zoe',
      });
      assert.deepEqual(codingsViewProgress(loaded, p01.uri, undefined), {
        message: '1 / 2 coded by amara, 1 / 2 by jonas',
      });
    } finally {
      await study.cleanup();
    }
  });
});
