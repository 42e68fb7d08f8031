import assert from 'node:assert/strict';
import { join } from 'node:path';
import { hashText, sidecarCodec, type Coding } from '../../../src/core/index';
import { reviewNote } from '../../../src/core/editing/review-note';
import { editCoding } from '../../../src/core/study/coding-operations';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { codePointSlice, copyToTemp, read, run, runJson, write } from './helpers';

/**
 * A damaged word inside a coded passage: `grounded check` re-anchors the coding as needs-review, keeping the
 * words that were coded, until a person confirms the passage (Adjust Coding: editCoding with bounds), which
 * clears the flag and takes the quote from the text.
 */

const EXAMPLE = join(__dirname, '..', '..', '..', 'examples', 'mentorship-study');
const TRANSCRIPT = 'transcripts/P04.txt';
const SIDECAR = 'transcripts/P04.jonas.codes.yaml';

function codingsOf(study: string): readonly Coding[] {
  const parsed = sidecarCodec.parse(SIDECAR, read(study, SIDECAR));
  assert.ok(parsed.ok);
  return parsed.value.codings;
}

describe('a damaged coded passage needs review until a person confirms it', function () {
  this.timeout(30000);

  it('check keeps the coded words and flags the coding; confirming clears both, and check is clean', async () => {
    const study = copyToTemp(EXAMPLE);
    const coded = codingsOf(study).find((c) => c.quote.includes('political risk'));
    assert.ok(coded);
    const damagedQuote = coded.quote.replace('political risk', 'politcal risk');
    write(study, TRANSCRIPT, read(study, TRANSCRIPT).replace(coded.quote, damagedQuote));

    const first = await runJson<{ problems: { kind: string; file: string }[] }>(study, ['check']);
    assert.equal(first.code, 1);
    assert.deepEqual(
      first.data.problems.map((p) => [p.kind, p.file]),
      [
        ['needs-review', 'transcripts/P04.amara.codes.yaml'], // both coders coded the sentence
        ['needs-review', SIDECAR],
      ],
    );
    const flagged = codingsOf(study).find((c) => c.id === coded.id);
    assert.ok(flagged);
    assert.equal(flagged.status, 'needs-review', 'a fuzzy match is never plain ok');
    assert.equal(flagged.quote, coded.quote, 'the words that were coded are kept');
    const text = read(study, TRANSCRIPT);
    const here = codePointSlice(text, flagged.start, flagged.end);
    assert.equal(here, damagedQuote, 'the best guess is the damaged sentence');
    assert.equal(reviewNote(flagged, here, 1000), `needs review: was “${coded.quote}”`);
    // Flagged, and written: a second check reports the same flag and writes nothing.
    const second = await run(study, ['check']);
    assert.equal(second.code, 1);
    assert.doesNotMatch(second.stdout, /re-anchored to the edited transcript|sidecar\(s\) written/);

    // Adjust Coding with the same bounds is the confirmation.
    const transcript = { uri: pathToUri(join(study, TRANSCRIPT)), text, textHash: hashText(text) };
    await editCoding(new NodeFileSystem(), transcript, 'jonas', coded.id, {
      start: flagged.start,
      end: flagged.end,
    });
    const confirmed = codingsOf(study).find((c) => c.id === coded.id);
    assert.ok(confirmed);
    assert.equal(confirmed.status, undefined);
    assert.equal(confirmed.quote, damagedQuote, 'the quote is now the text the person confirmed');
    assert.doesNotMatch(read(study, SIDECAR), /political risk|needs-review/, 'no trace of the review is left');
    const after = await runJson<{ problems: { kind: string; file: string }[] }>(study, ['check']);
    assert.deepEqual(
      after.data.problems.map((p) => [p.kind, p.file]),
      [['needs-review', 'transcripts/P04.amara.codes.yaml']],
      "jonas's coding is confirmed; amara's still waits for her",
    );
  });
});

describe('reviewNote', () => {
  it('says what the coded words were, or that the place is in doubt', () => {
    assert.equal(reviewNote({ quote: 'I felt burnt out' }, 'I felt burnt out'), undefined);
    assert.equal(
      reviewNote({ quote: 'I felt burnt out', status: 'needs-review' }, 'I felt burned out'),
      'needs review: was “I felt burnt out”',
    );
    assert.equal(
      reviewNote({ quote: 'Yes.', status: 'needs-review' }, 'Yes.'),
      'needs review: the same words, found out of their context or in more than one place',
    );
    assert.equal(
      reviewNote({ quote: 'a\nlong   quote', status: 'needs-review' }, '', 8),
      'needs review: was “a long …”',
    );
    assert.equal(
      reviewNote({ quote: 'Gone.', status: 'orphan' }, ''),
      'orphan: “Gone.” is no longer in the transcript',
    );
  });
});
