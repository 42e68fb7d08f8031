import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sidecarCodec } from '../../../src/core/index';
import type { CodingRow } from '../../../src/cli/coding-rows';
import { P01, P02, cleanStudy, codePointSlice, offsetOf, read, readBytes, run, runJson, write } from './helpers';

function codingsOf(study: string, path: string) {
  const parsed = sidecarCodec.parse(path, read(study, path));
  assert.ok(parsed.ok, `${path} does not load`);
  return parsed.value.codings;
}

describe('grounded code', () => {
  it("codes a passage by code-point offsets into the coder's sidecar and prints it", async () => {
    const study = cleanStudy();
    const start = offsetOf(P02, 'the second year');
    const end = start + 'the second year'.length;
    const result = await run(study, [
      'code',
      'transcripts/P02.txt',
      '--code',
      'burnout',
      '--start',
      String(start),
      '--end',
      String(end),
      '--by',
      'Chen Li',
      '--memo',
      'timing',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      new RegExp(`^transcripts/P02\\.txt:2  ${start}–${end}  burnout  by chen-li  "the second year"$`, 'm'),
    );
    const [coding] = codingsOf(study, 'transcripts/P02.chen-li.codes.yaml');
    assert.equal(coding?.quote, 'the second year');
    assert.equal(coding?.memo, 'timing');
    assert.equal(codePointSlice(P02, coding!.start, coding!.end), 'the second year');
  });

  it('prints the new codings as JSON rows', async () => {
    const study = cleanStudy();
    const { code, data } = await runJson<CodingRow[]>(study, [
      'code',
      'transcripts/P01.txt',
      '--code',
      'choice',
      '--start',
      '0',
      '--end',
      '11',
      '--by',
      'amara',
    ]);
    assert.equal(code, 0);
    assert.deepEqual(
      data.map(({ transcript, participant, code: id, start, end, quote, by, status, line }) => ({
        transcript,
        participant,
        id,
        start,
        end,
        quote,
        by,
        status,
        line,
      })),
      [
        {
          transcript: 'transcripts/P01.txt',
          participant: 'P01',
          id: 'choice',
          start: 0,
          end: 11,
          quote: 'Interviewer',
          by: 'amara',
          status: 'ok',
          line: 1,
        },
      ],
    );
  });

  it('codes every match of a regular expression in several transcripts, ignoring case', async () => {
    const study = cleanStudy();
    const result = await runJson<CodingRow[]>(study, [
      'code',
      'transcripts/P01.txt',
      'transcripts/P02.txt',
      '--code',
      'mentoring',
      '--match',
      'MENTOR\\b',
      '-i',
      '--by',
      'dana',
    ]);
    assert.equal(result.code, 0);
    assert.equal(result.data.length, 4);
    for (const row of result.data) {
      assert.equal(row.quote, 'mentor');
      assert.equal(codePointSlice(read(study, row.transcript), row.start, row.end), 'mentor');
    }
    assert.equal(codingsOf(study, 'transcripts/P01.dana.codes.yaml').length, 3);
    assert.equal(codingsOf(study, 'transcripts/P02.dana.codes.yaml').length, 1);
  });

  it('adds nothing when the same passage is coded again', async () => {
    const study = cleanStudy();
    const args = ['code', 'transcripts/P02.txt', '--code', 'burnout', '--match', 'burnt out', '--by', 'amara'];
    await run(study, args);
    const before = readBytes(study, 'transcripts/P02.amara.codes.yaml');
    const again = await run(study, args);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /0 coding\(s\) added, 1 already coded/);
    assert.deepEqual(readBytes(study, 'transcripts/P02.amara.codes.yaml'), before);
  });

  it('takes the coder from $GROUNDED_CODER, then from git user.name, else exits 2', async () => {
    const study = cleanStudy();
    const args = ['code', 'transcripts/P02.txt', '--code', 'burnout', '--match', 'burnt'];
    assert.equal((await run(study, args, { env: { GROUNDED_CODER: 'Eve' }, gitUserName: 'Not Used' })).code, 0);
    assert.ok(existsSync(join(study, 'transcripts/P02.eve.codes.yaml')));
    assert.equal((await run(study, args, { gitUserName: "Amara N'Diaye" })).code, 0);
    assert.ok(existsSync(join(study, 'transcripts/P02.amara-ndiaye.codes.yaml')));
    const nobody = await run(study, args);
    assert.equal(nobody.code, 2);
    assert.match(nobody.stderr, /who is coding\?[\s\S]*--by/);
  });

  it('refuses a code that is not in the codebook (exit 2, nothing written), or adds it with --create', async () => {
    const study = cleanStudy();
    const args = ['code', 'transcripts/P02.txt', '--code', 'resilience', '--match', 'second year', '--by', 'amara'];
    const codebook = readBytes(study, 'codebook.yaml');
    const sidecar = readBytes(study, 'transcripts/P02.amara.codes.yaml');
    const refused = await run(study, args);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /unknown code "resilience"[\s\S]*grounded codebook add resilience/);
    assert.deepEqual(readBytes(study, 'codebook.yaml'), codebook);
    assert.deepEqual(readBytes(study, 'transcripts/P02.amara.codes.yaml'), sidecar);

    const created = await run(study, [...args, '--create']);
    assert.equal(created.code, 0, created.stderr);
    assert.match(read(study, 'codebook.yaml'), /- id: resilience/);
    assert.ok(codingsOf(study, 'transcripts/P02.amara.codes.yaml').some((c) => c.code === 'resilience'));
  });

  it('refuses to write into a sidecar that does not load: exit 1, the file byte-identical', async () => {
    const study = cleanStudy();
    const broken = read(study, 'transcripts/P01.amara.codes.yaml').replace('codings:\n', 'codings:\n<<<<<<< HEAD\n');
    write(study, 'transcripts/P01.amara.codes.yaml', broken);
    const before = readBytes(study, 'transcripts/P01.amara.codes.yaml');
    const result = await run(study, [
      'code',
      'transcripts/P01.txt',
      '--code',
      'choice',
      '--start',
      '0',
      '--end',
      '5',
      '--by',
      'amara',
    ]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /transcripts\/P01\.amara\.codes\.yaml does not load, so nothing was written[\s\S]*transcripts\/P01\.amara\.codes\.yaml:7:1: error: git conflict marker/,
    );
    assert.deepEqual(readBytes(study, 'transcripts/P01.amara.codes.yaml'), before);
  });

  it('exits 2 on missing or contradictory options and on offsets outside the transcript', async () => {
    const study = cleanStudy();
    const base = ['code', 'transcripts/P01.txt', '--by', 'amara'];
    const cases: [string[], RegExp][] = [
      [[...base, '--start', '1', '--end', '4'], /missing --code/],
      [[...base, '--code', 'choice', '--start', '1'], /give --start and --end, or --match/],
      [[...base, '--code', 'choice', '--start', '1', '--end', '4', '--match', 'x'], /either --match or --start\/--end/],
      [[...base, '--code', 'choice', '--start', 'one', '--end', '4'], /--start must be a whole number/],
      [
        [
          'code',
          'transcripts/P01.txt',
          'transcripts/P02.txt',
          '--code',
          'choice',
          '--start',
          '1',
          '--end',
          '4',
          '--by',
          'a',
        ],
        /use --match to code several/,
      ],
      [[...base, '--code', 'choice', '--match', '('], /--match: Invalid regular expression/],
      [
        [...base, '--code', 'choice', '--start', '5', '--end', String([...P01].length + 1)],
        /not a non-empty range inside the transcript/,
      ],
      [['code', 'transcripts/P99.txt', '--code', 'choice', '--match', 'x', '--by', 'a'], /no such transcript/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(study, argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message, argv.join(' '));
    }
  });

  it("refuses a file that is not one of the study's transcripts (it would leave a stray sidecar)", async () => {
    const study = cleanStudy();
    write(study, 'notes/todo.txt', 'chose my own mentor\n');
    const result = await run(study, [
      'code',
      'notes/todo.txt',
      '--code',
      'choice',
      '--match',
      'mentor',
      '--by',
      'amara',
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /notes\/todo\.txt is not a transcript of the study/);
    assert.equal(existsSync(join(study, 'notes/todo.amara.codes.yaml')), false);
  });

  it('checks every transcript before coding any of them', async () => {
    const study = cleanStudy();
    write(study, 'notes/todo.txt', 'mentor\n');
    const before = readBytes(study, 'transcripts/P01.amara.codes.yaml');
    const result = await run(study, [
      'code',
      'transcripts/P01.txt',
      'notes/todo.txt',
      '--code',
      'choice',
      '--match',
      'mentor',
      '--by',
      'amara',
    ]);
    assert.equal(result.code, 2);
    assert.deepEqual(readBytes(study, 'transcripts/P01.amara.codes.yaml'), before);
  });

  it('finds the study above the transcript when run from elsewhere', async () => {
    const study = cleanStudy();
    const result = await run(join(study, 'transcripts'), [
      'code',
      'P02.txt',
      '--code',
      'burnout',
      '--match',
      'residency',
      '--by',
      'amara',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^P02\.txt:3 /m);
    assert.ok(codingsOf(study, 'transcripts/P02.amara.codes.yaml').some((c) => c.quote === 'residency'));
  });
});
