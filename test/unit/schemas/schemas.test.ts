import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse as yamlParse } from 'yaml';
import type { Code, Coding } from '../../../src/core/model';
import { parseSidecar, serializeSidecar } from '../../../src/core/sidecar/format';
import { parseCodebook, serializeCodebook } from '../../../src/core/codebook/format';
import { initialSettingsText, parseSettings } from '../../../src/core/settings/format';
import { parseRejections, serializeRejections } from '../../../src/core/assist/rejections';

// The JSON Schemas contributed through yamlValidation give completion and checks while hand-editing;
// they must accept exactly what the core's parsers accept, or the editor would flag good files (or bless
// files Grounded then refuses).

const repo = path.resolve(__dirname, '../../..');
const example = path.join(repo, 'examples/mentorship-study');
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const schema = (name: string): ValidateFunction =>
  ajv.compile(JSON.parse(readFileSync(path.join(repo, 'schemas', `${name}.schema.json`), 'utf8')) as object);
const validators = {
  settings: schema('grounded'),
  codebook: schema('codebook'),
  sidecar: schema('sidecar'),
  rejections: schema('rejected-suggestions'),
};
const parsers = {
  settings: (text: string) => parseSettings('file:///s/grounded.yaml', text),
  codebook: (text: string) => parseCodebook('file:///s/codebook.yaml', text),
  sidecar: (text: string) => parseSidecar('file:///s/transcripts/P01.amara.codes.yaml', text),
  rejections: (text: string) => parseRejections('file:///s/rejected-suggestions.yaml', text),
};
type Kind = keyof typeof validators;

function schemaErrors(kind: Kind, text: string): string {
  const validate = validators[kind];
  return validate(yamlParse(text, { version: '1.2' })) ? '' : ajv.errorsText(validate.errors);
}

function assertValid(kind: Kind, text: string, label: string): void {
  assert.equal(schemaErrors(kind, text), '', `${label}: the schema refuses it`);
  const parsed = parsers[kind](text);
  assert.ok(
    parsed.ok,
    `${label}: the core refuses it: ${parsed.ok ? '' : parsed.problems.map((p) => p.message).join('; ')}`,
  );
}

function assertInvalid(kind: Kind, text: string, label: string): void {
  assert.notEqual(schemaErrors(kind, text), '', `${label}: the schema accepts it`);
  assert.equal(parsers[kind](text).ok, false, `${label}: the core accepts it`);
}

const SIDECAR_HEAD = 'grounded: 1\ntranscript: P01.txt\ncoder: amara\ntextHash: "sha256:00"\n';
const coding = (extra: string) =>
  `${SIDECAR_HEAD}codings:\n  - id: c1\n    code: burnout\n    start: 3\n    end: 9\n${extra}`;
const CODEBOOK_HEAD = 'grounded: 1\ncodes:\n  - id: burnout\n    name: Burnout\n';

describe('JSON Schemas of grounded.yaml, codebook.yaml and sidecars', () => {
  it('accept every file of the example study', () => {
    assertValid('settings', readFileSync(path.join(example, 'grounded.yaml'), 'utf8'), 'grounded.yaml');
    assertValid('codebook', readFileSync(path.join(example, 'codebook.yaml'), 'utf8'), 'codebook.yaml');
    const sidecars = readdirSync(path.join(example, 'transcripts')).filter((name) => name.endsWith('.codes.yaml'));
    assert.ok(sidecars.length > 10, 'the example study has sidecars');
    for (const name of sidecars)
      assertValid('sidecar', readFileSync(path.join(example, 'transcripts', name), 'utf8'), name);
  });

  it("accept what the core's serializers write", () => {
    const codings: Coding[] = [
      { id: 'a1', code: 'burnout', start: 0, end: 5, quote: 'Hello', prefix: '', suffix: ' "world"\n', by: 'amara' },
      {
        id: 'a2',
        code: 'ümlaut.code',
        start: 7,
        end: 7,
        quote: '',
        prefix: 'yes: no',
        suffix: '',
        by: 'amara',
        memo: 'A memo: with # and "quotes"',
        assisted: 'copilot/gpt-4o',
        status: 'needs-review',
      },
      {
        id: 'a3',
        code: 'x',
        start: 9,
        end: 12,
        quote: 'null',
        prefix: 'true',
        suffix: '~',
        by: 'amara',
        status: 'orphan',
      },
    ];
    assertValid(
      'sidecar',
      serializeSidecar({ transcript: 'P 01.txt', coder: 'amara_2', textHash: 'sha256:ab', codings }),
      'serialized sidecar',
    );
    assertValid(
      'sidecar',
      serializeSidecar({ transcript: 'P01.txt', coder: 'jonas', textHash: 'sha256:ab', codings: [] }),
      'empty sidecar',
    );
    for (const coder of ['王芳', 'søren-ødegard', 'प्रिया-शर्मा'])
      assertValid(
        'sidecar',
        serializeSidecar({ transcript: 'P01.txt', coder, textHash: 'sha256:ab', codings: [] }),
        `coder id ${coder}`,
      );
    const codes: Code[] = [
      {
        id: 'barriers',
        name: 'Barriers',
        color: '#E15759',
        definition: 'What gets in the way: "time"',
        memo: 'Category.',
        guid: 'a18ae3eb-ffa7-4941-b999-31532ebac0ea',
      },
      { id: 'barriers-time', name: 'yes', parent: 'barriers' },
      { id: '2fa', name: 'Name with: colon' },
    ];
    assertValid('codebook', serializeCodebook({ codes }), 'serialized codebook');
    assertValid(
      'rejections',
      serializeRejections([
        { transcript: 'transcripts/P01.txt', code: 'burnout', quote: 'I was "done"' },
        { transcript: 'P 02.txt', newCode: 'yes', quote: 'null' },
      ]),
      'serialized rejections',
    );
    assertValid('rejections', serializeRejections([]), 'no rejections');
    assertInvalid(
      'rejections',
      'grounded: 1\nrejected:\n  - transcript: P01.txt\n    code: a\n    newCode: b\n    quote: q\n',
      'code and newCode',
    );
    assertInvalid('rejections', 'grounded: 1\nrejected:\n  - transcript: P01.txt\n    code: a\n', 'no quote');
    assertInvalid('sidecar', coding('    assisted: 3\n'), 'assisted not a string');
    assertValid('codebook', serializeCodebook({ codes: [] }), 'empty codebook');
    assertValid('settings', initialSettingsText({ transcripts: ['transcripts/*.txt'] }), 'grounded init');
    assertValid(
      'settings',
      initialSettingsText({
        transcripts: ['a/*.txt', 'b/**/*.md'],
        surveyFile: 'data/s.csv',
        idColumn: 'pid',
        participantPattern: '^(?<id>P\\d+)',
      }),
      'grounded init with options',
    );
  });

  it('accept the optional and empty forms the core accepts', () => {
    assertValid('settings', '', 'an empty grounded.yaml');
    assertValid('settings', 'analysis:\n  uncoded: absent\n', 'uncoded transcripts count as absent');
    assertValid('settings', 'analysis:\n  uncoded: missing\n', 'uncoded transcripts are missing');
    assertValid('settings', 'analysis: ~\n', 'no analysis settings');
    assertValid(
      'settings',
      'transcripts: ~\ncodebook: ~\nsurvey:\n  types:\n    age: numeric\nparticipants:\n  overrides:\n    x/P1.txt: P01\n',
      'nulls and maps',
    );
    assertValid('codebook', 'grounded: 1\ncodes: ~\n', 'a codebook with no codes');
    assertValid('codebook', `${CODEBOOK_HEAD}    color: ~\n    memo: ~\n`, 'null optional fields');
    assertValid('sidecar', coding('    quote: ~\n    status: ~\n'), 'a coding with null quote and status');
    assertValid('sidecar', `${SIDECAR_HEAD}codings: []\n`, 'no codings');
  });

  it('refuse, like the core, files Grounded cannot read', () => {
    assertInvalid('settings', 'grounded: 2\n', 'an unsupported version');
    assertInvalid('settings', 'transcript: ["*.txt"]\n', 'an unknown key (typo)');
    assertInvalid('settings', 'survey:\n  types:\n    age: number\n', 'an unknown survey type');
    assertInvalid('settings', 'survey: ~\n', 'survey that is not a mapping');
    assertInvalid('settings', 'analysis:\n  uncoded: zero\n', 'an unknown analysis.uncoded');
    assertInvalid('settings', 'analysis:\n  uncoded: true\n', 'analysis.uncoded that is not a string');
    assertInvalid('settings', 'analysis:\n  uncodd: absent\n', 'an unknown analysis key (typo)');
    assertInvalid('settings', 'transcripts: "*.txt"\n', 'transcripts that are not a list');
    assertInvalid('settings', 'participants:\n  overrides:\n    a.txt: 7\n', 'a participant id that is a number');
    assertInvalid('codebook', 'codes: []\n', 'a codebook without a version');
    assertInvalid('codebook', `${CODEBOOK_HEAD}    color: red\n`, 'a colour name instead of #rrggbb');
    assertInvalid('codebook', `${CODEBOOK_HEAD}    colour: "#ff0000"\n`, 'an unknown key');
    assertInvalid(
      'codebook',
      'grounded: 1\ncodes:\n  - id: time pressure\n    name: Time pressure\n',
      'a code id with a space',
    );
    assertInvalid('codebook', 'grounded: 1\ncodes:\n  - id: burnout\n', 'a code without a name');
    assertInvalid('codebook', `${CODEBOOK_HEAD}    parent: 7\n`, 'a parent that is a number');
    assertInvalid('sidecar', SIDECAR_HEAD.replace('amara', 'Amara Okafor'), 'a coder id with capitals and a space');
    assertInvalid('sidecar', SIDECAR_HEAD.replace('textHash: "sha256:00"\n', ''), 'a missing textHash');
    assertInvalid('sidecar', coding('').replace('start: 3', 'start: -1'), 'a negative offset');
    assertInvalid('sidecar', coding('').replace('end: 9', 'end: 9.5'), 'a fractional offset');
    assertInvalid('sidecar', coding('    status: done\n'), 'an unknown status');
    assertInvalid('sidecar', coding('    note: hi\n'), 'an unknown coding key');
    assertInvalid('sidecar', coding('').replace('    code: burnout\n', ''), 'a coding without a code');
    assertInvalid('sidecar', coding('    quote: 12\n'), 'a quote that is a number');
  });
});
