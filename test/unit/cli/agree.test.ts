import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanStudy, copyToTemp, P01, read, run, runJson, sidecarText, write } from './helpers';

const EXAMPLE = join(__dirname, '..', '..', '..', 'examples', 'mentorship-study');

interface AgreeJson {
  coders: string[];
  compared: string[];
  notCompared: { transcript: string; codedBy: string[] }[];
  codes: {
    code: string;
    character: { both: number; first: number; second: number; neither: number; kappa: number | null };
    transcript: { kappa: number | null; kappaReason?: string; alpha: number | null };
    segment: { matched: number; first: number; second: number; percent: number | null };
  }[];
  pooled: {
    character: { kappa: number; percent: number };
    transcript: { kappa: number };
    segment: { matched: number; first: number; second: number };
  };
  alpha: { pooled: number | null; transcripts: number };
  disagreements?: { transcript: string; line: number; code: string; kind: string; first?: { quote: string } }[];
}

describe('grounded agree', () => {
  it("compares the example study's two coders on the transcripts both coded", async () => {
    const { code, data } = await runJson<AgreeJson>(EXAMPLE, ['agree', '--coder', 'amara', '--coder', 'jonas']);
    assert.equal(code, 0);
    assert.deepEqual(data.coders, ['amara', 'jonas']);
    assert.equal(data.compared.length, 10);
    assert.equal(data.notCompared.length, 34);
    assert.ok(data.notCompared.every((t) => !(t.codedBy.includes('amara') && t.codedBy.includes('jonas'))));
    // Pooled figures of the bundled study (the README quotes them).
    assert.equal(data.pooled.character.kappa.toFixed(3), '0.747');
    assert.equal(data.pooled.transcript.kappa.toFixed(3), '0.835');
    assert.equal(data.alpha.pooled?.toFixed(3), '0.835');
    const career = data.codes.find((c) => c.code === 'career');
    assert.ok(career);
    assert.equal(career.transcript.kappa, null, 'both coders used the category in every transcript');
    assert.match(career.transcript.kappaReason ?? '', /same answer/);
  });

  it('prints the three tables with a pooled row, and lists disagreements in reading order', async () => {
    const { code, stdout } = await run(EXAMPLE, ['agree', '--coder', 'amara', '--coder', 'jonas', '--disagreements']);
    assert.equal(code, 0);
    for (const heading of ['Character (every code point', 'Transcript (is the code used', 'Segment (a coding matched'])
      assert.ok(stdout.includes(heading), heading);
    assert.equal(stdout.match(/^pooled /gm)?.length, 3);
    const listed = stdout.split('\n').filter((line) => /^transcripts\/P\d+\.txt:\d+: /.test(line));
    assert.ok(listed.length > 50, `${listed.length} disagreements`);
    const keys = listed.map((line) => {
      const [, file, lineNo] = /^(\S+?):(\d+):/.exec(line) as RegExpExecArray;
      return [file as string, Number(lineNo)] as const;
    });
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    assert.deepEqual(keys, sorted, 'reading order');
    assert.ok(listed.some((line) => line.includes('boundaries differ')));
  });

  it('a disagreement names the coder, the line and the quote', async () => {
    const study = cleanStudy();
    const { data } = await runJson<AgreeJson>(study, [
      'agree',
      '--coder',
      'amara',
      '--coder',
      'ben',
      '--disagreements',
    ]);
    assert.deepEqual(data.compared, ['transcripts/P01.txt']);
    assert.deepEqual(
      data.disagreements?.map((d) => [d.transcript, d.code, d.kind, d.first?.quote]),
      [
        ['transcripts/P01.txt', 'assigned', 'first-only', 'My assigned mentor was a chief I had never met.'],
        ['transcripts/P01.txt', 'choice', 'boundary', 'I chose my own mentor'],
      ],
    );
  });

  it('--min-kappa exits 1 when a pooled κ is below it, 0 when not', async () => {
    const low = await run(EXAMPLE, ['agree', '--coder', 'amara', '--coder', 'jonas', '--min-kappa', '0.8']);
    assert.equal(low.code, 1);
    assert.match(low.stderr, /pooled κ below 0\.8: amara\/jonas character κ = 0\.747/);
    const ok = await run(EXAMPLE, ['agree', '--coder', 'amara', '--coder', 'jonas', '--min-kappa', '0.7']);
    assert.equal(ok.code, 0, ok.stderr);
  });

  it('refuses one coder, unknown coders, unknown codes and bad thresholds with exit 2', async () => {
    const study = cleanStudy();
    const cases: [string[], RegExp][] = [
      [['--coder', 'amara'], /two or more coders/],
      [['--coder', 'amara', '--coder', 'zoe'], /no sidecar by zoe; coders in this study: amara, ben/],
      [['--coder', 'amara', '--coder', 'ben', '--code', 'nope'], /no code "nope"/],
      [['--coder', 'amara', '--coder', 'ben', '--overlap', '1.5'], /--overlap must be a number above 0/],
      [['--coder', 'amara', '--coder', 'ben', '--min-kappa', 'high'], /--min-kappa must be a number/],
    ];
    for (const [args, message] of cases) {
      const result = await run(study, ['agree', ...args]);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  });

  it('three coders: every pair and α over all of them', async () => {
    const study = cleanStudy();
    write(
      study,
      'transcripts/P01.li.codes.yaml',
      sidecarText('P01.txt', P01, 'li', [['choice', 'I chose my own mentor']]),
    );
    const { code, data } = await runJson<AgreeJson & { pairs: { coders: string[] }[] }>(study, [
      'agree',
      '--coder',
      'amara,ben,li',
    ]);
    assert.equal(code, 0);
    assert.deepEqual(
      data.pairs.map((p) => p.coders),
      [
        ['amara', 'ben'],
        ['amara', 'li'],
        ['ben', 'li'],
      ],
    );
    assert.equal(data.alpha.transcripts, 1);
  });
});

describe('grounded consensus seed', () => {
  it('writes what two coders agree on to the consensus coder only, once', async () => {
    const study = copyToTemp(EXAMPLE);
    const coderFiles = () =>
      readdirSync(join(study, 'transcripts'))
        .filter((name) => /\.(amara|jonas)\.codes\.yaml$/.test(name))
        .map((name) => read(study, `transcripts/${name}`));
    const before = coderFiles();
    const first = await runJson<{ added: number; transcripts: number }>(study, [
      'consensus',
      'seed',
      '--coder',
      'amara',
      '--coder',
      'jonas',
    ]);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual([first.data.added, first.data.transcripts], [107, 10]);
    const again = await runJson<{ added: number }>(study, [
      'consensus',
      'seed',
      '--coder',
      'amara',
      '--coder',
      'jonas',
    ]);
    assert.equal(again.data.added, 0);
    assert.deepEqual(coderFiles(), before);
    const consensusFiles = readdirSync(join(study, 'transcripts')).filter((n) => n.endsWith('.consensus.codes.yaml'));
    assert.equal(consensusFiles.length, 10);
    // Everything the consensus holds is a matched segment: against amara, every consensus segment matches.
    const { data } = await runJson<AgreeJson>(study, ['agree', '--coder', 'consensus', '--coder', 'amara']);
    assert.equal(data.pooled.segment.first, 0);
  });

  it('refuses a consensus coder that is one of the two, and a bad --ranges', async () => {
    const study = cleanStudy();
    const same = await run(study, ['consensus', 'seed', '--coder', 'amara', '--coder', 'ben', '--as', 'ben']);
    assert.equal(same.code, 2);
    assert.match(same.stderr, /cannot be one of the coders compared/);
    const ranges = await run(study, ['consensus', 'seed', '--coder', 'amara', '--coder', 'ben', '--ranges', 'all']);
    assert.equal(ranges.code, 2);
    assert.match(ranges.stderr, /--ranges must be union or intersection/);
  });
});
