import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStudy } from '../../../src/core/index';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { docx, paragraph, table } from '../core/transcript-import/docx-fixture';
import { cleanStudy, P01, read, run, runJson, write } from './helpers';

const TEAMS_VTT =
  'WEBVTT\n\nNOTE Teams\n\n00:00:01.000 --> 00:00:03.000\n<v Interviewer>How did you find &amp; keep</v>\n\n' +
  '00:00:03.000 --> 00:00:04.000\n<v Interviewer>a mentor?</v>\n\n00:00:05.000 --> 00:00:07.500\n<v P04>By luck, <i>mostly</i>.</v>\n';
const SRT =
  '1\n00:00:01,000 --> 00:00:02,000\nNo speakers here.\n\n2\n00:00:02,500 --> 00:00:04,000\nJust subtitles.\n';
const OTTER = 'Interviewer  0:02\nWhat changed?\n\nP06  0:05\nEverything.\n\nTranscribed by https://otter.ai\n';

interface ImportJson {
  files: {
    source: string;
    status: string;
    transcript?: string;
    format?: string;
    reason?: string;
    participant?: string | null;
  }[];
}

describe('grounded import transcript', () => {
  it("imports a mixed batch into the study's transcripts folder, one line per file, and the study reads them", async () => {
    const study = cleanStudy();
    writeFileSync(
      join(study, 'P03.docx'),
      docx(paragraph('Interviewer: “Ready?”') + table([['0:01', 'P03', 'Yes — ready.']])),
    );
    write(study, 'incoming/P04.vtt', TEAMS_VTT);
    write(study, 'P05.srt', SRT);
    write(study, 'P06.txt', OTTER);
    const result = await run(study, ['import', 'transcript', 'P03.docx', 'incoming/P04.vtt', 'P05.srt', 'P06.txt']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.deepEqual(result.stdout.trimEnd().split('\n'), [
      'P03.docx → transcripts/P03.txt (participant P03): docx, 2 turn(s), nothing left out',
      'incoming/P04.vtt → transcripts/P04.txt (participant P04): vtt, 2 turn(s), left out 1 WEBVTT header, 1 NOTE block',
      'P05.srt → transcripts/P05.txt (participant P05): srt, 2 turn(s), nothing left out',
      'P06.txt → transcripts/P06.txt (participant P06): otter, 2 turn(s), left out 1 "Transcribed by otter.ai" line',
    ]);
    assert.equal(read(study, 'transcripts/P03.txt'), 'Interviewer: “Ready?”\n\n[0:01] P03: Yes — ready.\n');
    assert.equal(
      read(study, 'transcripts/P04.txt'),
      '[00:00:01.000] Interviewer: How did you find & keep a mentor?\n\n[00:00:05.000] P04: By luck, mostly.\n',
    );
    assert.equal(
      read(study, 'transcripts/P05.txt'),
      '[00:00:01,000] No speakers here.\n\n[00:00:02,500] Just subtitles.\n',
    );
    assert.equal(read(study, 'transcripts/P06.txt'), '[0:02] Interviewer: What changed?\n\n[0:05] P06: Everything.\n');

    const loaded = await loadStudy(new NodeFileSystem(), pathToUri(study));
    assert.deepEqual(
      loaded.transcripts.map((t) => t.participant),
      ['P01', 'P02', 'P03', 'P04', 'P05', 'P06'],
    );
    assert.deepEqual(loaded.problems, []);
    const coded = await run(study, [
      'code',
      'transcripts/P04.txt',
      '--code',
      'choice',
      '--match',
      'By luck',
      '--by',
      'amara',
    ]);
    assert.equal(coded.code, 0, coded.stderr);
    assert.match(read(study, 'transcripts/P04.amara.codes.yaml'), /By luck/);
  });

  it('refuses to overwrite and refuses unreadable files, naming each, without stack traces, and imports the rest', async () => {
    const study = cleanStudy();
    write(study, 'P01.vtt', TEAMS_VTT);
    write(study, 'broken.docx', 'PK\u0003\u0004 not really a zip');
    write(study, 'empty.vtt', 'WEBVTT\n\nNOTE nothing said\n');
    writeFileSync(join(study, 'junk.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]));
    write(study, 'P07.srt', SRT);
    const result = await run(study, [
      'import',
      'transcript',
      'P01.vtt',
      'broken.docx',
      'empty.vtt',
      'junk.txt',
      'missing.vtt',
      'P07.srt',
    ]);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, 'P07.srt → transcripts/P07.txt (participant P07): srt, 2 turn(s), nothing left out\n');
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 5, result.stderr);
    assert.match(
      lines[0] ?? '',
      /^grounded import transcript: P01\.vtt: refused: P01\.txt already exists; nothing was written/,
    );
    assert.match(lines[1] ?? '', /^grounded import transcript: broken\.docx: refused: not a readable Word document/);
    assert.match(lines[2] ?? '', /^grounded import transcript: empty\.vtt: refused: a WebVTT file without cues/);
    assert.match(lines[3] ?? '', /^grounded import transcript: junk\.txt: refused: not a text file/);
    assert.match(lines[4] ?? '', /^grounded import transcript: missing\.vtt: refused: no such file/);
    assert.doesNotMatch(result.stderr, /\n\s+at /u);
    assert.equal(read(study, 'transcripts/P01.txt'), P01, 'the existing transcript is untouched');
    assert.deepEqual(
      readdirSync(join(study, 'transcripts'))
        .filter((name) => name.endsWith('.txt'))
        .sort(),
      ['P01.txt', 'P02.txt', 'P07.txt'],
    );
  });

  it('--participant names the transcript after the participant; --into writes elsewhere and says the study misses it', async () => {
    const study = cleanStudy();
    write(study, 'zoom_0412.vtt', TEAMS_VTT);
    const named = await runJson<ImportJson>(study, ['import', 'transcript', 'zoom_0412.vtt', '--participant', 'P09']);
    assert.equal(named.code, 0, named.stderr);
    assert.deepEqual(named.data.files[0], {
      source: 'zoom_0412.vtt',
      status: 'written',
      transcript: 'transcripts/P09.txt',
      format: 'vtt',
      turns: 2,
      participant: 'P09',
      dropped: ['1 WEBVTT header', '1 NOTE block'],
    });
    const unnamed = await run(study, ['import', 'transcript', 'zoom_0412.vtt']);
    assert.equal(unnamed.code, 0);
    assert.match(unnamed.stderr, /1 transcript\(s\) belong to no participant/);

    const outside = await run(study, ['import', 'transcript', 'zoom_0412.vtt', '--into', 'drafts']);
    assert.equal(outside.code, 0);
    assert.ok(existsSync(join(study, 'drafts', 'zoom_0412.txt')));
    assert.match(outside.stderr, /outside the study's transcripts \(transcripts\/\*\*\/\*\.txt in grounded\.yaml\)/);

    const bad = await run(study, ['import', 'transcript', 'zoom_0412.vtt', '--participant', '../P1']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--participant: the participant id starts with a dot/);
  });
});
