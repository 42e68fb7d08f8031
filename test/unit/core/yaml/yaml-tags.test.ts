import assert from 'node:assert/strict';
import { parseCanonicalSidecar } from '../../../../src/core/sidecar/canonical-parse';
import { parseSidecarFast, serializeSidecar } from '../../../../src/core/sidecar/format';
import { parseSettings } from '../../../../src/core/settings/format';
import { hashText } from '../../../../src/core/text/hash';
import { makeCodings } from '../../../../src/core/study/coding-operations';
import { TRANSCRIPT, places, rangeOf } from '../helpers';

const URI = 'memory:/study/P07.amara.codes.yaml';
const textHash = hashText(TRANSCRIPT);
const CANONICAL = serializeSidecar({
  transcript: 'P07.txt',
  coder: 'amara',
  textHash,
  codings: makeCodings({ uri: 'memory:/study/P07.txt', text: TRANSCRIPT, textHash }, 'amara', [
    { id: 'a', code: 'burnout', ...rangeOf(TRANSCRIPT, 'close to burning out') },
  ]),
});

describe('YAML tags are refused in every file Grounded parses', () => {
  const tagged: [where: string, from: string, to: string, line: number, column: number][] = [
    ['the coder line', 'coder: amara', 'coder: !who amara', 4, 8],
    ['a code', 'code: burnout', 'code: !!str burnout', 8, 11],
    ['a quote', 'quote: "', 'quote: !js/function "', 11, 12],
    ['the codings list', 'codings:\n', 'codings: !!seq\n', 6, 10],
  ];
  for (const [where, from, to, line, column] of tagged) {
    it(`a sidecar, tag on ${where}: the fast reader declines it and the parser says where`, () => {
      assert.ok(parseCanonicalSidecar(CANONICAL), 'the untagged file is our own layout');
      const text = CANONICAL.replace(from, to);
      assert.notEqual(text, CANONICAL);
      assert.equal(parseCanonicalSidecar(text), undefined);
      const parsed = parseSidecarFast(URI, text);
      assert.deepEqual(parsed.ok ? [] : places(parsed.problems), [
        { kind: 'yaml-tag', line, column, file: 'P07.amara.codes.yaml' },
      ]);
    });
  }

  it('settings (grounded.yaml)', () => {
    const parsed = parseSettings('memory:/study/grounded.yaml', 'grounded: 1\ncodebook: !include other.yaml\n');
    assert.deepEqual(parsed.ok ? [] : places(parsed.problems), [
      { kind: 'yaml-tag', line: 2, column: 11, file: 'grounded.yaml' },
    ]);
  });
});
