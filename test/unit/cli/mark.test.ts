import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sidecarCodec } from '../../../src/core/index';
import { cleanStudy, read, readBytes, run, runJson, write } from './helpers';

interface MarkJson {
  coder: string;
  coded: boolean;
  transcripts: { transcript: string; participant: string | null; outcome: string; message?: string }[];
}

function codingsOf(study: string, path: string) {
  const parsed = sidecarCodec.parse(path, read(study, path));
  assert.ok(parsed.ok, `${path} does not load`);
  return parsed.value.codings;
}

describe('grounded mark', () => {
  it('--coded writes an empty sidecar where the coder has none and leaves existing ones byte-identical', async () => {
    const study = cleanStudy();
    const before = readBytes(study, 'transcripts/P01.amara.codes.yaml');
    const { code, data } = await runJson<MarkJson>(study, [
      'mark',
      '--coded',
      'transcripts/P01.txt',
      'transcripts/P02.txt',
      '--by',
      'Ben',
    ]);
    assert.equal(code, 0);
    assert.deepEqual(data, {
      coder: 'ben',
      coded: true,
      transcripts: [
        { transcript: 'transcripts/P01.txt', participant: 'P01', outcome: 'unchanged' },
        { transcript: 'transcripts/P02.txt', participant: 'P02', outcome: 'marked' },
      ],
    });
    assert.deepEqual(codingsOf(study, 'transcripts/P02.ben.codes.yaml'), []);
    assert.equal(codingsOf(study, 'transcripts/P01.ben.codes.yaml').length, 1);
    assert.deepEqual(readBytes(study, 'transcripts/P01.amara.codes.yaml'), before);
    assert.equal((await run(study, ['check'])).code, 0);
  });

  it('says per transcript what it did and sums up', async () => {
    const study = cleanStudy();
    const result = await run(study, ['mark', '--coded', '--all', '--by', 'ben']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      'transcripts/P01.txt: already coded by ben\n' +
        'transcripts/P02.txt: marked coded by ben (empty sidecar)\n' +
        '1 transcript(s) marked coded by ben, 1 already were\n',
    );
  });

  it('--not-coded removes empty sidecars, refuses one with codings (exit 1, kept, what to do) and marks the rest', async () => {
    const study = cleanStudy();
    await run(study, ['mark', '--coded', 'transcripts/P02.txt', '--by', 'ben']);
    const withCodings = readBytes(study, 'transcripts/P01.ben.codes.yaml');
    const result = await run(study, ['mark', '--not-coded', '--all', '--by', 'ben']);
    assert.equal(result.code, 1);
    assert.equal(existsSync(join(study, 'transcripts/P02.ben.codes.yaml')), false);
    assert.deepEqual(readBytes(study, 'transcripts/P01.ben.codes.yaml'), withCodings);
    assert.match(
      result.stderr,
      /^grounded mark: transcripts\/P01\.ben\.codes\.yaml holds 1 coding\(s\) by ben, so transcripts\/P01\.txt stays coded \(marking it not coded would delete them\)\n {2}remove the codings first \(in the editor; `grounded retrieve --coder ben --participant P01` lists them\), or delete the file yourself/,
    );
    assert.match(result.stdout, /^transcripts\/P02\.txt: marked not coded by ben \(empty sidecar removed\)$/m);
    assert.match(
      result.stdout,
      /^1 transcript\(s\) marked not coded by ben, 0 already were; 1 refused \(see above\)$/m,
    );
  });

  it('--not-coded where the coder has no sidecar changes nothing', async () => {
    const study = cleanStudy();
    const { code, data } = await runJson<MarkJson>(study, [
      'mark',
      '--not-coded',
      'transcripts/P02.txt',
      '--by',
      'dana',
    ]);
    assert.equal(code, 0);
    assert.equal(data.transcripts[0]?.outcome, 'unchanged');
  });

  it('leaves a sidecar that does not load alone, names it, marks the others, exit 1', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/P02.dana.codes.yaml', 'transcript: P02.txt\ncoder: dana\ncodings: [\n');
    const before = readBytes(study, 'transcripts/P02.dana.codes.yaml');
    const result = await run(study, ['mark', '--coded', '--all', '--by', 'dana']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /transcripts\/P02\.dana\.codes\.yaml does not load, so it was left as it is/);
    assert.deepEqual(readBytes(study, 'transcripts/P02.dana.codes.yaml'), before);
    assert.deepEqual(codingsOf(study, 'transcripts/P01.dana.codes.yaml'), []);
    assert.match(result.stdout, /^1 transcript\(s\) marked coded by dana, 0 already were; 1 refused \(see above\)$/m);
  });

  it('is a usage error (exit 2, nothing written) without exactly one of --coded and --not-coded, or with --all and files', async () => {
    const study = cleanStudy();
    const cases: [string[], RegExp][] = [
      [['mark', 'transcripts/P02.txt', '--by', 'dana'], /give either --coded or --not-coded/],
      [['mark', '--coded', '--not-coded', 'transcripts/P02.txt', '--by', 'dana'], /give either --coded or --not-coded/],
      [['mark', '--coded', '--by', 'dana'], /give the transcript files, or --all/],
      [['mark', '--coded', '--all', 'transcripts/P02.txt', '--by', 'dana'], /--all takes every transcript/],
      [['mark', '--coded', 'transcripts/P09.txt', '--by', 'dana'], /no such transcript/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(study, argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message, argv.join(' '));
    }
    assert.equal(existsSync(join(study, 'transcripts/P02.dana.codes.yaml')), false);
  });
});

describe('grounded mark with a grounded.yaml that does not load', () => {
  it('writes nothing (which files are transcripts is unknown) and names the problem, exit 1', async () => {
    const study = cleanStudy();
    write(study, 'grounded.yaml', read(study, 'grounded.yaml') + 'transcripts: [oops\n');
    const result = await run(study, ['mark', '--coded', '--all', '--by', 'dana']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^grounded\.yaml:\d+:\d+: error: [\s\S]*grounded\.yaml does not load; fix it first/);
    assert.equal(existsSync(join(study, 'transcripts/P02.dana.codes.yaml')), false);
  });
});
