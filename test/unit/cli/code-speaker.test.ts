import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serializeCodebook, sidecarCodec } from '../../../src/core/index';
import type { CodingRow } from '../../../src/cli/coding-rows';
import { CODES, SETTINGS, codePointSlice, read, readBytes, run, runJson, tempFolder } from './helpers';

/** A Zoom call as the importer writes it: timed turns, one paragraph each, an emoji before a turn. */
const P07 = [
  '[00:00:05.120] Dr. Okafor: 🙂 Welcome. How did you find your mentor?',
  '',
  '[00:00:12.000] P07: The program gave us a list.',
  '',
  '[00:00:30.500] Dr. Okafor: And then?',
  '',
  '[00:00:41.000] P07: I found my own people.',
  '',
].join('\n');
/** A typed interview: untimed turns. */
const P08 = 'Dr. Okafor: Tell me about your mentor.\n\nP08: I never had one.\n';
/** Subtitles: no speakers. */
const P09 = '[00:00:01,000] Where were we?\n\n[00:00:03,000] The rota.\n';

function speakerStudy(): string {
  return tempFolder({
    'grounded.yaml': SETTINGS,
    'codebook.yaml': serializeCodebook({ codes: [...CODES, { id: 'interviewer', name: 'Interviewer talk' }] }),
    'transcripts/P07.txt': P07,
    'transcripts/P08.txt': P08,
    'transcripts/P09.txt': P09,
  });
}

function codingsOf(study: string, path: string) {
  const parsed = sidecarCodec.parse(path, read(study, path));
  assert.ok(parsed.ok, `${path} does not load`);
  return parsed.value.codings;
}

describe('grounded code --speaker', () => {
  it("codes every turn of the speaker, from after the label to the turn's end, in each transcript", async () => {
    const study = speakerStudy();
    const result = await runJson<CodingRow[]>(study, [
      'code',
      '--all',
      '--code',
      'interviewer',
      '--speaker',
      'dr. okafor',
      '--by',
      'amara',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      result.data.map((row) => [row.transcript, row.quote]),
      [
        ['transcripts/P07.txt', '🙂 Welcome. How did you find your mentor?'],
        ['transcripts/P07.txt', 'And then?'],
        ['transcripts/P08.txt', 'Tell me about your mentor.'],
      ],
    );
    for (const row of result.data)
      assert.equal(codePointSlice(read(study, row.transcript), row.start, row.end), row.quote);
    assert.ok(!existsSync(join(study, 'transcripts/P09.amara.codes.yaml')), 'a transcript without the speaker is left');
  });

  it('adds no second coding to a turn coded so already, and says so', async () => {
    const study = speakerStudy();
    const args = ['code', 'transcripts/P07.txt', '--code', 'choice', '--speaker', 'P07', '--by', 'amara'];
    const first = await run(study, args);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^transcripts\/P07\.txt: 2 coding\(s\) added$/m);
    const before = readBytes(study, 'transcripts/P07.amara.codes.yaml');
    const again = await run(study, args);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /transcripts\/P07\.txt: 0 coding\(s\) added, 2 already coded/);
    assert.match(again.stdout, /^2 turn\(s\) of P07 in 1 transcript\(s\), 0 coding\(s\) added$/m);
    assert.deepEqual(readBytes(study, 'transcripts/P07.amara.codes.yaml'), before);
    assert.deepEqual(
      codingsOf(study, 'transcripts/P07.amara.codes.yaml').map((coding) => coding.quote),
      ['The program gave us a list.', 'I found my own people.'],
    );
  });

  it('refuses a speaker no transcript has (exit 2, nothing written), naming the speakers found', async () => {
    const study = speakerStudy();
    const result = await run(study, ['code', '--all', '--code', 'choice', '--speaker', 'P7', '--by', 'amara']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no turns of "P7" in the 3 transcripts/);
    assert.match(result.stderr, /speakers found: Dr\. Okafor, P07, P08/);
    const subtitles = await run(study, [
      'code',
      'transcripts/P09.txt',
      '--code',
      'choice',
      '--speaker',
      'P07',
      '--by',
      'amara',
    ]);
    assert.equal(subtitles.code, 2);
    assert.match(subtitles.stderr, /subtitles name no speakers/);
    for (const name of ['P07', 'P08', 'P09'])
      assert.ok(!existsSync(join(study, `transcripts/${name}.amara.codes.yaml`)), `${name}: nothing written`);
  });

  it('is a usage error with --match or --start/--end or --ignore-case beside it (exit 2)', async () => {
    const study = speakerStudy();
    for (const extra of [['--match', 'mentor'], ['--start', '0', '--end', '3'], ['--ignore-case']]) {
      const result = await run(study, [
        'code',
        'transcripts/P07.txt',
        '--code',
        'choice',
        '--speaker',
        'P07',
        ...extra,
        '--by',
        'amara',
      ]);
      assert.equal(result.code, 2, extra.join(' '));
    }
    assert.ok(!existsSync(join(study, 'transcripts/P07.amara.codes.yaml')));
  });
});
