import assert from 'node:assert/strict';
import { refreshSelectors, shiftCodings, type TextEdit } from '../../../../src/core/anchoring/shift';
import type { Coding } from '../../../../src/core/model';
import { INTERVIEW, codingOf } from './interview';

/** A coding of [start, end) with placeholder selectors: shift never reads them. */
function at(start: number, end: number, id = 'c'): Coding {
  return { id, code: 'k', start, end, quote: 'q', prefix: '', suffix: '', by: 'ana' };
}

function span(coding: Coding | undefined): [number, number, string | undefined] {
  assert.ok(coding);
  return [coding.start, coding.end, coding.status];
}

/** Applies code-point edits to a text the way shiftCodings reads them: one after another. */
function applyEdits(text: string, edits: readonly (TextEdit & { text: string })[]): string {
  let points = [...text];
  for (const edit of edits) points = [...points.slice(0, edit.start), ...edit.text, ...points.slice(edit.end)];
  return points.join('');
}

function insert(at: number, text: string): TextEdit & { text: string } {
  return { start: at, end: at, insertedLength: [...text].length, text };
}

function replace(start: number, end: number, text: string): TextEdit & { text: string } {
  return { start, end, insertedLength: [...text].length, text };
}

describe('shiftCodings', () => {
  const coding = at(10, 20);
  const cases: [string, TextEdit, [number, number, string | undefined]][] = [
    ['insertion before shifts it', { start: 3, end: 3, insertedLength: 4 }, [14, 24, undefined]],
    ['deletion before shifts it back', { start: 2, end: 6, insertedLength: 0 }, [6, 16, undefined]],
    ['replacement before shifts by the difference', { start: 2, end: 6, insertedLength: 1 }, [7, 17, undefined]],
    ['deletion ending at its start shifts it', { start: 5, end: 10, insertedLength: 0 }, [5, 15, undefined]],
    ['edit after leaves it', { start: 25, end: 30, insertedLength: 9 }, [10, 20, undefined]],
    ['deletion starting at its end leaves it', { start: 20, end: 22, insertedLength: 0 }, [10, 20, undefined]],
    ['insertion at its start goes before it', { start: 10, end: 10, insertedLength: 3 }, [13, 23, undefined]],
    ['insertion at its end goes after it', { start: 20, end: 20, insertedLength: 3 }, [10, 20, undefined]],
    ['insertion inside grows it', { start: 15, end: 15, insertedLength: 3 }, [10, 23, undefined]],
    ['deletion inside shrinks it', { start: 12, end: 15, insertedLength: 0 }, [10, 17, undefined]],
    [
      'replacement of its first characters stays inside',
      { start: 10, end: 12, insertedLength: 5 },
      [10, 23, undefined],
    ],
    ['replacement of its last characters stays inside', { start: 18, end: 20, insertedLength: 5 }, [10, 23, undefined]],
    ['deletion over its start clips it', { start: 5, end: 13, insertedLength: 0 }, [5, 12, undefined]],
    [
      'replacement over its start clips it, new text before',
      { start: 5, end: 13, insertedLength: 2 },
      [7, 14, undefined],
    ],
    ['deletion over its end clips it', { start: 17, end: 25, insertedLength: 0 }, [10, 17, undefined]],
    [
      'replacement over its end clips it, new text after',
      { start: 17, end: 25, insertedLength: 4 },
      [10, 17, undefined],
    ],
    ['deletion of exactly its text collapses it', { start: 10, end: 20, insertedLength: 0 }, [10, 10, 'needs-review']],
    ['deletion around it collapses it at the edit', { start: 4, end: 30, insertedLength: 0 }, [4, 4, 'needs-review']],
    ['replacement of its whole text collapses it', { start: 8, end: 22, insertedLength: 6 }, [8, 8, 'needs-review']],
  ];
  for (const [name, edit, expected] of cases) {
    it(name, () => assert.deepEqual(span(shiftCodings([coding], [edit])[0]), expected));
  }

  it('returns unchanged codings as the same objects and keeps selectors and other fields', () => {
    const flagged = { ...at(30, 40, 'f'), status: 'orphan' as const, memo: 'm' };
    const [untouched, moved] = shiftCodings([coding, flagged], [{ start: 25, end: 25, insertedLength: 2 }]);
    assert.equal(untouched, coding);
    assert.deepEqual(moved, { ...flagged, start: 32, end: 42 });
  });

  it('moves zero-length codings like a point: insertion at it goes before it', () => {
    const point = at(10, 10);
    assert.deepEqual(span(shiftCodings([point], [{ start: 10, end: 10, insertedLength: 2 }])[0]), [12, 12, undefined]);
    assert.deepEqual(span(shiftCodings([point], [{ start: 10, end: 14, insertedLength: 0 }])[0]), [10, 10, undefined]);
    assert.deepEqual(span(shiftCodings([point], [{ start: 8, end: 14, insertedLength: 0 }])[0]), [
      8,
      8,
      'needs-review',
    ]);
  });

  it('applies a sequence of edits, each against the text left by the previous one', () => {
    const quote = 'My assigned mentor was a chief I had never met';
    const original = codingOf(INTERVIEW, quote, 'a');
    const s = original.start;
    const edits = [
      insert(0, '# P07, 2026-03-02 🎙\n\n'), // 21 code points before
      replace(s + 21 + 3, s + 21 + 11, 'allocated'), // "assigned" → "allocated" inside
      insert(s + 21 + quote.length + 1, ' (sic)'), // at its end: goes after
      replace(s + 21 - 5, s + 21 + 2, 'Our'), // "...year. My" → clip the start
    ];
    const after = applyEdits(INTERVIEW, edits);
    const [shifted] = shiftCodings([original], edits);
    assert.ok(shifted);
    assert.equal(
      [...after].slice(shifted.start, shifted.end).join(''),
      ' allocated mentor was a chief I had never met',
    );
  });

  it('never drops a coding and keeps offsets in range over random edit sequences', () => {
    const random = seeded(20261125);
    for (let round = 0; round < 200; round++) {
      let text = [...INTERVIEW];
      let codings = Array.from({ length: 12 }, (_, i) => {
        const start = Math.floor(random() * text.length);
        return at(start, Math.min(text.length, start + Math.floor(random() * 80)), `c${i}`);
      });
      for (let step = 0; step < 15; step++) {
        const start = Math.floor(random() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(random() * 120 * (random() < 0.3 ? 4 : 1)));
        const inserted = [...'🎙 ab\n'.repeat(Math.floor(random() * 4))];
        codings = shiftCodings(codings, [{ start, end, insertedLength: inserted.length }]);
        text = [...text.slice(0, start), ...inserted, ...text.slice(end)];
      }
      assert.equal(codings.length, 12);
      assert.deepEqual(
        codings.map((c) => c.id),
        Array.from({ length: 12 }, (_, i) => `c${i}`),
      );
      for (const c of codings) {
        assert.ok(Number.isInteger(c.start) && Number.isInteger(c.end), `round ${round}: integers`);
        assert.ok(
          0 <= c.start && c.start <= c.end && c.end <= text.length,
          `round ${round}: ${c.start}..${c.end} of ${text.length}`,
        );
      }
    }
  });

  it('keeps every quote intact under insertions elsewhere (random, astral text)', () => {
    const random = seeded(7);
    for (let round = 0; round < 100; round++) {
      let text = [...INTERVIEW];
      const codings = Array.from({ length: 8 }, (_, i) => {
        const start = Math.floor(random() * text.length);
        return at(start, Math.min(text.length, start + 1 + Math.floor(random() * 60)), `c${i}`);
      });
      const quotes = codings.map((c) => text.slice(c.start, c.end).join(''));
      const edits: TextEdit[] = [];
      for (let step = 0; step < 10; step++) {
        // Insert only where no coding (as shifted so far) would grow: at or outside its bounds.
        const current = shiftCodings(codings, edits);
        const position = Math.floor(random() * (text.length + 1));
        if (current.some((c) => c.start < position && position < c.end)) continue;
        const inserted = [...'𝔘😂'.repeat(1 + Math.floor(random() * 3))];
        edits.push({ start: position, end: position, insertedLength: inserted.length });
        text = [...text.slice(0, position), ...inserted, ...text.slice(position)];
      }
      const shifted = shiftCodings(codings, edits);
      shifted.forEach((c, i) =>
        assert.equal(text.slice(c.start, c.end).join(''), quotes[i], `round ${round}, coding ${i}`),
      );
    }
  });
});

describe('refreshSelectors', () => {
  it('refreshes quote, prefix and suffix of clean codings and leaves flagged ones alone', () => {
    const quote = 'I found my own people.';
    const clean = codingOf(INTERVIEW, quote, 'a');
    const flagged = { ...codingOf(INTERVIEW, 'A lot.', 'b'), status: 'needs-review' as const };
    const text = 'Intro 😂\n' + INTERVIEW.replace('I found my own', 'I found my very own');
    const [cleanAfter, flaggedAfter] = refreshSelectors(
      shiftCodings([clean, flagged], [insert(0, 'Intro 😂\n'), insert(clean.start + 8 + 11, 'very ')]),
      text,
    );
    assert.equal(cleanAfter?.quote, 'I found my very own people.');
    assert.equal(cleanAfter?.suffix, text.slice(text.indexOf('people.') + 7, text.indexOf('people.') + 7 + 32));
    assert.equal(flaggedAfter?.quote, 'A lot.');
    assert.equal(flaggedAfter?.prefix, flagged.prefix);
  });

  it('returns codings whose selectors already match as the same objects', () => {
    const clean = codingOf(INTERVIEW, 'A lot.', 'b');
    assert.equal(refreshSelectors([clean], INTERVIEW)[0], clean);
  });
});

/** A small deterministic PRNG (mulberry32) so a failing random case can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
