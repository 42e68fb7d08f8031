import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../../src/core/ports/memory-file-system';
import {
  importTranscripts,
  participantIdProblem,
  transcriptFileName,
} from '../../../../src/core/transcript-import/import-transcripts';
import { defaultTranscriptFolder } from '../../../../src/core/transcript-import/transcript-folder';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const FOLDER = 'memory:/study/transcripts';

async function read(fs: MemoryFileSystem, uri: string): Promise<string> {
  return new TextDecoder().decode(await fs.readFile(uri));
}

describe('importTranscripts', () => {
  it('writes each source as <stem>.txt in the folder and reports what it converted', async () => {
    const fs = new MemoryFileSystem();
    const results = await importTranscripts(fs, FOLDER, [
      { name: 'P01.txt', bytes: utf8('Interviewer: Hello.\r\n\r\n\r\nP01: Hi.  \r\n') },
      { name: 'notes/P02.md', bytes: utf8('P02: Fine.\n') },
    ]);
    assert.deepEqual(
      results.map((r) => [r.status, r.status === 'written' ? r.uri : r.reason]),
      [
        ['written', `${FOLDER}/P01.txt`],
        ['written', `${FOLDER}/P02.txt`],
      ],
    );
    assert.equal(await read(fs, `${FOLDER}/P01.txt`), 'Interviewer: Hello.\n\nP01: Hi.\n');
    const first = results[0];
    assert.ok(first?.status === 'written');
    assert.deepEqual(first.conversion, {
      text: 'Interviewer: Hello.\n\nP01: Hi.\n',
      format: 'text',
      dropped: [],
      turns: 2,
    });
  });

  it('never replaces an existing transcript, and still imports the other sources', async () => {
    const fs = new MemoryFileSystem({ [`${FOLDER}/P01.txt`]: 'the coded original\n' });
    const results = await importTranscripts(fs, FOLDER, [
      { name: 'P01.txt', bytes: utf8('P01: new words\n') },
      { name: 'P02.txt', bytes: utf8('P02: words\n') },
    ]);
    assert.equal(results[0]?.status, 'refused');
    assert.match(
      results[0]?.status === 'refused' ? results[0].reason : '',
      /P01\.txt already exists; nothing was written/,
    );
    assert.equal(await read(fs, `${FOLDER}/P01.txt`), 'the coded original\n');
    assert.equal(results[1]?.status, 'written');
  });

  it('refuses a second file of the batch that would become the same transcript, saying which', async () => {
    const fs = new MemoryFileSystem();
    const results = await importTranscripts(fs, FOLDER, [
      { name: 'a/P05.txt', bytes: utf8('P05: from the typist\n') },
      { name: 'b/P05.md', bytes: utf8('P05: from the notes\n') },
    ]);
    assert.ok(results[1]?.status === 'refused');
    assert.equal(results[1].reason, 'a/P05.txt of this import became P05.txt already; rename one of the two files');
    assert.equal(await read(fs, `${FOLDER}/P05.txt`), 'P05: from the typist\n');
  });

  it('refuses a name that still has a coder sidecar beside it', async () => {
    const fs = new MemoryFileSystem({ [`${FOLDER}/P03.amara.codes.yaml`]: 'codings: []\n' });
    const [result] = await importTranscripts(fs, FOLDER, [{ name: 'P03.vtt.txt', bytes: utf8('x\n') }]);
    assert.equal(result?.status, 'written', 'P03.vtt.txt becomes P03.vtt.txt: another stem');
    const [refused] = await importTranscripts(fs, FOLDER, [{ name: 'P03.docx', bytes: utf8('x') }]);
    assert.ok(refused?.status === 'refused');
    assert.match(refused.reason, /P03\.amara\.codes\.yaml already exists beside it/);
    assert.equal(await fs.stat(`${FOLDER}/P03.txt`), undefined);
  });

  it('refuses a source it cannot convert, naming what is wrong, and writes nothing for it', async () => {
    const fs = new MemoryFileSystem();
    const results = await importTranscripts(fs, FOLDER, [
      { name: 'junk.txt', bytes: new Uint8Array([0x41, 0xff, 0xfe, 0x00, 0x80]) },
      { name: 'empty.md', bytes: utf8('\n\n  \n') },
      { name: 'P04.txt', bytes: utf8('P04: fine\n') },
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['refused', 'refused', 'written'],
    );
    assert.match(results[0]?.status === 'refused' ? results[0].reason : '', /not a text file.*line 1, column 2/);
    assert.match(results[1]?.status === 'refused' ? results[1].reason : '', /no text to import/);
    assert.equal(await fs.stat(`${FOLDER}/junk.txt`), undefined);
    assert.equal(await fs.stat(`${FOLDER}/empty.txt`), undefined);
  });

  it('names the transcript after --participant so the study attributes it to them', async () => {
    const fs = new MemoryFileSystem();
    const [single] = await importTranscripts(fs, FOLDER, [{ name: 'zoom_0412.txt', bytes: utf8('a\n') }], {
      participant: 'P07',
    });
    assert.equal(single?.status === 'written' ? single.uri : '', `${FOLDER}/P07.txt`);
    const parts = await importTranscripts(
      fs,
      FOLDER,
      [
        { name: 'part1.txt', bytes: utf8('a\n') },
        { name: 'part2.txt', bytes: utf8('b\n') },
      ],
      { participant: 'P08', participants: { pattern: '^(?<id>P\\d{2})', overrides: {} }, studyRoot: 'memory:/study' },
    );
    assert.deepEqual(
      parts.map((r) => (r.status === 'written' ? r.uri : r.reason)),
      [`${FOLDER}/P08-part1.txt`, `${FOLDER}/P08-part2.txt`],
    );
  });

  it('refuses a participant name the study would attribute to someone else', async () => {
    const fs = new MemoryFileSystem();
    const results = await importTranscripts(
      fs,
      FOLDER,
      [
        { name: 'part1.txt', bytes: utf8('a\n') },
        { name: 'part2.txt', bytes: utf8('b\n') },
      ],
      { participant: 'P08', participants: { overrides: {} }, studyRoot: 'memory:/study' },
    );
    assert.ok(results[0]?.status === 'refused');
    assert.match(results[0].reason, /would attribute P08-part1\.txt to participant "P08-part1", not "P08"/);
    assert.equal(await fs.stat(`${FOLDER}/P08-part1.txt`), undefined);
  });
});

describe('transcript file names', () => {
  it('keep the source stem, or take the participant id', () => {
    assert.equal(transcriptFileName('C:\\rec\\Interview 3.docx', undefined), 'Interview 3.txt');
    assert.equal(transcriptFileName('a/b/P01.vtt', 'P09'), 'P09.txt');
    assert.equal(transcriptFileName('a/b/P01.vtt', 'P09', 2), 'P09-P01.txt');
  });

  it('refuse participant ids that cannot start a file name', () => {
    assert.equal(participantIdProblem('P01'), undefined);
    assert.match(participantIdProblem('../x') ?? '', /dot/);
    assert.match(participantIdProblem('a/b') ?? '', /cannot have/);
    assert.match(participantIdProblem(' ') ?? '', /empty/);
  });
});

describe('defaultTranscriptFolder', () => {
  it("is the fixed start of the study's first transcripts glob", () => {
    assert.equal(defaultTranscriptFolder(['transcripts/*.txt']), 'transcripts');
    assert.equal(defaultTranscriptFolder(['./data/interviews/**/*.txt', 'other/*.txt']), 'data/interviews');
    assert.equal(defaultTranscriptFolder(['**/*.txt']), '');
    assert.equal(defaultTranscriptFolder(['P*.txt']), '');
    assert.equal(defaultTranscriptFolder(['wave-{1,2}/*.txt']), '');
    assert.equal(defaultTranscriptFolder([]), '');
  });
});
