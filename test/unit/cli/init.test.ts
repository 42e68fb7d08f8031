import assert from 'node:assert/strict';
import { loadStudy, parseSettings } from '../../../src/core/index';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { read, readBytes, run, runJson, tempFolder, write } from './helpers';

describe('grounded init', () => {
  it('detects transcripts, participant ids and the survey, and writes grounded.yaml and an empty codebook', async () => {
    const folder = tempFolder({
      'interviews/P01.txt': 'one\n',
      'interviews/P02_followup.txt': 'two\n',
      'interviews/wave2/P10.txt': 'three\n',
      'data/survey-2026.csv': '\uFEFF"Participant ID";age;gender\nP01;30;f\n',
      'data/other.csv': 'a,b\n',
    });
    const result = await run(folder, ['init']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /3 transcript\(s\) \(interviews\/\*\*\/\*\.txt\)/);
    assert.match(result.stdout, /survey: data\/survey-2026\.csv, joined on column "Participant ID"/);
    assert.match(result.stdout, /Next steps:/);

    const settings = parseSettings('grounded.yaml', read(folder, 'grounded.yaml'));
    assert.ok(settings.ok);
    assert.deepEqual(settings.value.transcripts, ['interviews/**/*.txt']);
    assert.deepEqual(settings.value.survey.files, ['data/survey-2026.csv']);
    assert.equal(settings.value.survey.idColumn, 'Participant ID');
    assert.equal(settings.value.participants.pattern, '^(?<id>P\\d+)');
    assert.match(read(folder, 'codebook.yaml'), /^codes: \[\]$/m);

    const study = await loadStudy(new NodeFileSystem(), pathToUri(folder));
    assert.deepEqual(
      study.transcripts.map((t) => t.participant),
      ['P01', 'P02', 'P10'],
    );
    assert.deepEqual(study.problems, []);
    assert.equal((await run(folder, ['check'])).code, 0);
  });

  it('uses the whole file name as the participant when names do not look like P01', async () => {
    const folder = tempFolder({ 'alice.txt': 'a\n', 'bob.txt': 'b\n' });
    const { code, data } = await runJson<{
      transcriptGlob: string;
      participantPattern: string | null;
      survey: string | null;
    }>(folder, ['init']);
    assert.equal(code, 0);
    assert.deepEqual([data.transcriptGlob, data.participantPattern, data.survey], ['*.txt', null, null]);
    assert.match(read(folder, 'grounded.yaml'), /# pattern:/);
  });

  it('refuses to overwrite grounded.yaml (exit 1, byte-identical) and keeps an existing codebook', async () => {
    const folder = tempFolder({ 'P01.txt': 'a\n', 'codebook.yaml': 'grounded: 1\ncodes: []\n# mine\n' });
    assert.equal((await run(folder, ['init'])).code, 0);
    assert.equal(read(folder, 'codebook.yaml'), 'grounded: 1\ncodes: []\n# mine\n');
    write(folder, 'grounded.yaml', read(folder, 'grounded.yaml') + '# edited\n');
    const before = readBytes(folder, 'grounded.yaml');
    const again = await run(folder, ['init']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /grounded\.yaml already exists/);
    assert.deepEqual(readBytes(folder, 'grounded.yaml'), before);
  });

  it('initializes another folder given as an argument', async () => {
    const folder = tempFolder({ 'study/P01.txt': 'a\n' });
    const result = await run(folder, ['init', 'study']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Started a Grounded study in study/);
    assert.match(read(folder, 'study/grounded.yaml'), /transcripts:\n {2}- "\*\.txt"/);
  });
});
