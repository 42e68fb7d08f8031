import assert from 'node:assert/strict';
import type { Code, Coding, Sidecar } from '../../../src/core/model';
import {
  parseSidecar,
  serializeSidecar,
  sidecarFileName,
  parseSidecarFileName,
} from '../../../src/core/sidecar/format';
import { parseCodebook, serializeCodebook } from '../../../src/core/codebook/format';
import { parseSettings, initialSettingsText, DEFAULT_SETTINGS } from '../../../src/core/settings/format';
import { parseMemo } from '../../../src/core/memos/format';
import { yamlQuoted, yamlString } from '../../../src/core/yaml/emit';
import { parse as yamlParse } from 'yaml';
import { CODEBOOK, TRANSCRIPT, fromUtf8, memoryFixture, rangeOf } from './helpers';
import { addCodings, editCoding } from '../../../src/core/study/coding-operations';

/** Strings that YAML could read as something else, or that a naive emitter would mangle. */
const TRICKY = [
  'He said "no" \\ then\nleft\tagain',
  'yes',
  'no',
  'No',
  'true',
  'False',
  'null',
  'Null',
  '~',
  'y',
  'n',
  'on',
  'off',
  '123',
  '007',
  '1e3',
  '0x1F',
  '0o17',
  '-1.5',
  '.inf',
  '.NaN',
  '2024-03-01',
  '12:30:00',
  '-',
  '- item',
  ': colon',
  'a: b',
  'key:value',
  '#hash',
  'a #b',
  '  leading spaces',
  'trailing spaces  ',
  ' ',
  "'single'",
  '"double"',
  '[flow, seq]',
  '{a: 1}',
  '&anchor',
  '*alias',
  '!tag',
  '!!str x',
  '%YAML 1.2',
  '@at',
  '`tick`',
  '---',
  '...',
  '|',
  '>',
  '? q',
  'ölçü Ünïcödé',
  'emoji 👩🏽‍⚕️ and 🎉',
  'astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'C1 \u0080\u0085\u009f controls',
  'DEL \u007f',
  'line\u2028separator\u2029paragraph',
  'nbsp\u00a0and zwj\u200d',
  'bom\ufeffinside',
  'nul \u0000 bell \u0007 esc \u001b',
  'cr\rlf\ncrlf\r\n',
  'backslash at end \\',
  'tab\tonly',
  '<<<<<<< not at line start',
  '\\u0041 literal escape text',
];

function coding(id: string, code: string, start: number, end: number, extra: Partial<Coding> = {}): Coding {
  return { id, code, start, end, quote: 'q', prefix: 'p', suffix: 's', by: 'amara', ...extra };
}

function sidecarWith(codings: Coding[], overrides: Partial<Sidecar> = {}): Sidecar {
  return { transcript: 'P07.txt', coder: 'amara', textHash: 'sha256:' + 'ab'.repeat(32), codings, ...overrides };
}

function parsedSidecar(text: string): Sidecar {
  const parsed = parseSidecar('memory:/study/P07.amara.codes.yaml', text);
  if (!parsed.ok) assert.fail(`sidecar did not parse: ${JSON.stringify(parsed.problems, null, 2)}\n${text}`);
  return parsed.value.sidecar;
}

function parsedCodebook(text: string): readonly Code[] {
  const parsed = parseCodebook('memory:/study/codebook.yaml', text);
  if (!parsed.ok) assert.fail(`codebook did not parse: ${JSON.stringify(parsed.problems, null, 2)}\n${text}`);
  return parsed.value.codes;
}

/** A seeded shuffle (mulberry32), so a failure reproduces. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const CANONICAL_SIDECAR = [
  '# Grounded codings of P07.txt by amara. Offsets are Unicode code points (LF line ends), end exclusive.',
  'grounded: 1',
  'transcript: P07.txt',
  'coder: amara',
  'textHash: "sha256:0b7c2b2a4d3c6f1e9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f3021"',
  'codings:',
  '  - id: c-early',
  '    code: assigned-mentor',
  '    start: 58',
  '    end: 101',
  '    quote: "My assigned mentor was a chief I had never met"',
  '    prefix: "P07: The program gave us a list. "',
  '    suffix: ".\\n\\nInterviewer: What did you do in"',
  '  - id: "3f0c9a4e-8d7b-4c1a-9e2f-5b6a7c8d9e0f"',
  '    code: burnout',
  '    start: 58',
  '    end: 101',
  '    quote: "My assigned mentor was a chief I had never met"',
  '    prefix: "P07: The program gave us a list. "',
  '    suffix: ".\\n\\nInterviewer: What did you do in"',
  '    memo: "Not burnout itself — \\"a box to tick\\"."',
  '  - id: c-late',
  '    code: informal-mentor',
  '    start: 170',
  '    end: 203',
  '    quote: "An attending stayed after rounds"',
  '    prefix: "ere\\tI found my own people. "',
  '    suffix: " and walked through cases with m"',
  '    status: needs-review',
  '',
].join('\n');

describe('core formats: byte-for-byte round trips', () => {
  describe('sidecar', () => {
    it('re-serializes a hand-written canonical sidecar identically, and parses every field', () => {
      const sidecar = parsedSidecar(CANONICAL_SIDECAR);
      assert.equal(serializeSidecar(sidecar), CANONICAL_SIDECAR);
      assert.equal(sidecar.transcript, 'P07.txt');
      assert.equal(sidecar.coder, 'amara');
      assert.deepEqual(
        sidecar.codings.map((c) => [c.id, c.code, c.start, c.end, c.by, c.status, c.memo]),
        [
          ['c-early', 'assigned-mentor', 58, 101, 'amara', undefined, undefined],
          [
            '3f0c9a4e-8d7b-4c1a-9e2f-5b6a7c8d9e0f',
            'burnout',
            58,
            101,
            'amara',
            undefined,
            'Not burnout itself — "a box to tick".',
          ],
          ['c-late', 'informal-mentor', 170, 203, 'amara', 'needs-review', undefined],
        ],
      );
      assert.equal(sidecar.codings[2]?.prefix, 'ere\tI found my own people. ');
      assert.equal(sidecar.codings[0]?.suffix, '.\n\nInterviewer: What did you do in');
    });

    it('writes an empty sidecar as "codings: []" and reads it back', () => {
      const text = serializeSidecar(sidecarWith([]));
      assert.match(text, /\ncodings: \[\]\n$/);
      assert.deepEqual(parsedSidecar(text).codings, []);
      assert.equal(serializeSidecar(parsedSidecar(text)), text);
    });

    it('keeps every tricky string exactly, in every string field (serialize → parse → serialize)', () => {
      const codings = TRICKY.map((value, index) =>
        coding(value, value, index, index + 1, {
          quote: value,
          prefix: value,
          suffix: value,
          memo: value.trim() === '' ? 'blank' : value,
        }),
      );
      const all = sidecarWith(codings);
      assert.deepEqual(parsedSidecar(serializeSidecar(all)).codings, codings);
      for (const transcript of TRICKY) {
        // Transcript file names may hold any of these, line breaks included (legal on Linux).
        const sidecar = sidecarWith(codings.slice(0, 2), { transcript, textHash: transcript });
        const text = serializeSidecar(sidecar);
        const back = parsedSidecar(text);
        assert.equal(back.transcript, transcript);
        assert.equal(back.textHash, transcript);
        assert.deepEqual(
          back.codings,
          codings.slice(0, 2),
          `codings changed for transcript ${JSON.stringify(transcript)}`,
        );
        assert.equal(serializeSidecar(back), text);
      }
    });

    it('keeps each tricky string on its own line (no folding, no raw line breaks or controls)', () => {
      const text = serializeSidecar(
        sidecarWith(
          TRICKY.map((value, index) =>
            coding(`c${index}`, 'x', index, index + 1, { quote: value, prefix: value, suffix: value }),
          ),
        ),
      );
      // The comment line, 6 header lines and 7 lines per coding: nothing spills over.
      assert.equal(text.split('\n').length, 1 + 5 + TRICKY.length * 7 + 1);
      // eslint-disable-next-line no-control-regex -- the point is to find raw control characters
      assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufeff]/);
      assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
    });

    it('quotes yes/no/true/numeric-looking coder ids and reads them back as strings', () => {
      for (const coder of ['yes', 'no', 'true', 'null', 'y', 'n', 'on', '123', '1e3', '0x1f', '007']) {
        const text = serializeSidecar(sidecarWith([coding('1', '2', 0, 1, { by: coder })], { coder }));
        const back = parsedSidecar(text);
        assert.equal(back.coder, coder);
        assert.equal(back.codings[0]?.id, '1');
        assert.equal(back.codings[0]?.code, '2');
        assert.equal(back.codings[0]?.by, coder);
        assert.equal(serializeSidecar(back), text);
      }
    });

    it('writes the same bytes whatever the order of codings and of object keys', () => {
      const codings = [
        coding('b', 'burnout', 10, 20),
        coding('a', 'burnout', 10, 20),
        coding('c', 'assigned', 10, 20),
        coding('d', 'assigned', 10, 15),
        coding('e', 'zeta', 2, 30, { memo: 'm', status: 'orphan' }),
        coding('f', 'alpha', 40, 41),
      ];
      const expected = serializeSidecar(sidecarWith(codings));
      assert.deepEqual(
        parsedSidecar(expected).codings.map((c) => c.id),
        ['e', 'd', 'c', 'a', 'b', 'f'],
        'sorted by start, end, code, id',
      );
      for (let seed = 1; seed <= 25; seed++) {
        const reordered = shuffled(codings, seed).map(
          (c) => Object.fromEntries(shuffled(Object.entries(c), seed)) as unknown as Coding,
        );
        const header = Object.fromEntries(shuffled(Object.entries(sidecarWith(reordered)), seed)) as unknown as Sidecar;
        assert.equal(serializeSidecar(header), expected, `seed ${seed}`);
      }
    });

    it('keeps a coding’s assisted provenance (after memo, before status) and leaves codings without it unchanged', () => {
      const assisted = coding('a', 'x', 0, 1, { memo: 'm', assisted: 'copilot/gpt-4o "2024"', status: 'orphan' });
      const text = serializeSidecar(sidecarWith([assisted, coding('b', 'x', 2, 3)]));
      assert.ok(
        text.includes('\n    memo: "m"\n    assisted: "copilot/gpt-4o \\"2024\\""\n    status: orphan\n'),
        text,
      );
      const back = parsedSidecar(text);
      assert.equal(back.codings[0]?.assisted, 'copilot/gpt-4o "2024"');
      assert.equal(back.codings[1]?.assisted, undefined);
      assert.equal(serializeSidecar(back), text);
      // A file written before the field existed reads and writes back byte for byte.
      assert.equal(serializeSidecar(parsedSidecar(CANONICAL_SIDECAR)), CANONICAL_SIDECAR);
      assert.doesNotMatch(CANONICAL_SIDECAR, /assisted/);
    });

    it('omits an empty memo and an absent status rather than writing empty lines', () => {
      const text = serializeSidecar(sidecarWith([coding('a', 'x', 0, 1, { memo: '' })]));
      assert.doesNotMatch(text, /memo|status/);
    });

    it('names sidecar files by transcript stem and coder, and reads the name back', () => {
      assert.equal(sidecarFileName('P07.txt', 'amara'), 'P07.amara.codes.yaml');
      assert.equal(sidecarFileName('P07.v2.txt', 'jonas'), 'P07.v2.jonas.codes.yaml');
      assert.deepEqual(parseSidecarFileName('P07.v2.jonas.codes.yaml'), { stem: 'P07.v2', coder: 'jonas' });
      assert.equal(parseSidecarFileName('P07.Amara.codes.yaml'), undefined, 'coder ids are lowercase');
      assert.equal(parseSidecarFileName('codes.yaml'), undefined);
    });
  });

  describe('codebook', () => {
    it('re-serializes a hand-written canonical codebook identically', () => {
      const codes = parsedCodebook(CODEBOOK);
      assert.equal(serializeCodebook({ codes }), CODEBOOK);
      assert.deepEqual(
        codes.map((c) => [c.id, c.name, c.parent, c.color]),
        [
          ['assigned-mentor', 'Assigned mentor', 'mentoring', '#4e79a7'],
          ['burnout', 'Burnout', undefined, '#e15759'],
          ['informal-mentor', 'Informal mentor', 'mentoring', '#f28e2b'],
          ['mentoring', 'Mentoring', undefined, '#76b7b2'],
        ],
      );
    });

    it('keeps tricky names, definitions and memos exactly', () => {
      const codes: Code[] = TRICKY.filter((t) => t !== '').map((value, index) => ({
        id: `c${String(index).padStart(3, '0')}`,
        name: value,
        definition: value,
        memo: value,
        color: '#00ff7F',
        guid: value,
      }));
      const text = serializeCodebook({ codes });
      const back = parsedCodebook(text);
      assert.deepEqual(back, codes);
      assert.equal(serializeCodebook({ codes: back }), text);
    });

    it('keeps yes/no/true/numeric-looking and unicode code ids as strings, parents included', () => {
      const ids = [
        'yes',
        'no',
        'true',
        'null',
        'on',
        'y',
        '123',
        '1e3',
        '0x1F',
        '1.5',
        'über',
        'código_1',
        '日本語',
        'a.b-c_d',
      ];
      const codes: Code[] = ids.map((id, index) => ({
        id,
        name: `Name ${index}`,
        ...(index > 0 ? { parent: ids[0] as string } : {}),
      }));
      const text = serializeCodebook({ codes });
      const back = parsedCodebook(text);
      assert.deepEqual(
        [...back].sort((a, b) => (a.id < b.id ? -1 : 1)),
        [...codes].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      assert.equal(serializeCodebook({ codes: back }), text);
      assert.ok(
        back.every((c) => typeof c.id === 'string' && (c.parent === undefined || typeof c.parent === 'string')),
      );
    });

    it('writes names plainly when YAML allows and quotes the ones it must', () => {
      const text = serializeCodebook({
        codes: [
          { id: 'a', name: 'Time pressure (night shifts), O’Brien/Ng' },
          { id: 'b', name: 'yes' },
          { id: 'c', name: 'Trailing ' },
          { id: 'd', name: 'Colon: here' },
        ],
      });
      assert.match(text, /^ {4}name: Time pressure \(night shifts\), O’Brien\/Ng$/m);
      assert.match(text, /^ {4}name: "yes"$/m);
      assert.match(text, /^ {4}name: "Trailing "$/m);
      assert.match(text, /^ {4}name: "Colon: here"$/m);
      assert.deepEqual(
        parsedCodebook(text).map((c) => c.name),
        ['Time pressure (night shifts), O’Brien/Ng', 'yes', 'Trailing ', 'Colon: here'],
      );
    });

    it('writes the same bytes whatever the order of codes and keys', () => {
      const codes = parsedCodebook(CODEBOOK);
      for (let seed = 1; seed <= 10; seed++) {
        const reordered = shuffled(codes, seed).map(
          (c) => Object.fromEntries(shuffled(Object.entries(c), seed)) as unknown as Code,
        );
        assert.equal(serializeCodebook({ codes: reordered }), CODEBOOK, `seed ${seed}`);
      }
    });
  });

  describe('YAML scalars', () => {
    it('yamlString and yamlQuoted read back as the same string through the real yaml parser', () => {
      for (const value of TRICKY) {
        for (const emitted of [yamlString(value), yamlQuoted(value)]) {
          const back: unknown = yamlParse(`key: ${emitted}\n`, { version: '1.2', strict: true });
          assert.deepEqual(back, { key: value }, `emitted ${emitted}`);
          // YAML 1.1 readers (PyYAML, R's yaml) must not see a boolean or number either.
          const v11: unknown = yamlParse(`key: ${emitted}\n`, { version: '1.1' });
          assert.deepEqual(v11, { key: value }, `YAML 1.1 reading of ${emitted}`);
        }
      }
    });

    it('leaves slugs plain and quotes everything else', () => {
      assert.equal(yamlString('assigned-mentor'), 'assigned-mentor');
      assert.equal(yamlString('P07.txt'), 'P07.txt');
      assert.equal(yamlString('yes'), '"yes"');
      assert.equal(yamlString('123'), '"123"');
      assert.equal(yamlString('a b'), '"a b"');
      assert.equal(yamlQuoted('\u0085'), '"\\u0085"');
    });
  });

  describe('settings and memos', () => {
    it('grounded init settings parse back to the defaults plus what was given', () => {
      const text = initialSettingsText({
        transcripts: ['transcripts/**/*.txt'],
        surveyFile: 'data/survey #1.csv',
        idColumn: 'pid',
        participantPattern: '^(?<id>P\\d+)',
      });
      const parsed = parseSettings('memory:/study/grounded.yaml', text);
      if (!parsed.ok) assert.fail(JSON.stringify(parsed.problems));
      assert.deepEqual(parsed.value, {
        ...DEFAULT_SETTINGS,
        transcripts: ['transcripts/**/*.txt'],
        survey: { ...DEFAULT_SETTINGS.survey, files: ['data/survey #1.csv'], idColumn: 'pid' },
        participants: { pattern: '^(?<id>P\\d+)', overrides: {} },
      });
      const commented = parseSettings(
        'memory:/study/grounded.yaml',
        initialSettingsText({ transcripts: ['**/*.txt'] }),
      );
      if (!commented.ok) assert.fail(JSON.stringify(commented.problems));
      assert.equal(commented.value.participants.pattern, undefined);
    });

    it('an empty grounded.yaml means the defaults', () => {
      const parsed = parseSettings('memory:/study/grounded.yaml', '# nothing yet\n');
      if (!parsed.ok) assert.fail(JSON.stringify(parsed.problems));
      assert.deepEqual(parsed.value, DEFAULT_SETTINGS);
    });

    it('reads a memo’s front matter, and a memo without one', () => {
      const memo = parseMemo(
        'memory:/study/memos/m.md',
        '---\ntitle: "Mentors: chosen vs assigned"\ncodes: [assigned-mentor, "yes"]\n---\n# Heading\nBody 𝔘\n',
        'm',
      );
      if (!memo.ok) assert.fail(JSON.stringify(memo.problems));
      assert.equal(memo.value.title, 'Mentors: chosen vs assigned');
      assert.deepEqual(memo.value.codes, ['assigned-mentor', 'yes']);
      assert.equal(memo.value.body, '# Heading\nBody 𝔘\n');
      const plain = parseMemo('memory:/study/memos/m.md', 'Intro\n# Heading two\n', 'm');
      if (!plain.ok) assert.fail(JSON.stringify(plain.problems));
      assert.equal(plain.value.title, 'Heading two');
    });
  });

  describe('minimal diffs', () => {
    it('an edit of one coding touches only that coding’s lines', async () => {
      const study = await memoryFixture({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
      const transcript = await study.transcript('P07.txt');
      const quotes = ['assigned mentor', 'What did you do', 'attending stayed', 'burning out'];
      await addCodings(
        study.fs,
        transcript,
        'amara',
        quotes.map((quote, i) => ({ id: `c${i}`, code: 'burnout', ...rangeOf(TRANSCRIPT, quote) })),
      );
      const lines = async () => fromUtf8((await study.read('P07.amara.codes.yaml')) ?? new Uint8Array()).split('\n');
      const before = await lines();
      await editCoding(study.fs, transcript, 'amara', 'c1', { memo: 'a memo' });
      const withMemo = await lines();
      const at = withMemo.indexOf('    memo: "a memo"');
      assert.equal(withMemo[at - 7], '  - id: c1', 'the memo line ends c1’s block');
      assert.deepEqual(
        [...withMemo.slice(0, at), ...withMemo.slice(at + 1)],
        before,
        'one line added, nothing else changed',
      );
      await editCoding(study.fs, transcript, 'amara', 'c2', { code: 'mentoring' });
      const recoded = await lines();
      assert.deepEqual(recoded.map((line, i) => (line === withMemo[i] ? '' : `${i}: ${line}`)).filter(Boolean), [
        `${withMemo.indexOf('  - id: c2') + 1}: ${'    code: mentoring'}`,
      ]);
    });
  });
});
