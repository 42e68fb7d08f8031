import assert from 'node:assert/strict';
import { summarizeMarking, type MarkingOutcome } from '../../../../src/extension/transcripts/marking-summary';

const none = { changed: [], unchanged: [], refusals: [], notTranscripts: [] };
const outcome = (fields: Partial<MarkingOutcome>): MarkingOutcome => ({
  coded: true,
  coder: 'amara',
  ...none,
  ...fields,
});

describe('what Mark Transcript as Coded / Not Coded reports (summarizeMarking)', () => {
  it('one transcript: what was written, or that it already was so', () => {
    assert.deepEqual(summarizeMarking(outcome({ changed: ['P07.txt'] })), {
      done: 'P07.txt marked as coded by amara (an empty sidecar: read, nothing applies)',
    });
    assert.deepEqual(summarizeMarking(outcome({ unchanged: ['P07.txt'] })), {
      done: 'P07.txt was already coded by amara',
    });
    assert.deepEqual(summarizeMarking(outcome({ coded: false, changed: ['P07.txt'] })), {
      done: 'P07.txt marked as not coded by amara (its empty sidecar was removed)',
    });
  });

  it('several transcripts: how many, and how many already were', () => {
    assert.deepEqual(summarizeMarking(outcome({ changed: ['P01.txt', 'P02.txt'], unchanged: ['P03.txt'] })), {
      done: '3 transcripts marked as coded by amara (1 already was)',
    });
  });

  it('a refusal is an error that also says what went through', () => {
    const refusal = 'P04.amara.codes.yaml holds 3 coding(s) by amara; …';
    assert.deepEqual(summarizeMarking(outcome({ coded: false, changed: ['P01.txt'], refusals: [refusal] })), {
      done: 'P01.txt marked as not coded by amara (its empty sidecar was removed)',
      error: `P01.txt marked as not coded by amara (its empty sidecar was removed). ${refusal}`,
    });
    assert.deepEqual(summarizeMarking(outcome({ coded: false, refusals: [refusal] })), { error: refusal });
  });

  it('files that are no transcript are named', () => {
    assert.deepEqual(summarizeMarking(outcome({ notTranscripts: ['a.txt', 'b.txt', 'c.txt', 'd.txt'] })), {
      error: 'a.txt, b.txt, c.txt and 1 more are not a transcript of a study (see "transcripts" in grounded.yaml).',
    });
  });
});
