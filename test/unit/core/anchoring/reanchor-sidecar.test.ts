import assert from 'node:assert/strict';
import { isCodingConsistent, reanchorSidecar, sortCodings } from '../../../../src/core/anchoring/reanchor-sidecar';
import type { Coding, Sidecar } from '../../../../src/core/model';
import { hashText } from '../../../../src/core/text/hash';
import { INTERVIEW, codingOf, offsetOf } from './interview';

const ASSIGNED = 'My assigned mentor was a chief I had never met';
const ATTENDING = 'There was an attending in the trauma service who would stay after rounds';
const BURNOUT = 'During the second year I was close to burning out, sleeping four hours, skipping meals.';
const CHOOSE = 'I would let residents choose.';

function sidecarOf(text: string, codings: Coding[]): Sidecar {
  return { transcript: 'p07.txt', coder: 'ana', textHash: hashText(text), codings: sortCodings(codings) };
}

function byId(sidecar: Sidecar, id: string): Coding {
  const coding = sidecar.codings.find((c) => c.id === id);
  assert.ok(coding, `coding ${id} missing`);
  return coding;
}

describe('reanchorSidecar', () => {
  const original = sidecarOf(INTERVIEW, [
    codingOf(INTERVIEW, ASSIGNED, 'a', 'assigned-mentor'),
    codingOf(INTERVIEW, ATTENDING, 'b', 'informal-mentor'),
    codingOf(INTERVIEW, BURNOUT, 'c', 'burnout'),
    codingOf(INTERVIEW, CHOOSE, 'd', 'choice'),
  ]);

  it('returns the same object and no changes when the text hash is unchanged', () => {
    const result = reanchorSidecar(original, INTERVIEW, hashText(INTERVIEW));
    assert.equal(result.sidecar, original);
    assert.deepEqual(result.changes, []);
  });

  it('with the hash unchanged, re-anchors only a coding whose quote does not fit its offsets (a git merge)', () => {
    const d = byId(original, 'd');
    const stale = {
      ...original,
      codings: original.codings.map((c) => (c.id === 'd' ? { ...c, start: c.start - 9, end: c.end - 9 } : c)),
    };
    const { sidecar, changes } = reanchorSidecar(stale, INTERVIEW, hashText(INTERVIEW));
    assert.deepEqual(sidecar.codings, original.codings, 'back where its quote is');
    assert.deepEqual(changes, [
      {
        id: 'd',
        from: { start: d.start - 9, end: d.end - 9 },
        to: { start: d.start, end: d.end },
        status: 'anchored',
        method: 'exact',
      },
    ]);
    for (const coding of original.codings.filter((c) => c.id !== 'd')) assert.equal(byId(sidecar, coding.id), coding);
  });

  it('re-anchors every coding of an edited transcript and never drops one', () => {
    const edited = ('[Transcribed by AB, 2026-03-02]\n\n' + INTERVIEW)
      .replace('I had never met', 'I had never ever met') // small edit inside a quote
      .replace(BURNOUT + ' ', '') // quote deleted
      .replace(
        'There was an attending in the trauma service who would stay after rounds',
        'One trauma attending lingered after rounds',
      ); // rewritten
    const hash = hashText(edited);
    const { sidecar, changes } = reanchorSidecar(original, edited, hash);

    assert.equal(sidecar.textHash, hash);
    assert.deepEqual(sidecar.codings.map((c) => c.id).sort(), ['a', 'b', 'c', 'd']);
    assert.deepEqual(sidecar.codings, sortCodings(sidecar.codings));

    const a = byId(sidecar, 'a');
    assert.equal(a.status, 'needs-review', 'an edit inside the quote is for a person to confirm');
    assert.equal(a.quote, ASSIGNED, 'the words that were coded are kept until then');
    assert.equal(a.start, offsetOf(edited, 'My assigned mentor'));
    assert.equal(a.end, offsetOf(edited, 'I had never ever met') + 'I had never ever met'.length);

    const b = byId(sidecar, 'b');
    assert.equal(b.status, 'needs-review');
    assert.equal(b.quote, ATTENDING, 'the reviewer keeps the original quote as evidence');
    assert.equal(b.prefix, byId(original, 'b').prefix);
    assert.equal(b.start, offsetOf(edited, 'One trauma attending'));

    const c = byId(sidecar, 'c');
    assert.equal(c.status, 'orphan');
    assert.equal(c.quote, BURNOUT);

    const d = byId(sidecar, 'd');
    assert.equal(d.status, undefined);
    assert.equal(d.start, offsetOf(edited, CHOOSE));
    assert.equal(d.prefix, edited.slice(offsetOf(edited, CHOOSE) - 32, offsetOf(edited, CHOOSE)));

    const changed = Object.fromEntries(changes.map((change) => [change.id, change]));
    assert.deepEqual(Object.keys(changed).sort(), ['a', 'b', 'c', 'd']);
    assert.deepEqual(changed['d'], {
      id: 'd',
      from: { start: byId(original, 'd').start, end: byId(original, 'd').end },
      to: { start: d.start, end: d.end },
      status: 'anchored',
      method: 'exact',
    });
    assert.equal(changed['c']?.method, 'none');
  });

  it('retries flagged codings: an orphan comes back when its text does', () => {
    const withoutBurnout = INTERVIEW.replace(BURNOUT + ' ', '');
    const first = reanchorSidecar(original, withoutBurnout, hashText(withoutBurnout)).sidecar;
    assert.equal(byId(first, 'c').status, 'orphan');
    const restored = reanchorSidecar(first, INTERVIEW, hashText(INTERVIEW));
    assert.deepEqual(restored.sidecar.codings, original.codings);
    assert.deepEqual(
      restored.changes.map((change) => [change.id, change.status]),
      [
        ['c', 'anchored'],
        ['d', 'anchored'],
      ], // d only moves back by the length of the restored sentence
    );
  });

  it('keeps the memo and other fields of a coding', () => {
    const withMemo = sidecarOf(INTERVIEW, [
      { ...codingOf(INTERVIEW, CHOOSE, 'd', 'choice'), memo: 'key recommendation' },
    ]);
    const text = 'Intro.\n' + INTERVIEW;
    const coding = reanchorSidecar(withMemo, text, hashText(text)).sidecar.codings[0];
    assert.equal(coding?.memo, 'key recommendation');
    assert.equal(coding?.by, 'ana');
    assert.equal(coding?.code, 'choice');
  });

  it('sorts codings by start, end, code and id', () => {
    const base = { quote: '', prefix: '', suffix: '', by: 'ana' };
    const sorted = sortCodings([
      { ...base, id: '2', code: 'b', start: 5, end: 9 },
      { ...base, id: '1', code: 'b', start: 5, end: 9 },
      { ...base, id: '3', code: 'a', start: 5, end: 9 },
      { ...base, id: '4', code: 'a', start: 5, end: 7 },
      { ...base, id: '5', code: 'z', start: 1, end: 20 },
    ]);
    assert.deepEqual(
      sorted.map((c) => c.id),
      ['5', '4', '3', '1', '2'],
    );
  });
});

describe('isCodingConsistent', () => {
  const text = 'Ask 😂 about 𝔘 and more.';
  it('accepts a quote at its code-point offsets', () => {
    assert.equal(isCodingConsistent({ start: 4, end: 11, quote: '😂 about' }, text), true);
    assert.equal(isCodingConsistent({ start: 0, end: 0, quote: '' }, text), true);
  });
  it('rejects wrong quotes, offsets out of range, reversed or fractional offsets', () => {
    assert.equal(isCodingConsistent({ start: 4, end: 11, quote: '😂 abou' }, text), false);
    assert.equal(isCodingConsistent({ start: 20, end: 30, quote: 'more.' }, text), false);
    assert.equal(isCodingConsistent({ start: -1, end: 3, quote: 'Ask' }, text), false);
    assert.equal(isCodingConsistent({ start: 3, end: 0, quote: '' }, text), false);
    assert.equal(isCodingConsistent({ start: 0.5, end: 3, quote: 'Ask' }, text), false);
  });
});
