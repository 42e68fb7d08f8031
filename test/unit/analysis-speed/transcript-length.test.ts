import assert from 'node:assert/strict';
import { compareCoders } from '../../../src/core/agreement/compare-coders';
import { MemoryStudyCache } from '../../../src/core/study/cache/study-cache';
import { loadStudy } from '../../../src/core/study/load-study';
import type { Study, StudyTranscript } from '../../../src/core/study/study';
import { codePointLength } from '../../../src/core/text/canonical';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { nodeSha256 } from '../../../src/node/node-study-cache';
import { diskStudy, type DiskStudy } from '../support/disk-study';

const fs = new NodeFileSystem();

/** The study as if the loader had not measured its texts: agreement then counts each text's code points itself. */
function unmeasured(study: Study): Study {
  return {
    ...study,
    transcripts: study.transcripts.map((transcript): StudyTranscript => {
      const { codePointLength: _measured, ...rest } = transcript;
      return rest;
    }),
  };
}

describe("agreement: a transcript's length as the loader measured it", () => {
  let study: DiskStudy;
  beforeEach(async () => {
    study = await diskStudy();
  });
  afterEach(() => study.cleanup());

  it('is the code points of the text (astral characters count once) on uncached, cold and warm loads', async () => {
    const cache = new MemoryStudyCache();
    const loads = [
      await loadStudy(fs, study.root),
      await loadStudy(fs, study.root, { cache, sha256: nodeSha256 }),
      await loadStudy(fs, study.root, { cache, sha256: nodeSha256 }),
    ];
    for (const [n, loaded] of loads.entries()) {
      const measured = loaded.transcripts.filter((t) => t.codePointLength !== undefined);
      assert.deepEqual(
        measured.map((t) => t.path),
        ['transcripts/P01.txt', 'transcripts/P02.txt'],
        `load ${n}: every transcript with sidecars`,
      );
      for (const transcript of measured) {
        assert.equal(transcript.codePointLength, codePointLength(transcript.text), `load ${n}: ${transcript.path}`);
      }
      // P01 has an emoji: its UTF-16 length would be one more.
      assert.notEqual(measured[0]?.codePointLength, measured[0]?.text.length);
    }
  });

  it('gives the agreement figures that counting the text gives', async () => {
    const loaded = await loadStudy(fs, study.root);
    const measured = compareCoders(loaded, 'amara', 'jonas');
    assert.deepEqual(measured.compared, ['transcripts/P01.txt']);
    assert.deepStrictEqual(measured, compareCoders(unmeasured(loaded), 'amara', 'jonas'));
  });
});
