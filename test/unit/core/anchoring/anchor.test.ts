import assert from 'node:assert/strict';
import { anchorQuote } from '../../../../src/core/anchoring/anchor';
import { quoteSelector } from '../../../../src/core/anchoring/selector';
import { OffsetMap } from '../../../../src/core/text/canonical';
import { INTERVIEW, codingOf, offsetOf } from './interview';

const SIBLINGS = 'I found my own people.';
const BURNOUT = 'During the second year I was close to burning out, sleeping four hours, skipping meals.';

/** The slice of `text` a result points at, by code points. */
function textAt(text: string, result: { start: number; end: number }): string {
  return new OffsetMap(text).slice(result.start, result.end);
}

describe('anchorQuote', () => {
  it('keeps the stored position when the text there is still the quote', () => {
    const coding = codingOf(INTERVIEW, BURNOUT, 'c1');
    const result = anchorQuote(INTERVIEW, coding);
    assert.deepEqual(result, {
      start: coding.start,
      end: coding.end,
      status: 'anchored',
      method: 'position',
      score: 1,
    });
  });

  it('shifts a quote exactly by the length of text inserted before it', () => {
    const coding = codingOf(INTERVIEW, BURNOUT, 'c1');
    const inserted = '[Recording starts 00:00:12]\n\n';
    const result = anchorQuote(inserted + INTERVIEW, coding);
    assert.equal(result.start, coding.start + inserted.length);
    assert.equal(result.end, coding.end + inserted.length);
    assert.equal(result.status, 'anchored');
    assert.equal(result.method, 'exact');
    assert.ok(result.score > 0.95, `score ${result.score}`);
  });

  it('follows a fixed typo inside the quote (fuzzy) onto the corrected text, for a person to confirm', () => {
    const typo = 'My asigned mentor was a chief I had nevr met, and honestly we met twice in the whole year.';
    const fixed = 'My assigned mentor was a chief I had never met, and honestly we met twice in the whole year.';
    const before = INTERVIEW.replace(fixed, typo);
    const coding = codingOf(before, typo, 'c1');
    const result = anchorQuote(INTERVIEW, coding);
    assert.equal(result.method, 'fuzzy');
    assert.equal(result.status, 'needs-review', 'other words than were coded: never silently accepted');
    assert.equal(textAt(INTERVIEW, result), fixed);
    assert.equal(result.start, offsetOf(INTERVIEW, fixed));
  });

  it('finds a quote again after its paragraph was moved', () => {
    const paragraphs = INTERVIEW.split('\n\n');
    const wellbeing = paragraphs.splice(5, 1)[0] as string;
    const moved = [...paragraphs.slice(0, -1), wellbeing, paragraphs.at(-1)].join('\n\n');
    const coding = codingOf(INTERVIEW, BURNOUT, 'c1');
    const result = anchorQuote(moved, coding);
    assert.notEqual(offsetOf(moved, BURNOUT), coding.start);
    assert.equal(result.start, offsetOf(moved, BURNOUT));
    assert.equal(textAt(moved, result), BURNOUT);
    assert.equal(result.status, 'anchored');
    assert.equal(result.method, 'exact');
  });

  it('prefers the copy of a duplicated quote whose context matches', () => {
    const quote = 'she never called it mentoring';
    const text = INTERVIEW.replace('She never called it mentoring', 'she never called it mentoring');
    const coding = codingOf(text, quote, 'c1');
    // The same words appear earlier, in another speaker's turn, and the text shifts so position fails.
    const changed = text.replace(
      'Could you start',
      `My colleague said she never called it mentoring at all. Could you start`,
    );
    assert.equal(changed.indexOf(quote) < changed.lastIndexOf(quote), true);
    const result = anchorQuote(changed, coding);
    assert.equal(result.start, offsetOf(changed, quote, 1));
    assert.equal(result.status, 'anchored');
  });

  it('follows a quote edited in place rather than a verbatim old copy in another context (for review)', () => {
    const old = 'She never called it mentoring, but that is what it was.';
    const edited = 'She never called it mentoring, but that is exactly what it was.';
    const coding = codingOf(INTERVIEW, old, 'c1');
    const changed = INTERVIEW.replace(old, edited) + `\nInterviewer (reading back): "${old}"\n`;
    const result = anchorQuote(changed, coding);
    assert.equal(result.start, offsetOf(changed, edited));
    assert.equal(textAt(changed, result), edited);
    assert.equal(result.status, 'needs-review');
    assert.equal(result.method, 'fuzzy');
  });

  it('takes the copy nearest the old position when copies are identical, but asks for review', () => {
    const coding = codingOf(INTERVIEW, SIBLINGS, 'c1');
    // A pasted copy of the quote with 40 characters either side: the context cannot tell them apart.
    const at = INTERVIEW.indexOf(SIBLINGS);
    const block = INTERVIEW.slice(at - 40, at + SIBLINGS.length + 40);
    const changed = 'Preamble added.\n' + INTERVIEW + block;
    const result = anchorQuote(changed, coding);
    assert.equal(result.start, offsetOf(changed, SIBLINGS, 0));
    assert.equal(result.status, 'needs-review');
    assert.equal(result.method, 'exact');
  });

  it('orphans a deleted quote, keeping its old offsets clamped to the text', () => {
    const coding = codingOf(INTERVIEW, BURNOUT, 'c1');
    const result = anchorQuote(INTERVIEW.replace(BURNOUT + ' ', ''), coding);
    assert.equal(result.status, 'orphan');
    assert.equal(result.method, 'none');
    assert.deepEqual([result.start, result.end, result.score], [coding.start, coding.end, 0]);

    const spaceLeft = anchorQuote(INTERVIEW.replace(BURNOUT, ''), coding);
    assert.equal(spaceLeft.status, 'orphan', 'the deleted sentence left its space behind');

    const short = anchorQuote('Interviewer: Thank you.', coding);
    assert.equal(short.status, 'orphan');
    assert.deepEqual([short.start, short.end], [23, 23]);
  });

  it('marks a heavily rewritten quote needs-review with a best guess where it was', () => {
    const rewritten = 'In year two I nearly burnt out: little sleep, no time to eat.';
    const changed = INTERVIEW.replace(BURNOUT, rewritten);
    const coding = codingOf(INTERVIEW, BURNOUT, 'c1');
    const result = anchorQuote(changed, coding);
    assert.equal(result.status, 'needs-review');
    assert.equal(result.start, offsetOf(changed, rewritten));
    assert.ok(textAt(changed, result).includes('nearly burnt out'), textAt(changed, result));
    assert.ok(result.score > 0 && result.score < 1);
  });

  it('asks for review when a short quote turns up only with unrelated context', () => {
    const coding = codingOf(INTERVIEW, 'A lot.', 'c1');
    const changed = INTERVIEW.replace('P07: A lot.', 'P07: Quite a bit.') + '\nP07: It helped A lot. Really.\n';
    const result = anchorQuote(changed, coding);
    assert.equal(result.status, 'needs-review');
    assert.equal(textAt(changed, result), 'A lot.');
  });

  it('counts code points, not UTF-16 units, with astral characters before the quote', () => {
    const astral = 'P07 (laughs 😂) about the 𝔘nit: ';
    const before = INTERVIEW;
    const after = astral + INTERVIEW;
    const coding = codingOf(before, BURNOUT, 'c1');
    const result = anchorQuote(after, coding);
    assert.equal(result.start, coding.start + [...astral].length);
    assert.equal(result.start, coding.start + astral.length - 2);
    assert.equal([...after].slice(result.start, result.end).join(''), BURNOUT);
  });

  it('keeps astral characters whole in a fuzzy match and in its offsets', () => {
    const before = 'Intro. Then 😂 she said: the 𝔘nit was hard on all of us, really. The end of it.';
    const after = 'Preface!! Intro. Then 😂 she said: the 𝔘nit was hard on all of us really. The end of it.';
    const quote = '😂 she said: the 𝔘nit was hard on all of us, really.';
    const coding = codingOf(before, quote, 'c1');
    const result = anchorQuote(after, coding);
    assert.equal(result.status, 'needs-review');
    assert.equal(result.method, 'fuzzy');
    assert.equal(
      [...after].slice(result.start, result.end).join(''),
      '😂 she said: the 𝔘nit was hard on all of us really.',
    );
  });

  it('anchors quotes at the very start and the very end of the text', () => {
    const first = 'Interviewer: Thank you for taking the time today.';
    const last = 'and then choose.\n';
    const changed = INTERVIEW.replace('taking the time', 'taking time').replace(
      'and then choose.',
      'and then we choose.',
    );
    const atStart = anchorQuote(changed, codingOf(INTERVIEW, first, 'c1'));
    assert.equal(atStart.start, 0);
    assert.equal(textAt(changed, atStart), 'Interviewer: Thank you for taking time today.');
    assert.equal(atStart.status, 'needs-review');
    const atEnd = anchorQuote(changed, codingOf(INTERVIEW, last, 'c2'));
    assert.equal(atEnd.end, [...changed].length);
    assert.equal(textAt(changed, atEnd), 'and then we choose.\n');
    assert.equal(atEnd.status, 'needs-review');
  });

  it('reads an empty prefix as "the quote started the text" when choosing among copies', () => {
    const text = 'Yes. I think so. Yes. I think so.';
    // Stored offsets are off by one (hand-edited), next to the second copy; the prefix says "at the start".
    const target = { start: 16, end: 20, quote: 'Yes.', prefix: '', suffix: ' I think so.' };
    const result = anchorQuote(text, target);
    assert.deepEqual([result.start, result.end, result.status, result.method], [0, 4, 'anchored', 'exact']);
  });

  it('handles an empty quote by its context', () => {
    const at = offsetOf(INTERVIEW, 'A lot.');
    const empty = { start: at, end: at, ...quoteSelector(INTERVIEW, at, at) };
    assert.equal(anchorQuote(INTERVIEW, empty).status, 'anchored');
    const shifted = anchorQuote('New first line.\n' + INTERVIEW, empty);
    assert.deepEqual([shifted.start, shifted.end, shifted.status], [at + 16, at + 16, 'needs-review']);
    const gone = anchorQuote('Something else entirely.', empty);
    assert.deepEqual([gone.start, gone.end, gone.status], [24, 24, 'orphan']);
  });

  it('handles an empty text and a quote longer than the text', () => {
    const coding = codingOf(INTERVIEW, BURNOUT, 'c1');
    assert.deepEqual(anchorQuote('', coding), { start: 0, end: 0, status: 'orphan', method: 'none', score: 0 });
    const tiny = anchorQuote('close to burning', coding);
    assert.ok(tiny.status !== 'anchored');
    assert.ok(tiny.end <= 16 && tiny.start <= tiny.end);
  });

  it('finds a very long quote whose edits exceed the 256-error budget', () => {
    const long = Array.from(
      { length: 40 },
      (_, i) => `Sentence ${i} of a long answer about rotations and mentors.`,
    ).join(' ');
    const text = `Interviewer: Tell me everything.\n\nP07: ${long}\n\nInterviewer: Thanks.\n`;
    const coding = codingOf(text, long, 'c1');
    // 300 single-character edits spread over the quote: beyond min(256, length / 2) errors.
    const edited = long
      .replace(/ a /g, ' the ')
      .replace(/ of /g, ' in ')
      .replace(/mentors/g, 'mentor')
      .replace(/about/g, 'on');
    const changed = text.replace(long, edited);
    const result = anchorQuote(changed, coding);
    assert.equal(result.method, 'fuzzy');
    assert.equal(textAt(changed, result), edited);
    assert.equal(result.status, 'needs-review');
  });

  it('accepts an OffsetMap and options', () => {
    const quote = 'We met twice in the whole year.';
    const coding = codingOf('Honestly. We met twice in the whole year. Yes.', quote, 'c1');
    const map = new OffsetMap('Honestly! We met twice in the whole year. Yes!');
    assert.equal(anchorQuote(map, coding).status, 'needs-review', 'both sides of its context changed');
    // Prefix and suffix now touch: below minQuoteSimilarity the look-alike is not the deleted quote.
    const deleted = { ...coding, start: 0, end: 5, quote: 'Last year we met.', prefix: 'Honestly.', suffix: ' Yes.' };
    const text = 'Honestly. Yes. Then: last year we met!';
    assert.equal(anchorQuote(text, deleted).status, 'needs-review');
    assert.equal(anchorQuote(text, deleted, { minQuoteSimilarity: 0.95 }).status, 'orphan');
  });

  it('never anchors other words than were coded, however close: a fuzzy match needs review', () => {
    const coded = 'During the second year I was close to burning out, sleeping four hours, skipping meals.';
    const coding = codingOf(INTERVIEW, coded, 'c1');
    for (const damaged of [
      coded.replace('burning', 'burnng'),
      coded.replace('four', 'five'),
      coded.replace(' skipping meals', ''),
    ]) {
      const result = anchorQuote(INTERVIEW.replace(coded, damaged), coding);
      assert.equal(result.status, 'needs-review', damaged);
      assert.equal(result.method, 'fuzzy');
    }
  });

  it('does not move to an identical sentence far away when the coded one was deleted', () => {
    const coded =
      'There was an attending in the trauma service who would stay after rounds and walk through cases with me.';
    const coding = codingOf(INTERVIEW, coded, 'c1');
    const far = INTERVIEW.replace(coded + ' ', '') + `\nP09: Funny, at my place too. ${coded} Every week.\n`;
    const result = anchorQuote(far, coding);
    assert.equal(textAt(far, result), coded, 'the copy is the best guess');
    assert.equal(result.status, 'needs-review', 'neither its prefix nor its suffix is there');
  });

  it('anchors an exact copy elsewhere when its prefix or suffix came along (a moved paragraph)', () => {
    const coded = 'I found my own people.';
    const coding = codingOf(INTERVIEW, coded, 'c1');
    const at = INTERVIEW.indexOf(coded);
    const withPrefix = INTERVIEW.slice(at - 40, at + coded.length);
    const moved = INTERVIEW.replace(withPrefix, '') + '\n' + withPrefix + ' And that was that.\n';
    const result = anchorQuote(moved, coding);
    assert.equal(result.status, 'anchored');
    assert.equal(result.start, offsetOf(moved, coded));
  });

  it('does not trust the stored position when the context on both sides of it changed', () => {
    // "A: Yes. B: no." was coded at 3–7; the edit left another "Yes." at 3 by chance.
    const target = { start: 3, end: 7, quote: 'Yes.', prefix: 'A: ', suffix: ' B: no.' };
    const changed = 'X: Yes. Z: no!';
    const result = anchorQuote(changed, target);
    assert.equal(result.status, 'needs-review');
  });
});
