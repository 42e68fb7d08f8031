import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as yamlParse } from 'yaml';
import type { SimilarRow } from '../../../src/cli/commands/similar';
import { dismissalOf, parseDismissals, serializeDismissals } from '../../../src/core/index';
import { codePointSlice, copyToTemp, read, run, runJson, write } from './helpers';

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'mentorship-study');
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const schema = (name: string) =>
  ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as object);
const validateJson = schema('similar');
const validateFile = schema('similar-dismissed');

interface SimilarJson {
  format: string;
  code: string | null;
  unit: string;
  limit: number;
  where: { column: string; value: string }[];
  results: SimilarRow[];
}

const TIME = "Time. It's always time.";

describe('grounded similar', () => {
  it('--code: passages like the code, none of them coded with it, each exactly text[start:end], in the documented JSON', async () => {
    const study = copyToTemp(EXAMPLE);
    const coded = await runJson<{ transcript: string; start: number; end: number }[]>(study, [
      'retrieve',
      '--code',
      'barriers-time',
    ]);
    const { code, data } = await runJson<SimilarJson>(study, ['similar', '--code', 'barriers-time', '--limit', '8']);
    assert.equal(code, 0);
    assert.ok(validateJson(data), ajv.errorsText(validateJson.errors));
    assert.equal(data.results.length, 8);
    assert.match(data.results[0]!.text, /find the time/);
    for (const row of data.results) {
      const text = read(study, row.transcript);
      assert.equal(codePointSlice(text, row.start, row.end), row.text);
      assert.ok(text.split('\n')[row.line - 1]!.includes(row.text.split('\n')[0]!.slice(0, 20)));
      for (const c of coded.data.filter((c) => c.transcript === row.transcript))
        assert.ok(c.end <= row.start || row.end <= c.start, `${row.transcript}:${row.line} overlaps a coding`);
    }
    const scores = data.results.map((r) => r.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
  });

  it('--text with --where and --unit turn: only those participants, whole turns', async () => {
    const study = copyToTemp(EXAMPLE);
    const survey = read(study, 'survey.csv').split('\n');
    const women = new Set(survey.filter((line) => line.split(',')[1] === 'female').map((line) => line.split(',')[0]));
    const { code, data } = await runJson<SimilarJson>(study, [
      'similar',
      '--text',
      'no time to meet, my mentor is always too busy',
      '--where',
      'gender=female',
      '--unit',
      'turn',
    ]);
    assert.equal(code, 0);
    assert.ok(validateJson(data), ajv.errorsText(validateJson.errors));
    assert.deepEqual(data.where, [{ column: 'gender', value: 'female' }]);
    assert.ok(data.results.length > 0);
    for (const row of data.results) {
      assert.ok(women.has(row.participant!), `${row.participant} is not female`);
      assert.equal(row.unit, 'turn');
      assert.doesNotMatch(row.text, /^(Interviewer|P\d+):/);
    }
  });

  it('leaves out passages dismissed for the code in similar-dismissed.yaml, and only for that code', async () => {
    const study = copyToTemp(EXAMPLE);
    const first = await runJson<SimilarJson>(study, ['similar', '--code', 'barriers-time', '--limit', '3']);
    const top = first.data.results[0]!;
    const file = serializeDismissals({ dismissed: [dismissalOf('barriers-time', top.transcript, top.text)] });
    assert.ok(validateFile(yamlParse(file)), ajv.errorsText(validateFile.errors));
    write(study, 'similar-dismissed.yaml', file);
    const again = await runJson<SimilarJson>(study, ['similar', '--code', 'barriers-time', '--limit', '3']);
    assert.ok(!again.data.results.some((r) => r.transcript === top.transcript && r.start === top.start));
    assert.deepEqual(again.data.results.slice(0, 2), first.data.results.slice(1, 3));
    const text = await runJson<SimilarJson>(study, ['similar', '--text', top.text, '--limit', '3']);
    assert.ok(text.data.results.some((r) => r.transcript === top.transcript && r.start === top.start));
  });

  it('a malformed dismissals file stops the search with file:line:column, and is left as it was', async () => {
    const study = copyToTemp(EXAMPLE);
    const broken = 'grounded: 1\ndismissed:\n  - { code: barriers-time, transcript: "transcripts/P11.txt" }\n';
    write(study, 'similar-dismissed.yaml', broken);
    const result = await run(study, ['similar', '--code', 'barriers-time']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /similar-dismissed\.yaml:3:5: error: missing "passage"/);
    assert.equal(read(study, 'similar-dismissed.yaml'), broken);
    assert.ok(!parseDismissals('x', broken).ok);
  });

  it('refuses what cannot be searched, with exit 2: no query, an unknown code, a bad unit, limit or --where', async () => {
    const study = copyToTemp(EXAMPLE);
    const cases: [string[], RegExp][] = [
      [['similar'], /give --code <id> or --text <text>/],
      [['similar', '--code', 'nope'], /unknown code "nope"/],
      [['similar', '--text', 'time', '--unit', 'word'], /--unit must be sentence or turn/],
      [['similar', '--text', 'time', '--limit', '0'], /--limit must be at least 1/],
      [['similar', '--text', 'time', '--where', 'gender'], /--where needs column=value/],
      [['similar', '--text', 'time', '--where', 'shoe=42'], /no survey column "shoe"/],
      [['similar', '--text', '  '], /--text is empty/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(study, argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message, argv.join(' '));
    }
  });

  it('prints each passage with its place, then what was searched', async () => {
    const study = copyToTemp(EXAMPLE);
    const result = await run(study, ['similar', '--text', TIME, '--limit', '2']);
    assert.equal(result.code, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^transcripts\/P\d+\.txt:\d+ {2}\[\d+–\d+\] {2}P\d+ · score [\d.]+$/);
    assert.match(lines[1]!, /^ {4}\S/);
    assert.equal(lines.at(-1), '2 sentence(s) like the text');
  });
});
