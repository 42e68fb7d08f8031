import assert from 'node:assert/strict';
import { addCodings } from '../../../../src/core/study/coding-operations';
import { loadStudy } from '../../../../src/core/study/load-study';
import {
  ALL_CODERS_VISIBLE,
  describeVisibleCoders,
  isCoderVisible,
  visibleCoders,
  visibleStudy,
} from '../../../../src/core/study/visible-coders';
import { allCodings } from '../../../../src/core/index';
import { ADAPTERS, CODEBOOK, TRANSCRIPT, rangeOf } from '../helpers';

describe('visible coders (blind coding)', () => {
  it('shows everyone when not blind, only the current coder when blind, nobody when the coder is unknown', () => {
    assert.equal(visibleCoders(false, 'amara'), ALL_CODERS_VISIBLE);
    assert.equal(isCoderVisible(visibleCoders(false, 'amara'), 'jonas'), true);
    assert.equal(isCoderVisible(visibleCoders(true, 'amara'), 'amara'), true);
    assert.equal(isCoderVisible(visibleCoders(true, 'amara'), 'jonas'), false);
    assert.equal(isCoderVisible(visibleCoders(true, undefined), 'amara'), false);
    assert.equal(isCoderVisible(visibleCoders(true, undefined), 'jonas'), false);
  });

  it('says whose codings are hidden, and that nothing is shown when who is coding is unknown', () => {
    assert.match(describeVisibleCoders(visibleCoders(true, 'amara')), /only amara's codings are shown/);
    assert.match(describeVisibleCoders(visibleCoders(true, undefined)), /unknown.*nobody's codings are shown/);
    assert.match(describeVisibleCoders(visibleCoders(false, undefined)), /off/);
  });

  for (const adapter of ADAPTERS) {
    it(`keeps only the visible coders' sidecars of a study, leaving the study itself whole (${adapter.name})`, async () => {
      const files = { 'codebook.yaml': CODEBOOK, 'transcripts/P01.txt': TRANSCRIPT };
      const made = await adapter.make(files);
      try {
        const p01 = await made.transcript('transcripts/P01.txt');
        await addCodings(made.fs, p01, 'amara', [{ code: 'mentor', ...rangeOf(TRANSCRIPT, 'assigned mentor') }]);
        await addCodings(made.fs, p01, 'jonas', [{ code: 'mentor', ...rangeOf(TRANSCRIPT, 'assigned mentor') }]);
        const study = await loadStudy(made.fs, made.root);
        const coders = (s: typeof study): string[] =>
          allCodings(s)
            .map(({ coding }) => coding.by)
            .sort();

        assert.equal(visibleStudy(study, ALL_CODERS_VISIBLE), study);
        assert.deepEqual(coders(visibleStudy(study, visibleCoders(true, 'amara'))), ['amara']);
        assert.deepEqual(coders(visibleStudy(study, visibleCoders(true, 'jonas'))), ['jonas']);
        assert.deepEqual(coders(visibleStudy(study, visibleCoders(true, undefined))), []);
        assert.deepEqual(coders(study), ['amara', 'jonas'], 'the loaded study keeps every coder');
      } finally {
        await made.cleanup();
      }
    });
  }
});
