import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { StatusJson } from '../../../src/cli/commands/status';
import { cleanStudy, copyToTemp, read, run, runJson, write } from './helpers';

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'mentorship-study');
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'status.schema.json'), 'utf8')) as object);

function assertSchema(data: unknown): void {
  assert.ok(validate(data), ajv.errorsText(validate.errors, { separator: '\n' }));
}

describe('grounded status', () => {
  it('lists per transcript and coder the codings or "-" for not coded, then the progress line', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/P03.txt', 'P03: not read yet.\n');
    await run(study, ['mark', '--coded', 'transcripts/P02.txt', '--by', 'ben']);
    const result = await run(study, ['status']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        'transcript           participant  amara  ben',
        'transcripts/P01.txt  P01          2      1',
        'transcripts/P02.txt  P02          2      0',
        'transcripts/P03.txt  P03          -      -',
        '(per coder: number of codings, 0 = coded with nothing that applies; - = not coded)',
        '2 / 3 coded by amara, 2 / 3 by ben; 1 not coded by anyone',
        '',
      ].join('\n'),
    );
  });

  it('gives JSON in the documented shape (schemas/status.schema.json)', async () => {
    const study = cleanStudy();
    await run(study, ['mark', '--coded', 'transcripts/P02.txt', '--by', 'ben']);
    const { code, data } = await runJson<StatusJson>(join(study, 'transcripts'), ['status']);
    assert.equal(code, 0);
    assertSchema(data);
    assert.deepEqual(data, {
      format: 'grounded-status/1',
      total: 2,
      codedByAnyone: 2,
      notCodedByAnyone: 0,
      summary: '2 / 2 coded by amara, 2 / 2 by ben; 0 not coded by anyone',
      coders: [
        { coder: 'amara', coded: 2, codedEmpty: 0 },
        { coder: 'ben', coded: 2, codedEmpty: 1 },
      ],
      transcripts: [
        {
          transcript: 'transcripts/P01.txt',
          participant: 'P01',
          coders: [
            { coder: 'amara', coded: true, codings: 2 },
            { coder: 'ben', coded: true, codings: 1 },
          ],
        },
        {
          transcript: 'transcripts/P02.txt',
          participant: 'P02',
          coders: [
            { coder: 'amara', coded: true, codings: 2 },
            { coder: 'ben', coded: true, codings: 0 },
          ],
        },
      ],
    });
  });

  it('--coder limits the table and the counts to that coder, and lists a coder who has not started', async () => {
    const study = cleanStudy();
    const { data } = await runJson<StatusJson>(study, ['status', '--coder', 'ben']);
    assertSchema(data);
    assert.equal(data.summary, '1 / 2 coded by ben; 1 not coded by ben');
    assert.deepEqual(
      data.transcripts.map((t) => t.coders),
      [[{ coder: 'ben', coded: true, codings: 1 }], [{ coder: 'ben', coded: false, codings: 0 }]],
    );
    const newcomer = await run(study, ['status', '--coder', 'Dana']);
    assert.equal(newcomer.code, 0);
    assert.equal(newcomer.stderr, 'warning: no sidecars by coder "Dana"; coders: amara, ben\n');
    assert.match(newcomer.stdout, /^transcripts\/P01\.txt {2}P01 {10}-$/m);
    assert.match(newcomer.stdout, /^0 \/ 2 coded by dana; 2 not coded by dana$/m);
  });

  it('on the example study: every transcript coded by amara, 10 by jonas', async function () {
    if (!existsSync(join(EXAMPLE, 'grounded.yaml'))) this.skip();
    const { code, data } = await runJson<StatusJson>(copyToTemp(EXAMPLE), ['status']);
    assert.equal(code, 0);
    assertSchema(data);
    assert.equal(data.summary, '44 / 44 coded by amara, 10 / 44 by jonas; 0 not coded by anyone');
    assert.equal(data.transcripts.length, 44);
  });

  it('is listed in the help', async () => {
    const result = await run(ROOT, ['--help']);
    assert.match(result.stdout, /^ {2}status +coding progress/m);
    assert.match(result.stdout, /^ {2}mark +mark transcripts as coded/m);
  });
});

describe('grounded status: codings from accepted model suggestions', () => {
  it('counts assisted codings per model, of the coders counted; says nothing when there are none', async () => {
    const study = cleanStudy();
    const before = await run(study, ['status']);
    assert.doesNotMatch(before.stdout, /assisted/);
    const path = 'transcripts/P01.amara.codes.yaml';
    write(study, path, read(study, path).replace(/(\n {4}suffix: [^\n]*\n)/, '$1    assisted: "vendor/model-1"\n'));
    const result = await run(study, ['status']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\n1 coding\(s\) from accepted model suggestions \(assisted\): 1 vendor\/model-1\n$/);
    const { data } = await runJson<StatusJson>(study, ['status']);
    assertSchema(data);
    assert.deepEqual(data.assisted, { total: 1, byModel: [{ model: 'vendor/model-1', codings: 1 }] });
    const other = await runJson<StatusJson>(study, ['status', '--coder', 'ben']);
    assert.equal(other.data.assisted, undefined, 'only the coders counted');
  });
});
