import assert from 'node:assert/strict';
import { parseCanonicalSidecar } from '../../../../src/core/sidecar/canonical-parse';
import { parseSidecar, serializeSidecar } from '../../../../src/core/sidecar/format';
import type { Coding, Sidecar } from '../../../../src/core/model';
import { Random } from '../../support/random';

/** Characters that stress the difference between JSON and YAML quoting. */
const TRICKY = [
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
const WORDS = [
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

function randomString(random: Random, maxLength: number): string {
  let out = '';
  const length = random.int(0, maxLength);
  while (out.length < length) {
    const roll = random.next();
    out +=
      roll < 0.08 ? random.pick(TRICKY) : roll < 0.2 ? random.pick(WORDS) : String.fromCharCode(random.int(0x20, 0x7e));
  }
  return out;
}

function randomSidecar(random: Random): Sidecar {
  const coder = random.next() < 0.9 ? random.pick(['amara', 'jonas', 'c_1']) : randomString(random, 6);
  const codings: Coding[] = [];
  const count = random.int(0, 6);
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

/** A small edit of the kind hands and merges make: a line dropped, doubled or changed, a character typed. */
function mutate(random: Random, text: string): string {
  const lines = text.split('\n');
  const at = random.int(0, lines.length - 1);
  switch (random.int(0, 5)) {
    case 0:
      lines.splice(at, 1);
      break;
    case 1:
      lines.splice(at, 0, lines[at] as string);
      break;
    case 2:
      lines[at] = (lines[at] as string).replace(/: /, ':  ');
      break;
    case 3: {
      const line = lines[at] as string;
      const cut = random.int(0, line.length);
      lines[at] = line.slice(0, cut) + random.pick([...TRICKY, ...WORDS]) + line.slice(cut);
      break;
    }
    case 4:
      lines[at] = (lines[at] as string).replace(/"/g, "'");
      break;
    default:
      lines.splice(
        at,
        0,
        random.pick([
          '',
          '# note',
          '---',
          '<<<<<<< HEAD',
          '    memo: ""',
          '    assisted: ""',
          '    assisted: m',
          '    status: orphan',
          '  - id: dup',
        ]),
      );
  }
  return lines.join('\n');
}

/** Whatever the fast reader accepts, the real parser must accept with exactly the same result. */
function assertAgrees(text: string): 'fast' | 'fallback' {
  const fast = parseCanonicalSidecar(text);
  if (fast === undefined) return 'fallback';
  const real = parseSidecar('memory:/P01.amara.codes.yaml', text);
  assert.ok(
    real.ok,
    `fast path accepted a file the real parser refuses:\n${JSON.stringify(text)}\n${JSON.stringify(!real.ok && real.problems)}`,
  );
  assert.deepStrictEqual(fast.sidecar, real.value.sidecar, JSON.stringify(text));
  assert.deepStrictEqual([...fast.lineOf], [...real.value.lineOf], JSON.stringify(text));
  return 'fast';
}

describe('parseCanonicalSidecar (the fast path for our own layout)', () => {
  it('reads what serializeSidecar writes exactly as the yaml parser does', () => {
    const random = new Random(1);
    let fast = 0;
    for (let i = 0; i < 1500; i++) if (assertAgrees(serializeSidecar(randomSidecar(random))) === 'fast') fast++;
    // Most well-formed files must take the fast path, or it earns nothing.
    assert.ok(fast > 600, `only ${fast} of 1500 took the fast path`);
  });

  it('never accepts an edited file the real parser reads differently or refuses', () => {
    const random = new Random(2);
    for (let i = 0; i < 3000; i++) {
      let text = serializeSidecar(randomSidecar(random));
      for (let edits = random.int(1, 3); edits > 0; edits--) text = mutate(random, text);
      assertAgrees(text);
    }
  });

  it('leaves every problem to the real parser: duplicate ids, end before start, unknown status, conflict markers', () => {
    const header = '# x\ngrounded: 1\ntranscript: P01.txt\ncoder: amara\ntextHash: "sha256:abc"\ncodings:\n';
    const coding = (id: string, start: number, end: number, extra = '') =>
      `  - id: ${id}\n    code: c1\n    start: ${start}\n    end: ${end}\n    quote: "q"\n    prefix: ""\n    suffix: ""\n${extra}`;
    assert.ok(parseCanonicalSidecar(header + coding('a', 1, 2)));
    assert.equal(parseCanonicalSidecar(header + coding('a', 1, 2) + coding('a', 3, 4)), undefined);
    assert.equal(parseCanonicalSidecar(header + coding('a', 5, 2)), undefined);
    assert.equal(parseCanonicalSidecar(header + coding('a', 1, 2, '    status: done\n')), undefined);
    assert.equal(parseCanonicalSidecar(header + '<<<<<<< HEAD\n' + coding('a', 1, 2)), undefined);
    assert.equal(parseCanonicalSidecar(header + coding('a', 1, 2) + '\n'), undefined);
    assert.equal(parseCanonicalSidecar(header.replace('coder: amara', 'coder: Amara') + coding('a', 1, 2)), undefined);
  });

  it('gives each coding the line of its "- id:" and sorts codings as parseSidecar does', () => {
    const text =
      '# x\ngrounded: 1\ntranscript: P01.txt\ncoder: amara\ntextHash: "sha256:abc"\ncodings:\n' +
      '  - id: b\n    code: c1\n    start: 9\n    end: 12\n    quote: "q"\n    prefix: ""\n    suffix: ""\n    memo: "m\\n"\n' +
      '  - id: a\n    code: c1\n    start: 1\n    end: 2\n    quote: "\\"\\u00e9\\ud83d\\ude00"\n    prefix: ""\n    suffix: ""\n    status: orphan\n';
    const parsed = parseCanonicalSidecar(text);
    assert.ok(parsed);
    assert.deepEqual(
      parsed.sidecar.codings.map((c) => c.id),
      ['a', 'b'],
    );
    assert.deepEqual(
      [...parsed.lineOf],
      [
        ['b', 7],
        ['a', 15],
      ],
    );
    assertAgrees(text);
  });
});
