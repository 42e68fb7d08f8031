import assert from 'node:assert/strict';
import type { TranscriptProgress } from '../../../../src/core/index';
import {
  CODED_BY_OTHERS_ONLY,
  CODED_NOTHING_APPLIES,
  progressBadge,
} from '../../../../src/extension/transcripts/progress-badge';

function progress(codings: Record<string, number>): TranscriptProgress {
  return {
    uri: 'file:///s/transcripts/P01.txt',
    path: 'transcripts/P01.txt',
    codedBy: Object.keys(codings).sort(),
    codings,
  };
}

describe('explorer badge of a transcript (progressBadge)', () => {
  it('coded by you: the number of codings, you first in the tooltip, an empty sidecar said as "nothing applies"', () => {
    assert.deepEqual(progressBadge(progress({ amara: 3, jonas: 0 }), 0, 'jonas'), {
      badge: '3',
      tooltip: 'Coded by jonas (0: nothing applies), amara (3)',
      needsReview: false,
    });
  });

  it('coded by you with nothing that applies (empty sidecars only): a check mark', () => {
    const badge = progressBadge(progress({ amara: 0 }), 0, 'amara');
    assert.equal(badge.badge, CODED_NOTHING_APPLIES);
    assert.equal(badge.tooltip, 'Coded by amara (0: nothing applies)');
  });

  it('coded by others only: a ring, and the tooltip says you have not coded it', () => {
    assert.deepEqual(progressBadge(progress({ amara: 12, jonas: 0 }), 2, 'zoe'), {
      badge: CODED_BY_OTHERS_ONLY,
      tooltip: 'Not coded by zoe yet; coded by amara (12), jonas (0: nothing applies); 2 need review',
      needsReview: true,
    });
  });

  it('coded by nobody: no badge', () => {
    assert.deepEqual(progressBadge(progress({}), 0, 'amara'), { tooltip: 'Not coded yet', needsReview: false });
  });

  it('without a known coder, coded by anyone counts as coded', () => {
    assert.deepEqual(progressBadge(progress({ amara: 1, jonas: 2 }), 1, undefined), {
      badge: '3',
      tooltip: 'Coded by amara (1), jonas (2); 1 needs review',
      needsReview: true,
    });
  });

  it('caps the count at two characters', () => {
    assert.equal(progressBadge(progress({ amara: 250 }), 0, 'amara').badge, '99');
  });
});
