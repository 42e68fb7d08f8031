import assert from 'node:assert/strict';
import type { Coding, Sidecar } from '../../../../src/core/model';
import { encodeSidecar, serializeSidecar } from '../../../../src/core/sidecar/format';
import { encodeUtf8 } from '../../../../src/core/text/canonical';
import { Random } from '../../support/random';
import { randomSidecar, randomString } from './random-sidecar';

// encodeSidecar builds a sidecar's bytes from each coding's cached bytes; what it writes must be, byte for
// byte, the UTF-8 of serializeSidecar's text, whatever the codings hold and however often they were written.

function assertSameBytes(sidecar: Sidecar, context: string): void {
  const expected = encodeUtf8(serializeSidecar(sidecar));
  const actual = encodeSidecar(sidecar);
  assert.ok(
    Buffer.from(actual).equals(expected),
    `${context}: encodeSidecar differs from the UTF-8 of serializeSidecar\n` +
      `expected: ${JSON.stringify(new TextDecoder().decode(expected))}\n` +
      `actual:   ${JSON.stringify(new TextDecoder().decode(actual))}`,
  );
}

/** A coding action's change: codings added, removed or replaced by edited copies; the rest are the same objects. */
function change(random: Random, sidecar: Sidecar, fresh: () => Sidecar): Sidecar {
  const codings: Coding[] = [...sidecar.codings];
  switch (random.int(0, 3)) {
    case 0:
      codings.push(...fresh().codings.map((coding, i) => ({ ...coding, id: `new${i}-${random.int(0, 1e6)}` })));
      break;
    case 1:
      if (codings.length > 0) codings.splice(random.int(0, codings.length - 1), 1);
      break;
    case 2: {
      const at = random.int(0, Math.max(0, codings.length - 1));
      const old = codings[at];
      if (old) codings[at] = { ...old, memo: randomString(random, 12), code: random.pick(['c1', 'other', old.code]) };
      break;
    }
    default:
      return { ...sidecar, transcript: random.next() < 0.5 ? sidecar.transcript : randomString(random, 8) };
  }
  return { ...sidecar, codings };
}

describe('encodeSidecar (a sidecar written from its codings cached bytes)', () => {
  it('writes the UTF-8 of serializeSidecar for random sidecars: every optional field, quotes, line breaks, non-ASCII', () => {
    const random = new Random(17);
    for (let i = 0; i < 1500; i++) assertSameBytes(randomSidecar(random, 12), `sidecar ${i}`);
  });

  it('still does after codings were written before and the sidecar changed, as coding actions change it', () => {
    const random = new Random(29);
    for (let series = 0; series < 60; series++) {
      let sidecar = randomSidecar(random, 20);
      assertSameBytes(sidecar, `series ${series}, first write`);
      for (let step = 0; step < 15; step++) {
        sidecar = change(random, sidecar, () => randomSidecar(random, 2));
        // Either order: a coding's bytes may be cached before or after its text.
        if (random.next() < 0.5) serializeSidecar(sidecar);
        assertSameBytes(sidecar, `series ${series}, step ${step}`);
      }
    }
  });

  it('writes an empty sidecar, codings in their one order, and a name that needs quoting in the comment', () => {
    const coding = (id: string, start: number, memo?: string): Coding => ({
      id,
      code: 'c',
      start,
      end: start + 1,
      quote: 'é',
      prefix: '',
      suffix: '😀',
      by: 'amara',
      ...(memo !== undefined ? { memo } : {}),
    });
    const base = { transcript: 'P01\nx.txt', coder: 'amara', textHash: 'sha256:abc' };
    assertSameBytes({ ...base, codings: [] }, 'empty');
    assertSameBytes(
      { ...base, codings: [coding('b', 5, 'line one\nline "two"'), coding('a', 5, ''), coding('c', 1)] },
      'unsorted',
    );
    assert.equal(
      new TextDecoder().decode(encodeSidecar({ ...base, codings: [coding('a', 2, '')] })),
      serializeSidecar({ ...base, codings: [coding('a', 2, '')] }),
    );
  });
});
