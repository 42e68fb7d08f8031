import assert from 'node:assert/strict';
import { existsSync, readdirSync, symlinkSync, renameSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { P01, cleanStudy, read, readBytes, run, runJson, sidecarText, write } from './helpers';

interface CheckJson {
  problems: { file: string; line: number; column: number; severity: string; kind: string; message: string }[];
  reanchored: { file: string; written: boolean }[];
  summary: { sidecars: number; codings: number; memos: number; errors: number; warnings: number };
}

const kindsAndPlaces = (data: CheckJson) => data.problems.map((p) => [p.kind, p.file, p.line, p.column, p.severity]);

describe('grounded check leaves nothing out and credits every coding to its coder', () => {
  it('reports a sidecar that is a symbolic link instead of skipping it, and never writes through it', async () => {
    const study = cleanStudy();
    // The coder keeps the real file elsewhere in the study and links it in.
    renameSync(join(study, 'transcripts/P01.ben.codes.yaml'), join(study, 'ben-P01.yaml'));
    symlinkSync(join(study, 'ben-P01.yaml'), join(study, 'transcripts/P01.ben.codes.yaml'));
    const target = readBytes(study, 'ben-P01.yaml');
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(kindsAndPlaces(data), [['symlink', 'transcripts/P01.ben.codes.yaml', 0, 0, 'error']]);
    assert.match(data.problems[0]?.message ?? '', /symbolic link/);
    // Coding as ben never writes through the link (the file-system adapter refuses to replace a link).
    await run(study, ['code', 'transcripts/P01.txt', '--code', 'burnout', '--start', '0', '--end', '5'], {
      env: { GROUNDED_CODER: 'ben' },
    });
    assert.deepEqual(readBytes(study, 'ben-P01.yaml'), target, 'the link target is untouched');
  });

  it('gives coders with names in other scripts their own sidecars (王芳 and 李娜 are two coders)', async () => {
    const study = cleanStudy();
    for (const name of ['王芳', '李娜']) {
      const result = await run(
        study,
        ['code', 'transcripts/P01.txt', '--code', 'burnout', '--start', '0', '--end', '11'],
        {
          env: { GROUNDED_CODER: name },
        },
      );
      assert.equal(result.code, 0, result.stderr);
    }
    const files = readdirSync(join(study, 'transcripts'))
      .filter((f) => f.startsWith('P01.'))
      .sort();
    assert.deepEqual(files, [
      'P01.amara.codes.yaml',
      'P01.ben.codes.yaml',
      'P01.txt',
      'P01.李娜.codes.yaml',
      'P01.王芳.codes.yaml',
    ]);
    assert.match(read(study, 'transcripts/P01.王芳.codes.yaml'), /^coder: "王芳"$/m);
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 0, JSON.stringify(data.problems));
    assert.equal(data.summary.sidecars, 5);
    assert.equal(data.summary.codings, 7);
  });

  it('refuses a sidecar whose coder line names another coder than its file name, at the coder line', async () => {
    const study = cleanStudy();
    const file = 'transcripts/P01.amara.codes.yaml';
    write(study, file, read(study, file).replace('coder: amara', 'coder: jonas'));
    const before = readBytes(study, file);
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(kindsAndPlaces(data), [['coder-mismatch', file, 4, 1, 'error']]);
    assert.equal(data.summary.codings, 3, "amara's two codings are not counted as jonas's");
    const coded = await run(study, ['code', 'transcripts/P01.txt', '--code', 'burnout', '--start', '0', '--end', '5'], {
      env: { GROUNDED_CODER: 'amara' },
    });
    assert.notEqual(coded.code, 0);
    assert.match(coded.stderr, /P01\.amara\.codes\.yaml:4:1/);
    assert.deepEqual(readBytes(study, file), before, 'never written');
  });

  it('reports conflict markers in a transcript and neither re-anchors nor writes its sidecars', async () => {
    const study = cleanStudy();
    const conflicted = P01.replace(
      'Later I chose',
      '<<<<<<< HEAD\nLater I chose\n=======\nIn the end I chose\n>>>>>>> theirs\nLater I chose',
    );
    write(study, 'transcripts/P01.txt', conflicted);
    const sidecars = ['transcripts/P01.amara.codes.yaml', 'transcripts/P01.ben.codes.yaml'];
    const before = sidecars.map((file) => readBytes(study, file));
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(kindsAndPlaces(data), [
      ['conflict-marker', 'transcripts/P01.txt', 3, 1, 'error'],
      ['conflict-marker', 'transcripts/P01.txt', 5, 1, 'error'],
      ['conflict-marker', 'transcripts/P01.txt', 7, 1, 'error'],
    ]);
    assert.deepEqual(data.reanchored, []);
    const coded = await run(study, ['code', 'transcripts/P01.txt', '--code', 'burnout', '--start', '0', '--end', '5'], {
      env: { GROUNDED_CODER: 'amara' },
    });
    assert.equal(coded.code, 1);
    assert.match(coded.stderr, /transcripts\/P01\.txt:3:1: error: git conflict marker "<<<<<<<"/);
    assert.deepEqual(
      sidecars.map((file) => readBytes(study, file)),
      before,
    );
  });

  it('checks the survey: conflict markers and parse errors are errors, as report refuses them', async () => {
    const study = cleanStudy();
    write(study, 'grounded.yaml', read(study, 'grounded.yaml') + 'survey:\n  files: [survey.csv]\n  idColumn: id\n');
    write(study, 'survey.csv', 'id,age\n<<<<<<< HEAD\nP01,30\n=======\nP01,31\n>>>>>>> theirs\nP02,40\n');
    const conflicted = await runJson<CheckJson>(study, ['check']);
    assert.equal(conflicted.code, 1);
    assert.deepEqual(kindsAndPlaces(conflicted.data), [
      ['conflict-marker', 'survey.csv', 2, 1, 'error'],
      ['conflict-marker', 'survey.csv', 4, 1, 'error'],
      ['conflict-marker', 'survey.csv', 6, 1, 'error'],
    ]);
    write(study, 'survey.csv', 'id,age\nP01,30\nP02,"40\n');
    const broken = await runJson<CheckJson>(study, ['check']);
    assert.equal(broken.code, 1);
    assert.deepEqual(
      broken.data.problems.map((p) => [p.file, p.severity]),
      [['survey.csv', 'error']],
    );
    write(study, 'survey.csv', 'id,age\nP01,30\nP02,40\n');
    assert.equal((await run(study, ['check'])).code, 0);
  });

  it('loads a memo with a setext heading (a line of "="), and still reports a real conflict in one', async () => {
    const study = cleanStudy();
    write(study, 'memos/findings.md', 'Findings\n=======\n\nMentors matter.\n\nDetails\n-------\n');
    const clean = await runJson<CheckJson>(study, ['check']);
    assert.equal(clean.code, 0, JSON.stringify(clean.data.problems));
    assert.equal(clean.data.summary.memos, 1);
    write(
      study,
      'memos/findings.md',
      'Findings\n=======\n\n<<<<<<< HEAD\nMentors matter.\n=======\nMentors help.\n>>>>>>> b\n',
    );
    const conflicted = await runJson<CheckJson>(study, ['check']);
    assert.deepEqual(kindsAndPlaces(conflicted.data), [
      ['conflict-marker', 'memos/findings.md', 4, 1, 'error'],
      ['conflict-marker', 'memos/findings.md', 6, 1, 'error'],
      ['conflict-marker', 'memos/findings.md', 8, 1, 'error'],
    ]);
  });

  it("reports the same coding id in two coders' sidecars, at both places", async () => {
    const study = cleanStudy();
    // ben's sidecar copied from amara's and edited by hand: its coding kept amara's id.
    const ben = sidecarText('P01.txt', P01, 'ben', [['choice', 'Later I chose my own mentor']]).replace(
      'id: ben-P01-1',
      'id: amara-P01-2',
    );
    write(study, 'transcripts/P01.ben.codes.yaml', ben);
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(kindsAndPlaces(data), [
      ['duplicate-coding-id', 'transcripts/P01.amara.codes.yaml', 14, 5, 'warning'],
      ['duplicate-coding-id', 'transcripts/P01.ben.codes.yaml', 7, 5, 'warning'],
    ]);
    assert.match(data.problems[0]?.message ?? '', /P01\.ben\.codes\.yaml:7/);
    assert.match(data.problems[1]?.message ?? '', /P01\.amara\.codes\.yaml:14/);
    assert.equal(data.summary.codings, 5, 'both codings are kept');
  });

  it('reports files left over by an interrupted write, and removes them with --clean', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/.P01.amara.codes.yaml.k3j9x2ab.tmp', 'half a sidecar');
    write(study, '.codebook.yaml.0a1b2c3d.tmp', '');
    write(study, 'transcripts/.P02.amara.codes.yaml.zz9x8c7v.tmp', 'a write in progress');
    // Ten minutes old: nobody is writing them any more. The third is being written now, and is left alone.
    const old = new Date(Date.now() - 10 * 60 * 1000);
    for (const file of ['transcripts/.P01.amara.codes.yaml.k3j9x2ab.tmp', '.codebook.yaml.0a1b2c3d.tmp'])
      utimesSync(join(study, file), old, old);
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(kindsAndPlaces(data), [
      ['leftover-temp-file', '.codebook.yaml.0a1b2c3d.tmp', 0, 0, 'warning'],
      ['leftover-temp-file', 'transcripts/.P01.amara.codes.yaml.k3j9x2ab.tmp', 0, 0, 'warning'],
    ]);
    assert.match(data.problems[0]?.message ?? '', /interrupted write/);
    const cleaned = await run(study, ['check', '--clean']);
    assert.equal(cleaned.code, 0, cleaned.stdout);
    assert.match(cleaned.stdout, /removed 2 leftover temp file\(s\)/);
    assert.equal(existsSync(join(study, 'transcripts/.P01.amara.codes.yaml.k3j9x2ab.tmp')), false);
    assert.equal(existsSync(join(study, '.codebook.yaml.0a1b2c3d.tmp')), false);
    assert.equal(existsSync(join(study, 'transcripts/.P02.amara.codes.yaml.zz9x8c7v.tmp')), true);
    assert.equal((await run(study, ['check'])).code, 0);
  });
});
