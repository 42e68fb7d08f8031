import assert from 'node:assert/strict';
import {
  codeQueryText,
  DismissedPassages,
  dismissalOf,
  findSimilarPassages,
  passagesOf,
  queryTerms,
  SimilarIndex,
  termsOf,
} from '../../../../src/core/index';
import { fixtureStudy, TEXTS } from './fixture';

const SLEEP = 'I was exhausted and sleeping four hours a night on call.';

function indexOf(study: Awaited<ReturnType<typeof fixtureStudy>>['study']): SimilarIndex {
  const index = new SimilarIndex();
  index.update(study.transcripts);
  return index;
}

describe('similar passages', () => {
  it('splits a transcript into turns and sentences without speaker labels, at code-point offsets', () => {
    const text = TEXTS['P03.txt'] as string;
    const slice = (s: { start: number; end: number }) => [...text].slice(s.start, s.end).join('');
    assert.deepEqual(passagesOf(text, 'turn').map(slice), [
      'Tell me about the hours.',
      'The hours were long but I was never exhausted. 🙂 I found a mentor on my own.',
      'Sleeping was fine and the attending was a mentor to me.',
    ]);
    assert.deepEqual(passagesOf(text, 'sentence').map(slice), [
      'Tell me about the hours.',
      'The hours were long but I was never exhausted.',
      '🙂 I found a mentor on my own.',
      'Sleeping was fine and the attending was a mentor to me.',
    ]);
  });

  it('words: lower case, any script, inner apostrophes kept, single letters and bare numbers dropped', () => {
    assert.deepEqual(termsOf("I don’t know, Müller said [inaudible 00:12:04] 'twice' à 3 Ärzte."), [
      "don't",
      'know',
      'müller',
      'said',
      'inaudible',
      'twice',
      'ärzte',
    ]);
  });

  it('ranks the sentence that says the same first, a partial match after it, and leaves out the query itself', async () => {
    const { study } = await fixtureStudy();
    const index = indexOf(study);
    const p01 = study.transcripts.find((t) => t.path === 'P01.txt')!;
    const start = [...p01.text.slice(0, p01.text.indexOf(SLEEP))].length;
    const results = findSimilarPassages(index, study, {
      text: SLEEP,
      exclude: [{ transcriptUri: p01.uri, start, end: start + SLEEP.length }],
    });
    assert.deepEqual(
      results.slice(0, 2).map((r) => [r.transcript.path, r.line, r.text]),
      [
        ['P02.txt', 3, 'On call I was sleeping four hours, always exhausted by the night.'],
        ['P03.txt', 5, 'Sleeping was fine and the attending was a mentor to me.'],
      ],
    );
    assert.ok(!results.some((r) => r.text === SLEEP), 'the query passage is left out');
    assert.ok(results[0]!.score > results[1]!.score);
    for (const r of results) assert.equal([...r.transcript.text].slice(r.start, r.end).join(''), r.text);
  });

  it("a whole code's quotes are the query; passages coded with it or a sub-code are left out", async () => {
    const { study } = await fixtureStudy([
      ['P01.txt', SLEEP, 'exhaustion'],
      ['P03.txt', 'Sleeping was fine', 'burnout'],
    ]);
    const index = indexOf(study);
    assert.equal(codeQueryText(study, 'burnout'), `${SLEEP}\nSleeping was fine`);
    const results = findSimilarPassages(index, study, { text: codeQueryText(study, 'burnout'), code: 'burnout' });
    assert.equal(results[0]?.text, 'On call I was sleeping four hours, always exhausted by the night.');
    assert.ok(!results.some((r) => r.text === SLEEP), 'coded with the sub-code exhaustion');
    assert.ok(!results.some((r) => r.text.startsWith('Sleeping was fine')), 'overlaps a coding of burnout');
    // Coded with another code only: still offered.
    const mentoring = findSimilarPassages(index, study, { text: SLEEP, code: 'mentoring' });
    assert.ok(mentoring.some((r) => r.text === SLEEP));
  });

  it('dismissed passages stay out for that code only; a survey filter keeps its participants', async () => {
    const { study } = await fixtureStudy();
    const index = indexOf(study);
    const best = 'On call I was sleeping four hours, always exhausted by the night.';
    const dismissed = new DismissedPassages({ dismissed: [dismissalOf('burnout', 'P02.txt', best)] });
    const forBurnout = findSimilarPassages(index, study, { text: SLEEP, code: 'burnout', dismissed });
    assert.ok(!forBurnout.some((r) => r.text === best));
    const forMentoring = findSimilarPassages(index, study, { text: SLEEP, code: 'mentoring', dismissed });
    assert.ok(forMentoring.some((r) => r.text === best));
    const onlyP03 = findSimilarPassages(index, study, { text: SLEEP, participants: new Set(['P03']) });
    assert.ok(onlyP03.length > 0);
    assert.deepEqual([...new Set(onlyP03.map((r) => r.transcript.path))], ['P03.txt']);
  });

  it('the limit caps the list; words no passage has find nothing', async () => {
    const { study } = await fixtureStudy();
    const index = indexOf(study);
    assert.equal(findSimilarPassages(index, study, { text: 'mentor program night', limit: 2 }).length, 2);
    assert.deepEqual(findSimilarPassages(index, study, { text: 'zebra quantum' }), []);
  });

  it('rare words outrank frequent ones when a query has more words than are searched', async () => {
    const { study } = await fixtureStudy();
    const units = indexOf(study).unit('sentence');
    const terms = queryTerms('the the the was was attending', units);
    const ranked = [...terms.keys()];
    assert.equal(ranked[0], 'attending');
    assert.equal(terms.get('the'), 1 + Math.log(3));
  });

  it('re-indexes only a transcript whose text changed, and forgets a removed one', async () => {
    const { fs, study } = await fixtureStudy();
    const index = indexOf(study);
    const units = index.unit('turn');
    const before = units.passageCount;
    const changed = study.transcripts.map((t) =>
      t.path === 'P03.txt' ? { ...t, text: t.text + 'P03: A zebra walked in.\n', textHash: 'changed' } : t,
    );
    index.update(changed);
    assert.equal(units.passageCount, before + 1);
    assert.equal(units.frequency('zebra'), 1);
    assert.equal(findSimilarPassages(index, study, { text: 'zebra', unit: 'turn' }).length, 1);
    index.update(changed.filter((t) => t.path !== 'P03.txt'));
    assert.equal(units.frequency('zebra'), 0);
    assert.equal(units.passageCount, before - 3);
    void fs;
  });
});
