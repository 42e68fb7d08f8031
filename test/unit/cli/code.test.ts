import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sidecarCodec } from '../../../src/core/index';
import type { CodingRow } from '../../../src/cli/coding-rows';
import {
  P01,
  P02,
  cleanStudy,
  codePointSlice,
  offsetOf,
  read,
  readBytes,
  run,
  runJson,
  tempFolder,
  write,
} from './helpers';

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

describe('grounded code --match: every transcript searched counts as coded', () => {
  it('writes an empty sidecar for a transcript without a match and says so', async () => {
    const study = cleanStudy();
    const result = await run(study, [
      'code',
      'transcripts/P01.txt',
      'transcripts/P02.txt',
      '--code',
      'assigned',
      '--match',
      'assigned mentor',
      '--by',
      'dana',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(codingsOf(study, 'transcripts/P01.dana.codes.yaml').length, 1);
    assert.deepEqual(codingsOf(study, 'transcripts/P02.dana.codes.yaml'), []);
    assert.match(result.stdout, /^transcripts\/P02\.txt: no match, marked coded by dana \(empty sidecar\)$/m);
    assert.match(result.stdout, /^1 transcript\(s\) coded, 1 searched without a match marked coded by dana$/m);
    assert.equal((await run(study, ['check'])).code, 0, 'the empty sidecar is a valid study file');
  });

  it("leaves the coder's existing sidecar of a transcript without a match as it is", async () => {
    const study = cleanStudy();
    const before = readBytes(study, 'transcripts/P02.amara.codes.yaml');
    const result = await run(study, [
      'code',
      'transcripts/P02.txt',
      '--code',
      'assigned',
      '--match',
      'chief',
      '--by',
      'amara',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readBytes(study, 'transcripts/P02.amara.codes.yaml'), before);
    assert.match(result.stdout, /^transcripts\/P02\.txt: no match, already coded by amara$/m);
    assert.match(
      result.stdout,
      /^0 transcript\(s\) coded, 1 searched without a match marked coded by amara \(1 of them already were\)$/m,
    );
  });

  it('writes no sidecar for --start/--end (one passage is not a search of the transcript)', async () => {
    const study = cleanStudy();
    const result = await run(study, [
      'code',
      'transcripts/P02.txt',
      '--code',
      'burnout',
      '--start',
      '0',
      '--end',
      '5',
      '--by',
      'dana',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(codingsOf(study, 'transcripts/P02.dana.codes.yaml').length, 1);
    assert.equal(existsSync(join(study, 'transcripts/P01.dana.codes.yaml')), false);
    assert.doesNotMatch(result.stdout, /searched without a match/);
  });
});

describe('grounded code --all', () => {
  it('searches every transcript of the study of the working folder, or of the folder given', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/more/P03.txt', 'P03: nobody assigned me anyone.\n');
    const fromInside = await run(join(study, 'transcripts'), [
      'code',
      '--all',
      '--code',
      'burnout',
      '--match',
      'burnt out',
      '--by',
      'dana',
    ]);
    assert.equal(fromInside.code, 0, fromInside.stderr);
    assert.equal(codingsOf(study, 'transcripts/P02.dana.codes.yaml').length, 1);
    assert.deepEqual(codingsOf(study, 'transcripts/P01.dana.codes.yaml'), []);
    assert.deepEqual(codingsOf(study, 'transcripts/more/P03.dana.codes.yaml'), []);
    assert.match(fromInside.stdout, /^1 transcript\(s\) coded, 2 searched without a match marked coded by dana$/m);

    const fromOutside = await run(join(study, '..'), [
      'code',
      '--all',
      study,
      '--code',
      'assigned',
      '--match',
      'assigned',
      '--by',
      'eve',
    ]);
    assert.equal(fromOutside.code, 0, fromOutside.stderr);
    assert.equal(codingsOf(study, 'transcripts/P01.eve.codes.yaml').length, 1);
    assert.equal(codingsOf(study, 'transcripts/more/P03.eve.codes.yaml').length, 1);
    assert.deepEqual(codingsOf(study, 'transcripts/P02.eve.codes.yaml'), []);
  });

  it('is a usage error (exit 2, nothing written) with transcript files or without --match', async () => {
    const study = cleanStudy();
    const cases: [string[], RegExp][] = [
      [
        ['code', '--all', 'transcripts/P01.txt', '--code', 'choice', '--match', 'x', '--by', 'dana'],
        /--all takes every transcript of the study: give no transcript files/,
      ],
      [
        ['code', '--all', '.', 'transcripts', '--code', 'choice', '--match', 'x', '--by', 'dana'],
        /--all takes every transcript/,
      ],
      [
        ['code', '--all', '--code', 'choice', '--start', '0', '--end', '3', '--by', 'dana'],
        /--all codes every match of --match, or every turn of --speaker, in every transcript: give one of them/,
      ],
      [['code', '--code', 'choice', '--match', 'x', '--by', 'dana'], /give the transcript files, or --all/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(study, argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message, argv.join(' '));
    }
    assert.equal(existsSync(join(study, 'transcripts/P01.dana.codes.yaml')), false);
  });

  it('refuses a folder without grounded.yaml (every *.txt below it would count), writing nothing', async () => {
    const folder = tempFolder({ 'notes/a.txt': 'a mentor\n', 'b.txt': 'no match\n' });
    const result = await run(folder, ['code', '--all', '--code', 'mentoring', '--match', 'mentor', '--by', 'dana']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--all works on a study, and there is no grounded\.yaml in \. or above/);
    assert.deepEqual(readdirSync(folder, { recursive: true }).sort(), ['b.txt', 'notes', 'notes/a.txt']);
  });

  it("writes nothing when one of the coder's sidecars does not load (exit 1, named)", async () => {
    const study = cleanStudy();
    const broken = read(study, 'transcripts/P02.amara.codes.yaml').replace('codings:\n', 'codings:\n<<<<<<< HEAD\n');
    write(study, 'transcripts/P02.amara.codes.yaml', broken);
    const before = readBytes(study, 'transcripts/P01.amara.codes.yaml');
    const result = await run(study, ['code', '--all', '--code', 'burnout', '--match', 'mentor', '--by', 'amara']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /transcripts\/P02\.amara\.codes\.yaml:\d+:1: error: git conflict marker/);
    assert.match(result.stderr, /1 sidecar\(s\) of amara do not load, so nothing was written/);
    assert.deepEqual(readBytes(study, 'transcripts/P01.amara.codes.yaml'), before);
  });

  it('codes the transcripts that load, lists the ones that do not, and exits 1', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/P03.txt', 'P03: my mentor\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> other\n');
    const result = await run(study, ['code', '--all', '--code', 'mentoring', '--match', 'mentor', '--by', 'dana']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /warning: 1 transcript\(s\) do not load and were skipped: transcripts\/P03\.txt/);
    assert.equal(codingsOf(study, 'transcripts/P01.dana.codes.yaml').length, 3);
    assert.equal(existsSync(join(study, 'transcripts/P03.dana.codes.yaml')), false);
  });
});
