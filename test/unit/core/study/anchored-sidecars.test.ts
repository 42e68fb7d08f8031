import assert from 'node:assert/strict';
import type { Coding } from '../../../../src/core/model';
import { addCodings, changeCodings } from '../../../../src/core/study/coding-operations';
import { memoryFixture, rangeOf, TRANSCRIPT } from '../helpers';

// A coding action re-anchors the sidecar it reads to the transcript's text. The sidecar it wrote is known to be
// anchored when everything it added is: the next action skips the check, and must get exactly what the check
// would have given.

const MENTOR = rangeOf(TRANSCRIPT, 'My assigned mentor was a chief I had never met');
const ROUNDS = rangeOf(TRANSCRIPT, 'An attending stayed after rounds');
const BURNOUT = rangeOf(TRANSCRIPT, 'close to burning out');

async function setUp() {
  const study = await memoryFixture({ 'P07.txt': TRANSCRIPT });
  return { study, transcript: await study.transcript('P07.txt') };
}

/** The codings the next coding action starts from (re-anchored as it reads them). */
async function seenByNextAction(
  study: Awaited<ReturnType<typeof setUp>>['study'],
  transcript: Awaited<ReturnType<typeof setUp>>['transcript'],
): Promise<readonly Coding[]> {
  let seen: readonly Coding[] = [];
  await changeCodings(study.fs, transcript, 'amara', (codings) => ((seen = codings), undefined));
  return seen;
}

describe('coding actions after their own write', () => {
  it('start from the codings they wrote when those quote their passages', async () => {
    const { study, transcript } = await setUp();
    await addCodings(study.fs, transcript, 'amara', [{ code: 'mentor', ...MENTOR }]);
    await addCodings(study.fs, transcript, 'amara', [{ code: 'rounds', ...ROUNDS }]);
    const seen = await seenByNextAction(study, transcript);
    assert.deepEqual(
      seen.map((c) => [c.code, c.start, c.end, c.status]),
      [
        ['mentor', MENTOR.start, MENTOR.end, undefined],
        ['rounds', ROUNDS.start, ROUNDS.end, undefined],
      ],
    );
  });

  it('re-anchor a coding written with a quote its offsets do not hold, though the rest was known anchored', async () => {
    const { study, transcript } = await setUp();
    await addCodings(study.fs, transcript, 'amara', [{ code: 'mentor', ...MENTOR }]);
    await addCodings(study.fs, transcript, 'amara', [{ code: 'rounds', ...ROUNDS }]);
    // A change that puts in a coding whose offsets point elsewhere than its quote (as a restore of a coding
    // made on older text would, unchecked): the next action must find its quote again.
    const [mentor] = await seenByNextAction(study, transcript);
    const stale: Coding = { ...mentor!, id: 'stale', code: 'burnout', quote: 'close to burning out' };
    await changeCodings(study.fs, transcript, 'amara', (codings) => [...codings, stale]);
    const seen = await seenByNextAction(study, transcript);
    const found = seen.find((c) => c.id === 'stale');
    // Found where the quote is (flagged for review: its prefix and suffix are the mentor passage's).
    assert.deepEqual([found?.start, found?.end, found?.status], [BURNOUT.start, BURNOUT.end, 'needs-review']);
  });

  it('re-anchor everything once the transcript text changed', async () => {
    const { study, transcript } = await setUp();
    await addCodings(study.fs, transcript, 'amara', [{ code: 'rounds', ...ROUNDS }]);
    const text = `Study: P07\n\n${TRANSCRIPT}`;
    await study.write('P07.txt', text);
    const edited = await study.transcript('P07.txt');
    const seen = await seenByNextAction(study, edited);
    const moved = rangeOf(text, 'An attending stayed after rounds');
    assert.deepEqual(
      seen.map((c) => [c.start, c.end, c.status]),
      [[moved.start, moved.end, undefined]],
    );
  });
});
