import type { Coding, Sidecar } from '../../../../src/core/model';
import type { Random } from '../../support/random';

/** Random sidecars for the sidecar format's differential tests: every optional field, hostile strings. */

/** Characters that stress the difference between JSON and YAML quoting. */
export const TRICKY = [
  '"',
  '\\',
  '\n',
  '\t',
  '\r',
  '\u0000',
  '\u0007',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffe',
  '\ud800',
  '\udc00',
  '😀',
  'é',
  '#',
  ': ',
  ' - ',
  "'",
  '/',
  '<<<<<<< HEAD',
  '=======',
  ' ',
  '  ',
];
export const WORDS = [
  'yes',
  'no',
  'true',
  'null',
  'Null',
  '~',
  '0x1F',
  '1e3',
  '.inf',
  'amara',
  'code-1',
  'a.b',
  '_x',
  '-',
  '?',
  '&a',
  '*a',
  '!tag',
  '%',
  '@',
  '`',
  '|',
  '>',
];

export function randomString(random: Random, maxLength: number): string {
  let out = '';
  const length = random.int(0, maxLength);
  while (out.length < length) {
    const roll = random.next();
    out +=
      roll < 0.08 ? random.pick(TRICKY) : roll < 0.2 ? random.pick(WORDS) : String.fromCharCode(random.int(0x20, 0x7e));
  }
  return out;
}

export function randomSidecar(random: Random, maxCodings = 6): Sidecar {
  const coder = random.next() < 0.9 ? random.pick(['amara', 'jonas', 'c_1']) : randomString(random, 6);
  const codings: Coding[] = [];
  const count = random.int(0, maxCodings);
  for (let i = 0; i < count; i++) {
    const start = random.int(0, 50);
    codings.push({
      id: random.next() < 0.9 ? `id${i}` : random.next() < 0.5 ? `id${random.int(0, 9)}` : randomString(random, 8),
      code: random.next() < 0.7 ? random.pick(['c1', 'c-2', 'x.y', 'yes']) : randomString(random, 6),
      start,
      end: random.next() < 0.9 ? start + random.int(0, 20) : random.int(0, 50),
      quote: randomString(random, 30),
      prefix: randomString(random, 10),
      suffix: randomString(random, 10),
      by: coder,
      ...(random.next() < 0.3 ? { memo: randomString(random, 20) } : {}),
      ...(random.next() < 0.2 ? { assisted: random.next() < 0.7 ? 'copilot/gpt-4o' : randomString(random, 12) } : {}),
      ...(random.next() < 0.2 ? { status: random.pick(['needs-review', 'orphan'] as const) } : {}),
    });
  }
  return {
    transcript: random.next() < 0.8 ? 'P01.txt' : randomString(random, 10),
    coder,
    textHash: random.next() < 0.9 ? 'sha256:abc' : randomString(random, 5),
    codings,
  };
}
