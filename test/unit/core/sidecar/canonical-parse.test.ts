import assert from 'node:assert/strict';
import { parseCanonicalSidecar } from '../../../../src/core/sidecar/canonical-parse';
import { parseSidecar, serializeSidecar } from '../../../../src/core/sidecar/format';
import { Random } from '../../support/random';
import { randomSidecar, TRICKY, WORDS } from './random-sidecar';

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
