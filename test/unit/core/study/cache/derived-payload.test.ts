import assert from 'node:assert/strict';
import type { Coding } from '../../../../../src/core/model';
import { quoteSelector } from '../../../../../src/core/anchoring/selector';
import { OffsetMap, codePointLength } from '../../../../../src/core/text/canonical';
import { CACHE_FORMAT, encodeEntry, type DerivedSidecar } from '../../../../../src/core/study/cache/cache-entry';
import {
  decodeDerivedSidecar,
  derivedSidecarPayload,
  encodeDerivedSidecar,
} from '../../../../../src/core/study/cache/derived-sidecar-payload';
import { MemoryStudyCache } from '../../../../../src/core/study/cache/study-cache';
import { textOffsetMap, type CacheSession } from '../../../../../src/core/study/cache/cache-session';
import { nodeSha256 } from '../../../../../src/node/node-study-cache';
import { Random } from '../../../support/random';

const TEXT =
  'Interviewer: 🙂 How did it start?\n\nP01: My assigned mentor was a chief 𝔘 I had never met. Later an attending stayed after rounds.\n';
const KEY = 'sidecar2-test';

function at(text: string, quote: string, id: string, extra: Partial<Coding> = {}): Coding {
  const start = codePointLength(text.slice(0, text.indexOf(quote)));
  const end = start + codePointLength(quote);
  return { id, code: 'mentor', start, end, ...quoteSelector(text, start, end), by: 'amara', ...extra };
}

function derived(codings: Coding[], lines?: number[]): DerivedSidecar {
  return {
    sidecar: { transcript: 'P01.txt', coder: 'amara', textHash: 'sha256:x', codings },
    lineOf: new Map(codings.map((c, i) => [c.id, lines?.[i] ?? 6 + 9 * i])),
    reanchored: false,
    mismatched: [],
  };
}

describe('derived sidecar entries: quotes by reference to the text', () => {
  const map = new OffsetMap(TEXT);

  it('stores no quote, prefix or suffix that is the text at its offsets, and gives them back equal', () => {
    const codings: Coding[] = [
      at(TEXT, 'My assigned mentor', 'a1'),
      at(TEXT, 'Interviewer', 'a2'), // empty prefix at the start of the text
      at(TEXT, 'after rounds.\n', 'a3'), // suffix cut by the end of the text
      at(TEXT, '🙂 How', 'a4', { memo: 'a "memo"\nline two' }),
      at(TEXT, 'chief 𝔘 I', 'a5', { status: 'needs-review' }),
      at(TEXT, 'Later', 'a6', { memo: 'm', status: 'orphan' }),
      { ...at(TEXT, 'an attending', 'a7'), quote: 'not the text' }, // a quote the text no longer has
      { ...at(TEXT, 'stayed', 'a8'), prefix: 'old context', suffix: '' },
      { ...at(TEXT, 'never met', 'a9'), start: 400, end: 409, status: 'orphan' }, // offsets past the end
      { ...at(TEXT, 'I had', 'a10'), start: 0, end: 0, quote: '', prefix: '', suffix: 'Inter' }, // zero-length
    ];
    const original = {
      ...derived(codings, [6, 15, 24, 33, 42, 51, 60, 69, 78, 87]),
      reanchored: true,
      mismatched: [{ id: 'a7', start: 3, end: 9 }],
    };
    const payload = JSON.stringify(derivedSidecarPayload(original, map));
    assert.ok(
      !payload.includes('My assigned mentor') && !payload.includes('How did it start'),
      'text at the offsets is not stored',
    );
    assert.ok(
      payload.includes('not the text') && payload.includes('old context') && payload.includes('never met'),
      'what differs from the text is',
    );
    const bytes = encodeDerivedSidecar(KEY, original, map, nodeSha256) as Uint8Array;
    assert.deepStrictEqual(decodeDerivedSidecar(KEY, bytes, map, nodeSha256), original);
  });

  it('keeps lineOf in line order when codings are not in file order', () => {
    const codings = [at(TEXT, 'Later', 'b1'), at(TEXT, 'Interviewer', 'b2'), at(TEXT, 'chief', 'b3')];
    const original = derived(codings, [30, 6, 12]);
    const sorted = {
      ...original,
      lineOf: new Map([
        ['b2', 6],
        ['b3', 12],
        ['b1', 30],
      ]),
    };
    const bytes = encodeDerivedSidecar(KEY, sorted, map, nodeSha256) as Uint8Array;
    const decoded = decodeDerivedSidecar(KEY, bytes, map, nodeSha256);
    assert.deepStrictEqual(decoded, sorted);
    assert.deepEqual([...(decoded?.lineOf.keys() ?? [])], ['b2', 'b3', 'b1']);
  });

  it('round-trips random codings on random astral text', () => {
    const random = new Random(7);
    const alphabet = ['a', 'b', ' ', '\n', 'é', '🙂', '𝔘', '—', 'z'];
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: random.int(0, 120) }, () => random.pick(alphabet)).join('');
      const textMap = new OffsetMap(text);
      const codings: Coding[] = [];
      for (let i = 0; i < random.int(0, 6); i++) {
        const start = random.int(0, textMap.codePointLength);
        const end = random.int(start, textMap.codePointLength);
        const selector = quoteSelector(textMap, start, end);
        const coding: Coding = { id: `c${i}`, code: 'x', start, end, ...selector, by: 'amara' };
        const roll = random.next();
        codings.push(
          roll < 0.15
            ? { ...coding, quote: 'stale', status: 'orphan' }
            : roll < 0.25
              ? { ...coding, memo: 'é🙂' }
              : coding,
        );
      }
      const original = derived(codings);
      const bytes = encodeDerivedSidecar(KEY, original, textMap, nodeSha256) as Uint8Array;
      assert.deepStrictEqual(
        decodeDerivedSidecar(KEY, bytes, textMap, nodeSha256),
        original,
        `round ${round}: ${JSON.stringify(text)}`,
      );
    }
  });

  it('does not cache what the compact form cannot hold: a coding by another coder, a coding without a line', () => {
    const coding = at(TEXT, 'Later', 'c1');
    assert.equal(derivedSidecarPayload(derived([{ ...coding, by: 'jonas' }]), map), undefined);
    assert.equal(derivedSidecarPayload({ ...derived([coding]), lineOf: new Map() }, map), undefined);
  });

  it('treats every malformed payload as a miss, never as codings', () => {
    const coding = at(TEXT, 'Later', 'd1');
    const good = derivedSidecarPayload(derived([coding]), map) as unknown[];
    const flat = good[5] as unknown[];
    const variants: unknown[] = [
      null,
      [...good.slice(0, 5)],
      [...good.slice(0, 5), [...flat, 'extra']], // a field too many: a coding cut short
      [...good.slice(0, 5), flat.slice(0, 5)], // a field too few
      [...good.slice(0, 5), [...flat.slice(0, 5), 1]], // quote flag set but no literal
      [...good.slice(0, 5), [...flat.slice(0, 5), 64]], // unknown flag
      [...good.slice(0, 5), [...flat.slice(0, 5), 16, 'maybe']], // unknown status
      [...good.slice(0, 5), [flat[0], flat[1], 9000, 9001, ...flat.slice(4)]], // offsets past the text, quote by reference
      [...good.slice(0, 5), [flat[0], flat[1], 5, 3, ...flat.slice(4)]], // end before start, quote by reference
      [...good.slice(0, 5), [flat[0], flat[1], -1, flat[3], ...flat.slice(4)]],
      [...good.slice(0, 5), [...flat, ...flat]], // the same id twice
      [...good.slice(0, 3), 2, ...good.slice(4)],
    ];
    for (const [i, payload] of variants.entries()) {
      assert.equal(
        decodeDerivedSidecar(KEY, encodeEntry(KEY, payload, nodeSha256), map, nodeSha256),
        undefined,
        `variant ${i}`,
      );
    }
    const bytes = encodeEntry(KEY, good, nodeSha256);
    assert.deepStrictEqual(decodeDerivedSidecar(KEY, bytes, map, nodeSha256)?.sidecar.codings, [coding]);
    assert.equal(decodeDerivedSidecar('sidecar2-other', bytes, map, nodeSha256), undefined, 'stored under another key');
  });
});

describe('text offset maps through the cache', () => {
  const session = (cache = new MemoryStudyCache()): CacheSession & { cache: MemoryStudyCache } => ({
    cache,
    sha256: nodeSha256,
    used: new Set(),
  });
  const scanned = (text: string) => [...new OffsetMap(text).astralUnits];

  it('stores the surrogate pairs of a text under its hash and reads them back', async () => {
    const first = session();
    const made = await textOffsetMap(first, TEXT, 'sha256:t1');
    assert.deepEqual([...made.astralUnits], scanned(TEXT));
    assert.equal(first.cache.entries.size, 1);
    const [key] = [...first.used];
    assert.equal(key, `text${CACHE_FORMAT}-t1`);
    const again = await textOffsetMap(session(first.cache), TEXT, 'sha256:t1');
    assert.deepEqual([...again.astralUnits], scanned(TEXT));
    assert.equal(again.codePointLength, codePointLength(TEXT));
    assert.deepEqual(await textOffsetMap(undefined, TEXT, 'sha256:t1'), new OffsetMap(TEXT));
  });

  it('rescans when the stored positions are not surrogate pairs of this text, or the entry is damaged', async () => {
    const store = session();
    const key = `text${CACHE_FORMAT}-t2`;
    const cases: unknown[] = [[0], [13, 13], [14], [-1], ['13'], [1e300], {}, [scanned(TEXT)[1], scanned(TEXT)[0]]];
    for (const units of cases) {
      store.cache.entries.set(key, encodeEntry(key, units, nodeSha256));
      const map = await textOffsetMap(store, TEXT, 'sha256:t2');
      assert.deepEqual([...map.astralUnits], scanned(TEXT), JSON.stringify(units));
    }
    const good = encodeEntry(key, scanned(TEXT), nodeSha256);
    const flipped = good.slice();
    flipped[flipped.length - 2] = (flipped[flipped.length - 2] as number) ^ 1;
    store.cache.entries.set(key, flipped);
    assert.deepEqual([...(await textOffsetMap(store, TEXT, 'sha256:t2')).astralUnits], scanned(TEXT));
    assert.deepEqual(store.cache.entries.get(key), good, 'rewritten');
  });
});

describe('OffsetMap scan', () => {
  it('finds exactly the surrogate pairs a code-unit loop finds, lone surrogates included', () => {
    const random = new Random(11);
    const units = ['a', '\n', 'é', '\ud83d', '\ude42', '\ud835', '\udd18', '🙂', 'z'];
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: random.int(0, 40) }, () => random.pick(units)).join('');
      const expected: number[] = [];
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        const next = text.charCodeAt(i + 1);
        if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) expected.push(i++);
      }
      const map = new OffsetMap(text);
      assert.deepEqual([...map.astralUnits], expected, JSON.stringify(text));
      assert.equal(map.codePointLength, codePointLength(text));
      assert.deepEqual(new OffsetMap(text, expected), map);
    }
  });
});
