import assert from 'node:assert/strict';
import { parse as yamlParse } from 'yaml';
import { hashText } from '../../../src/core/text/hash';
import { addCodings, removeCodings, editCoding, CodingRangeError } from '../../../src/core/study/coding-operations';
import { codebookEdits, editCodebook, mergeCodes, deleteCode } from '../../../src/core/study/codebook-operations';
import { loadStudy } from '../../../src/core/study/load-study';
import { readChecked, updateFile } from '../../../src/core/persistence/safe-file';
import { sidecarCodec } from '../../../src/core/sidecar/format';
import { codebookCodec, parseCodebook } from '../../../src/core/codebook/format';
import { formatProblem } from '../../../src/core/problems';
import { parseYamlSafely } from '../../../src/core/yaml/safe-parse';
import {
  ADAPTERS,
  CODEBOOK,
  TRANSCRIPT,
  bytesEqual,
  loadErrorOf,
  memoryFixture,
  places,
  rangeOf,
  utf8,
  type Fixture,
} from './helpers';

const SIDECAR = 'P07.amara.codes.yaml';
const HASH = hashText(TRANSCRIPT);
const MENTOR = rangeOf(TRANSCRIPT, 'My assigned mentor was a chief I had never met');
const ROUNDS = rangeOf(TRANSCRIPT, 'An attending stayed after rounds');

/** Lines 1–6 of a sidecar of P07.txt by amara, anchored to TRANSCRIPT. */
const HEAD = [
  '# Grounded codings of P07.txt by amara.',
  'grounded: 1',
  'transcript: P07.txt',
  'coder: amara',
  `textHash: "${HASH}"`,
  'codings:',
];

/** Seven lines of one coding. */
function block(id: string, start = MENTOR.start, end = MENTOR.end, code = 'burnout'): string[] {
  return [
    `  - id: ${id}`,
    `    code: ${code}`,
    `    start: ${start}`,
    `    end: ${end}`,
    '    quote: "q"',
    '    prefix: "p"',
    '    suffix: "s"',
  ];
}

type Place = readonly [kind: string, line: number, column: number];

interface RefusalCase {
  readonly name: string;
  readonly lines: readonly string[];
  /** Every problem, in order: kind, line, column. */
  readonly expected: readonly Place[];
  /** Write the file with CRLF line ends, as git does on Windows. */
  readonly crlf?: boolean;
}

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((name, i) => {
    const previous = String.fromCharCode('a'.charCodeAt(0) + i);
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
  }),
];

const CONFLICTED = [
  ...HEAD,
  ...block('a'),
  '<<<<<<< HEAD',
  ...block('b', ROUNDS.start, ROUNDS.end),
  '=======',
  ...block('c', ROUNDS.start, ROUNDS.end, 'mentoring'),
  '>>>>>>> jonas-branch',
];

const SIDECAR_CASES: readonly RefusalCase[] = [
  {
    name: 'malformed YAML (unterminated quote)',
    lines: [...HEAD, ...block('a'), '    memo: "never closed', ...block('b')],
    expected: [['yaml-syntax', 14, 24]],
  },
  {
    name: 'malformed YAML (bad indentation)',
    lines: [...HEAD, ...block('a'), '   memo: off by one', ...block('b')],
    expected: [['yaml-syntax', 14, 1]],
  },
  {
    name: 'malformed YAML (tab indentation)',
    lines: [...HEAD, ...block('a'), '\tmemo: tabbed'],
    expected: [['yaml-syntax', 14, 1]],
  },
  {
    name: 'a duplicate key',
    lines: [...HEAD, ...block('a'), `    start: ${MENTOR.start}`],
    expected: [['yaml-syntax', 14, 5]],
  },
  {
    name: 'two YAML documents',
    lines: [...HEAD, ...block('a'), '---', 'grounded: 1'],
    expected: [['yaml-syntax', 14, 1]],
  },
  {
    name: 'git conflict markers',
    lines: CONFLICTED,
    expected: [
      ['conflict-marker', 14, 1],
      ['conflict-marker', 22, 1],
      ['conflict-marker', 30, 1],
    ],
  },
  {
    name: 'git conflict markers in a CRLF file',
    lines: CONFLICTED,
    crlf: true,
    expected: [
      ['conflict-marker', 14, 1],
      ['conflict-marker', 22, 1],
      ['conflict-marker', 30, 1],
    ],
  },
  {
    name: 'git conflict markers inside a double-quoted scalar',
    lines: [
      ...HEAD,
      ...block('a').slice(0, 4),
      '    quote: "My assigned mentor',
      '<<<<<<< HEAD',
      '    was a chief',
      '=======',
      '    was a resident',
      '>>>>>>> b',
      '    I had never met"',
      '    prefix: ""',
      '    suffix: ""',
    ],
    expected: [
      ['conflict-marker', 12, 1],
      ['conflict-marker', 14, 1],
      ['conflict-marker', 16, 1],
    ],
  },
  {
    name: 'diff3 conflict markers (|||||||)',
    lines: [
      ...HEAD,
      '<<<<<<< HEAD',
      ...block('a'),
      '||||||| merged common ancestors',
      ...block('b'),
      '=======',
      ...block('c'),
      '>>>>>>> theirs',
    ],
    expected: [
      ['conflict-marker', 7, 1],
      ['conflict-marker', 15, 1],
      ['conflict-marker', 23, 1],
      ['conflict-marker', 31, 1],
    ],
  },
  {
    name: 'duplicate coding ids',
    lines: [...HEAD, ...block('a'), ...block('b'), ...block('a', ROUNDS.start, ROUNDS.end)],
    expected: [['duplicate-id', 21, 9]],
  },
  { name: 'end before start', lines: [...HEAD, ...block('a'), ...block('b', 50, 40)], expected: [['offsets', 17, 10]] },
  { name: 'a negative offset', lines: [...HEAD, ...block('a', -1, 5)], expected: [['schema', 9, 12]] },
  { name: 'a fractional offset', lines: [...HEAD, ...block('a', 1.5, 5)], expected: [['schema', 9, 12]] },
  {
    name: 'an offset written as a string',
    lines: [...HEAD, ...block('a').map((l) => l.replace(/start: (\d+)/, 'start: "$1"'))],
    expected: [['schema', 9, 12]],
  },
  {
    name: 'an alias bomb (billion laughs)',
    lines: [...HEAD.slice(0, 5), ...BILLION_LAUGHS, 'codings: []'],
    expected: [['yaml-alias', 6, 7]],
  },
  {
    name: 'a simple anchor and alias',
    lines: [
      ...HEAD,
      '  - id: a',
      '    code: &c burnout',
      `    start: ${MENTOR.start}`,
      `    end: ${MENTOR.end}`,
      '  - id: b',
      '    code: *c',
      `    start: ${ROUNDS.start}`,
      `    end: ${ROUNDS.end}`,
    ],
    expected: [['yaml-alias', 8, 14]],
  },
  {
    name: 'a merge key (<<: *alias)',
    lines: [
      ...HEAD,
      '  - &base',
      '    id: a',
      '    code: burnout',
      '    start: 1',
      '    end: 2',
      '  - <<: *base',
      '    id: c',
    ],
    expected: [['yaml-alias', 8, 5]],
  },
  {
    name: 'an unknown key in a coding',
    lines: [...HEAD, ...block('a'), '    colour: red'],
    expected: [['unknown-key', 14, 5]],
  },
  {
    name: 'an unknown top-level key',
    lines: [...HEAD.slice(0, 5), 'notes: keep me', 'codings: []'],
    expected: [['unknown-key', 6, 1]],
  },
  { name: 'an unknown status', lines: [...HEAD, ...block('a'), '    status: done'], expected: [['schema', 14, 13]] },
  {
    name: 'a newer format version',
    lines: ['# c', 'grounded: 2', ...HEAD.slice(2), ...block('a')],
    expected: [['version', 2, 11]],
  },
  { name: 'no format version', lines: ['# c', ...HEAD.slice(2), ...block('a')], expected: [['schema', 2, 1]] },
  {
    name: 'a coding without code',
    lines: [...HEAD, '  - id: a', `    start: ${MENTOR.start}`, `    end: ${MENTOR.end}`],
    expected: [['schema', 7, 5]],
  },
  {
    name: 'a coding without start',
    lines: [...HEAD, '  - id: a', '    code: burnout', `    end: ${MENTOR.end}`],
    expected: [['schema', 7, 5]],
  },
  {
    name: 'a sidecar without transcript',
    lines: ['# c', 'grounded: 1', 'coder: amara', `textHash: "${HASH}"`, 'codings: []'],
    expected: [['schema', 2, 1]],
  },
  { name: 'a sidecar that is a list', lines: ['- grounded: 1'], expected: [['schema', 1, 1]] },
  {
    // yaml keeps the value and drops the tag: the next rewrite would lose it without a word.
    name: 'an unknown YAML tag',
    lines: [...HEAD, ...block('a'), '    memo: !js/function "function () {}"'],
    expected: [['yaml-tag', 14, 11]],
  },
  {
    name: 'a coder line that is not the coder of the file name (our own layout)',
    lines: [...HEAD.slice(0, 3), 'coder: jonas', ...HEAD.slice(4), ...block('a')],
    expected: [['coder-mismatch', 4, 1]],
  },
  {
    name: 'a coder line that is not the coder of the file name (hand-written YAML)',
    lines: [...HEAD.slice(0, 3), "coder: 'jonas' # edited", ...HEAD.slice(4), ...block('a')],
    expected: [['coder-mismatch', 4, 1]],
  },
];

const CODEBOOK_HEAD = ['# Grounded codebook.', 'grounded: 1', 'codes:'];
const CODEBOOK_CASES: readonly RefusalCase[] = [
  {
    name: 'duplicate code ids',
    lines: [
      ...CODEBOOK_HEAD,
      '  - id: burnout',
      '    name: Burnout',
      '  - id: mentoring',
      '    name: Mentoring',
      '  - id: burnout',
      '    name: Burnout again',
    ],
    expected: [['duplicate-id', 8, 9]],
  },
  {
    name: 'malformed YAML',
    lines: [
      ...CODEBOOK_HEAD,
      '  - id: burnout',
      '    name: Burnout: exhausted',
      '  - id: mentoring',
      '    name: Mentoring',
    ],
    expected: [['yaml-syntax', 5, 11]],
  },
  {
    name: 'git conflict markers',
    lines: [
      ...CODEBOOK_HEAD,
      '<<<<<<< HEAD',
      '  - id: burnout',
      '    name: Burnout',
      '=======',
      '  - id: burnout',
      '    name: Exhaustion',
      '>>>>>>> b',
    ],
    expected: [
      ['conflict-marker', 4, 1],
      ['conflict-marker', 7, 1],
      ['conflict-marker', 10, 1],
    ],
  },
  {
    name: 'a parent cycle',
    lines: [...CODEBOOK_HEAD, '  - id: a', '    name: A', '    parent: b', '  - id: b', '    name: B', '    parent: a'],
    expected: [
      ['parent-cycle', 6, 13],
      ['parent-cycle', 9, 13],
    ],
  },
  {
    name: 'an unknown parent',
    lines: [...CODEBOOK_HEAD, '  - id: a', '    name: A', '    parent: zz'],
    expected: [['unknown-code', 6, 13]],
  },
  {
    name: 'an unknown key',
    lines: [...CODEBOOK_HEAD, '  - id: a', '    name: A', '    colour: "#ffffff"'],
    expected: [['unknown-key', 6, 5]],
  },
  {
    name: 'a bad colour',
    lines: [...CODEBOOK_HEAD, '  - id: a', '    name: A', '    color: red'],
    expected: [['schema', 6, 12]],
  },
  {
    name: 'a code id with a space',
    lines: [...CODEBOOK_HEAD, '  - id: a b', '    name: A'],
    expected: [['schema', 4, 9]],
  },
  { name: 'a code without name', lines: [...CODEBOOK_HEAD, '  - id: a'], expected: [['schema', 4, 5]] },
  { name: 'a newer format version', lines: ['# c', 'grounded: 3', 'codes: []'], expected: [['version', 2, 11]] },
  {
    name: 'an anchor',
    lines: [...CODEBOOK_HEAD, '  - id: a', '    name: &n A', '  - id: b', '    name: *n'],
    expected: [['yaml-alias', 5, 14]],
  },
  {
    name: 'an unknown YAML tag',
    lines: [...CODEBOOK_HEAD, '  - id: a', '    name: !!python/name:os.system A'],
    expected: [['yaml-tag', 5, 11]],
  },
];

function fileBytes(testCase: RefusalCase): Uint8Array {
  const text = testCase.lines.join('\n') + '\n';
  return utf8(testCase.crlf ? text.replace(/\n/g, '\r\n') : text);
}

async function noTempFiles(study: Fixture): Promise<void> {
  assert.deepEqual(
    (await study.files()).filter((path) => path.includes('.tmp')),
    [],
  );
}

describe('refusals: a file that fails to load is reported with its place and never written', () => {
  it('the conflict-marker scan matters: yaml alone misplaces them or reads them as data', () => {
    const lines = SIDECAR_CASES.find((c) => c.name.includes('double-quoted'))?.lines ?? [];
    // Inside the codings list, yaml alone blames the opening quote, not the markers.
    assert.throws(() => yamlParse(lines.join('\n') + '\n'), /Missing closing "quote at line 11/);
    // A top-level quoted scalar swallows them silently.
    const silent = '"ours\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> b\n"\n';
    assert.equal(yamlParse(silent), 'ours <<<<<<< HEAD mine ======= theirs >>>>>>> b ');
    const safe = parseYamlSafely('memory:/study/x.yaml', silent);
    assert.equal(safe.ok, false);
    assert.deepEqual(
      safe.ok ? [] : places(safe.problems),
      [2, 4, 6].map((line) => ({ kind: 'conflict-marker', line, column: 1, file: 'x.yaml' })),
    );
  });

  it('the alias bomb is refused fast', () => {
    const started = Date.now();
    const parsed = parseCodebook(
      'memory:/study/codebook.yaml',
      ['grounded: 1', ...BILLION_LAUGHS, 'codes: []'].join('\n'),
    );
    assert.equal(parsed.ok, false);
    assert.ok(Date.now() - started < 1000, 'no expansion');
  });

  for (const adapter of ADAPTERS) {
    describe(`sidecars (${adapter.name})`, () => {
      for (const testCase of SIDECAR_CASES) {
        it(`refuses ${testCase.name}`, async () => {
          const bytes = fileBytes(testCase);
          const study = await adapter.make({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT, [SIDECAR]: bytes });
          try {
            const uri = study.uri(SIDECAR);
            const expected = testCase.expected.map(([kind, line, column]) => ({ kind, line, column, file: SIDECAR }));
            // Reading.
            assert.deepEqual(places(await loadErrorOf(readChecked(study.fs, uri, sidecarCodec))), expected);
            // Every way of writing.
            const transcript = await study.transcript('P07.txt');
            const attempts = [
              () => addCodings(study.fs, transcript, 'amara', [{ code: 'mentoring', ...ROUNDS }]),
              () => removeCodings(study.fs, transcript, 'amara', new Set(['a'])),
              () => editCoding(study.fs, transcript, 'amara', 'a', { memo: 'x' }),
              () => updateFile(study.fs, uri, sidecarCodec, (sidecar) => sidecar && { ...sidecar, codings: [] }),
              () =>
                mergeCodes(study.fs, study.uri('codebook.yaml'), [uri], 'burnout', 'mentoring', {
                  codes: parseCodebookOk(CODEBOOK),
                }),
              () =>
                deleteCode(study.fs, study.uri('codebook.yaml'), [uri], 'burnout', 1, true, {
                  codes: parseCodebookOk(CODEBOOK),
                }),
            ];
            for (const attempt of attempts) assert.deepEqual(places(await loadErrorOf(attempt())), expected);
            bytesEqual(await study.read(SIDECAR), bytes, 'the sidecar is byte-identical');
            bytesEqual(await study.read('codebook.yaml'), utf8(CODEBOOK), 'the codebook is untouched');
            await noTempFiles(study);
            // Loading the study: the same problems, the transcript still loads, nothing written.
            const loaded = await loadStudy(study.fs, study.root);
            assert.deepEqual(places(loaded.problems), expected);
            assert.ok(loaded.problems.every((p) => p.uri === uri && p.severity === 'error'));
            assert.equal(loaded.transcripts.length, 1);
            assert.deepEqual(loaded.transcripts[0]?.sidecars, []);
            bytesEqual(await study.read(SIDECAR), bytes);
            // The message names the file and the place, compiler-style.
            const first = loaded.problems[0];
            assert.ok(first);
            assert.match(
              formatProblem(first, (u) => u.slice(u.lastIndexOf('/') + 1)),
              new RegExp(`^${SIDECAR.replace(/\./g, '\\.')}:${first.line}:${first.column}: error: `),
            );
          } finally {
            await study.cleanup();
          }
        });
      }

      it('refuses offsets past the end of the text when the textHash matches (loadStudy and writes)', async () => {
        const length = [...TRANSCRIPT].length;
        const bytes = utf8([...HEAD, ...block('a'), ...block('b', length - 3, length + 5)].join('\n') + '\n');
        const study = await adapter.make({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT, [SIDECAR]: bytes });
        try {
          const expected = [{ kind: 'offsets', line: 14, column: 5, file: SIDECAR }];
          const loaded = await loadStudy(study.fs, study.root);
          assert.deepEqual(places(loaded.problems), expected);
          assert.match(
            loaded.problems[0]?.message ?? '',
            new RegExp(`end ${length + 5} is past the end of the transcript \\(${length} code points\\)`),
          );
          assert.deepEqual(loaded.transcripts[0]?.sidecars, []);
          const transcript = await study.transcript('P07.txt');
          assert.deepEqual(
            places(await loadErrorOf(addCodings(study.fs, transcript, 'amara', [{ code: 'mentoring', ...ROUNDS }]))),
            expected,
          );
          assert.deepEqual(
            places(await loadErrorOf(removeCodings(study.fs, transcript, 'amara', new Set(['a'])))),
            expected,
          );
          bytesEqual(await study.read(SIDECAR), bytes, 'the sidecar is byte-identical');
          await noTempFiles(study);
        } finally {
          await study.cleanup();
        }
      });

      it('re-anchors (does not refuse) offsets past the end when the transcript changed', async () => {
        const edited = TRANSCRIPT.slice(0, TRANSCRIPT.indexOf('\n\nP07: I found'));
        const bytes = utf8(
          [
            ...HEAD,
            ...block('a', MENTOR.start, MENTOR.end, 'assigned-mentor'),
            ...block('b', ROUNDS.start, ROUNDS.end, 'mentoring'),
          ]
            .join('\n')
            .replace(/quote: "q"/g, 'quote: "x"') + '\n',
        );
        const study = await adapter.make({ 'codebook.yaml': CODEBOOK, 'P07.txt': edited, [SIDECAR]: bytes });
        try {
          const loaded = await loadStudy(study.fs, study.root);
          assert.ok(loaded.problems.every((p) => p.kind !== 'offsets'));
          assert.equal(loaded.transcripts[0]?.sidecars[0]?.reanchored, true);
          assert.deepEqual(
            loaded.transcripts[0]?.sidecars[0]?.sidecar.codings.map((c) => c.id).sort(),
            ['a', 'b'],
            'no coding dropped',
          );
          bytesEqual(await study.read(SIDECAR), bytes, 'loading never writes');
        } finally {
          await study.cleanup();
        }
      });
    });

    describe(`codebook (${adapter.name})`, () => {
      for (const testCase of CODEBOOK_CASES) {
        it(`refuses ${testCase.name}`, async () => {
          const bytes = fileBytes(testCase);
          const sidecar = utf8([...HEAD, ...block('a', MENTOR.start, MENTOR.end, 'a')].join('\n') + '\n');
          const study = await adapter.make({ 'codebook.yaml': bytes, 'P07.txt': TRANSCRIPT, [SIDECAR]: sidecar });
          try {
            const uri = study.uri('codebook.yaml');
            const expected = testCase.expected.map(([kind, line, column]) => ({
              kind,
              line,
              column,
              file: 'codebook.yaml',
            }));
            assert.deepEqual(places(await loadErrorOf(readChecked(study.fs, uri, codebookCodec))), expected);
            const twoCodes = {
              codes: [
                { id: 'a', name: 'A' },
                { id: 'b', name: 'B' },
              ],
            };
            const attempts = [
              () => editCodebook(study.fs, uri, (codebook) => codebookEdits.add(codebook, 'new-code', { name: 'New' })),
              () => editCodebook(study.fs, uri, (codebook) => codebook),
              () => mergeCodes(study.fs, uri, [study.uri(SIDECAR)], 'a', 'b', twoCodes),
              () => deleteCode(study.fs, uri, [study.uri(SIDECAR)], 'a', 1, true, twoCodes),
            ];
            for (const attempt of attempts) assert.deepEqual(places(await loadErrorOf(attempt())), expected);
            bytesEqual(await study.read('codebook.yaml'), bytes, 'the codebook is byte-identical');
            bytesEqual(await study.read(SIDECAR), sidecar, 'no sidecar was touched either');
            await noTempFiles(study);
            const loaded = await loadStudy(study.fs, study.root);
            assert.equal(loaded.codebookLoaded, false);
            assert.deepEqual(places(loaded.problems.filter((p) => p.uri === uri)), expected);
          } finally {
            await study.cleanup();
          }
        });
      }
    });
  }
});

function parseCodebookOk(text: string) {
  const parsed = parseCodebook('memory:/study/codebook.yaml', text);
  if (!parsed.ok) assert.fail(JSON.stringify(parsed.problems));
  return parsed.value.codes;
}

describe('coding operations refuse bad ranges and write nothing', () => {
  for (const adapter of ADAPTERS) {
    it(`addCodings and editCoding (${adapter.name})`, async () => {
      const study = await adapter.make({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
      try {
        const transcript = await study.transcript('P07.txt');
        const length = [...TRANSCRIPT].length;
        for (const [start, end] of [
          [10, 5],
          [5, 5],
          [-1, 3],
          [0, length + 1],
          [1.5, 4],
          [Number.NaN, 4],
        ] as const) {
          await assert.rejects(
            addCodings(study.fs, transcript, 'amara', [{ code: 'burnout', start, end }]),
            CodingRangeError,
            `${start}–${end}`,
          );
        }
        assert.equal(await study.read(SIDECAR), undefined, 'no sidecar created');
        await addCodings(study.fs, transcript, 'amara', [{ id: 'a', code: 'burnout', ...MENTOR }]);
        const bytes = await study.read(SIDECAR);
        await assert.rejects(editCoding(study.fs, transcript, 'amara', 'a', { end: length + 10 }), CodingRangeError);
        await assert.rejects(editCoding(study.fs, transcript, 'amara', 'a', { start: MENTOR.end }), CodingRangeError);
        bytesEqual(await study.read(SIDECAR), bytes);
        assert.deepEqual(
          (await study.files()).filter((f) => f.endsWith('.tmp')),
          [],
        );
      } finally {
        await study.cleanup();
      }
    });
  }

  it('addCodings does not add the same coding twice, within one call or across calls', async () => {
    const study = await memoryFixture({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
    const transcript = await study.transcript('P07.txt');
    const added = await addCodings(study.fs, transcript, 'amara', [
      { code: 'burnout', ...MENTOR },
      { code: 'burnout', ...MENTOR },
      { code: 'mentoring', ...MENTOR },
    ]);
    assert.deepEqual(
      added.map((c) => c.code),
      ['burnout', 'mentoring'],
    );
    assert.deepEqual(await addCodings(study.fs, transcript, 'amara', [{ code: 'burnout', ...MENTOR }]), []);
    const loaded = await loadStudy(study.fs, study.root);
    assert.equal(loaded.transcripts[0]?.sidecars[0]?.sidecar.codings.length, 2);
  });

  it('addCodings skips the same duplicates when it adds many codings at once (all turns of a speaker)', async () => {
    const study = await memoryFixture({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
    const transcript = await study.transcript('P07.txt');
    await addCodings(study.fs, transcript, 'amara', [{ id: 'redo-1', code: 'burnout', ...MENTOR }]);
    // More additions than are looked for one by one: the duplicates are found through sets of keys.
    const many = Array.from({ length: 12 }, (_, index) => ({ code: 'mentoring', start: index, end: index + 3 }));
    const added = await addCodings(study.fs, transcript, 'amara', [
      { code: 'burnout', ...MENTOR }, // the coding already there
      { id: 'redo-1', code: 'mentoring', ...ROUNDS }, // its id already there
      ...many,
      { code: 'mentoring', start: 0, end: 3 }, // repeated in the same call
      { id: 'redo-2', code: 'mentoring', ...ROUNDS },
      { id: 'redo-2', code: 'burnout', ...ROUNDS }, // an id repeated in the same call
    ]);
    assert.deepEqual(
      added.map((c) => `${c.code} ${c.start}-${c.end}`),
      [...many.map((c) => `mentoring ${c.start}-${c.end}`), `mentoring ${ROUNDS.start}-${ROUNDS.end}`],
    );
    const loaded = await loadStudy(study.fs, study.root);
    assert.deepEqual(loaded.problems, [], 'the sidecar still loads');
    assert.equal(loaded.transcripts[0]?.sidecars[0]?.sidecar.codings.length, 14);
  });

  it('addCodings never writes a duplicate id, even when the caller supplies one twice (a replayed redo)', async () => {
    const study = await memoryFixture({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
    const transcript = await study.transcript('P07.txt');
    await addCodings(study.fs, transcript, 'amara', [{ id: 'redo-1', code: 'burnout', ...MENTOR }]);
    const replay = await addCodings(study.fs, transcript, 'amara', [
      { id: 'redo-1', code: 'mentoring', ...ROUNDS },
      { id: 'redo-2', code: 'mentoring', ...ROUNDS },
      { id: 'redo-2', code: 'burnout', ...ROUNDS },
    ]);
    assert.deepEqual(
      replay.map((c) => [c.id, c.code]),
      [['redo-2', 'mentoring']],
    );
    const loaded = await loadStudy(study.fs, study.root);
    assert.deepEqual(loaded.problems, [], 'the sidecar still loads');
    assert.deepEqual(
      loaded.transcripts[0]?.sidecars[0]?.sidecar.codings.map((c) => c.id),
      ['redo-1', 'redo-2'],
    );
  });
});
