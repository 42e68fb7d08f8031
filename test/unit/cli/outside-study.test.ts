import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cleanStudy, read, run, runJson, tempFolder, write } from './helpers';

interface CheckJson {
  problems: { file: string; line: number; column: number; severity: string; kind: string; message: string }[];
}

/** A study inside a parent folder, so "../outside" is a real place next to it. */
function nestedStudy(): { parent: string; study: string } {
  const parent = tempFolder();
  const study = join(parent, 'studies', 'S');
  mkdirSync(join(parent, 'studies'), { recursive: true });
  // cleanStudy makes its own temp folder; symlinking is simpler than copying it into place.
  symlinkSync(cleanStudy(), study);
  return { parent, study };
}

describe('paths the study configures stay inside the study folder', () => {
  it('codebook: ../../outside/new.yaml is an error at grounded.yaml:line:col, and codebook add creates nothing there', async () => {
    const { parent, study } = nestedStudy();
    write(study, 'grounded.yaml', read(study, 'grounded.yaml') + 'codebook: ../../outside/new.yaml\n');
    const check = await runJson<CheckJson>(study, ['check']);
    assert.equal(check.code, 1);
    const outside = check.data.problems.filter((p) => p.kind === 'outside-study');
    assert.deepEqual(
      outside.map((p) => [p.file, p.line, p.column]),
      [['grounded.yaml', 6, 11]],
    );
    assert.match(outside[0]!.message, /codebook "\.\.\/\.\.\/outside\/new\.yaml" is not inside the study folder/);

    const add = await run(study, ['codebook', 'add', 'sponsorship']);
    assert.notEqual(add.code, 0, add.stdout + add.stderr);
    assert.equal(existsSync(join(parent, 'outside', 'new.yaml')), false);
    assert.equal(existsSync(join(parent, 'outside')), false);
  });

  it('absolute paths and "\\" in file paths are refused too, each at its line; "\\" escapes in globs are fine', async () => {
    const study = cleanStudy();
    write(
      study,
      'grounded.yaml',
      'grounded: 1\ntranscripts:\n  - "transcripts/**/*.txt"\n  - "/etc/*.txt"\nmemos: "..\\\\memos"\nsurvey:\n  files: [ok.csv, "x/../../s.csv"]\nexclude: ["transcripts/\\\\[draft\\\\]*.txt"]\n',
    );
    const check = await runJson<CheckJson>(study, ['check']);
    assert.deepEqual(
      check.data.problems.filter((p) => p.kind === 'outside-study').map((p) => [p.line, p.column]),
      [
        [4, 5],
        [5, 8],
        [7, 19],
      ],
    );
  });

  it('a codebook linked to a folder outside: reported at its key, not read, and codebook add writes nothing there', async () => {
    const study = cleanStudy();
    const elsewhere = tempFolder({ 'codes.yaml': read(study, 'codebook.yaml') });
    symlinkSync(elsewhere, join(study, 'linked'));
    write(study, 'grounded.yaml', read(study, 'grounded.yaml') + 'codebook: linked/new.yaml\n');
    const check = await runJson<CheckJson>(study, ['check']);
    const outside = check.data.problems.filter((p) => p.kind === 'link-outside-study');
    assert.deepEqual(
      outside.map((p) => [p.file, p.line, p.column]),
      [['grounded.yaml', 6, 11]],
    );
    assert.match(outside[0]!.message, /leads outside the study folder/);
    const add = await run(study, ['codebook', 'add', 'sponsorship']);
    assert.equal(add.code, 1, add.stdout + add.stderr);
    assert.match(add.stderr, /leads outside the study folder/);
    assert.equal(existsSync(join(elsewhere, 'new.yaml')), false);
  });

  it('a survey linked to /etc/passwd is never read: its first line is not echoed', async () => {
    const study = cleanStudy();
    const secret = tempFolder({ passwd: 'root:x:0:0:secret-first-line:/root:/bin/bash\nuser:x:1000\n' });
    symlinkSync(join(secret, 'passwd'), join(study, 'survey.csv'));
    write(study, 'grounded.yaml', read(study, 'grounded.yaml') + 'survey:\n  files: [survey.csv]\n');
    for (const argv of [['report'], ['stats'], ['export', 'matrix', '.', '-o', 'm.csv'], ['check']]) {
      const result = await run(study, argv);
      const said = result.stdout + result.stderr;
      assert.doesNotMatch(said, /secret-first-line|root:x/, argv.join(' '));
      if (argv[0] === 'check')
        assert.match(said, /^grounded\.yaml:7:11: error: survey file "survey\.csv" leads outside/m);
    }
    // Only what leads outside is refused: the codebook is the study's own and can be edited.
    const add = await run(study, ['codebook', 'add', 'sponsorship']);
    assert.equal(add.code, 0, add.stdout + add.stderr);
  });

  it('a memo folder linked outside gets no memos from there', async () => {
    const study = cleanStudy();
    const elsewhere = tempFolder({ 'note.md': '# Note\n\nfrom outside\n' });
    symlinkSync(elsewhere, join(study, 'memos'));
    const check = await runJson<CheckJson>(study, ['check']);
    assert.deepEqual(
      check.data.problems.filter((p) => p.kind === 'link-outside-study').map((p) => [p.file, p.line]),
      [['memos', 0]],
    );
  });
});

describe('grounded.yaml itself linked outside the study', () => {
  it('is not read (no line of it in any message) and codebook edits are refused', async () => {
    const study = cleanStudy();
    const secret = tempFolder({ passwd: 'secret-first-line: 1\nroot: x\n' });
    rmSync(join(study, 'grounded.yaml'));
    symlinkSync(join(secret, 'passwd'), join(study, 'grounded.yaml'));
    const check = await run(study, ['check']);
    assert.equal(check.code, 1);
    assert.doesNotMatch(check.stdout + check.stderr, /secret-first-line|root:x/);
    assert.match(check.stdout, /^grounded\.yaml: error: grounded\.yaml leads outside the study folder/m);
    const add = await run(study, ['codebook', 'add', 'sponsorship']);
    assert.equal(add.code, 1, add.stdout + add.stderr);
    assert.doesNotMatch(add.stdout + add.stderr, /secret-first-line|root:x/);
    assert.equal(read(study, 'codebook.yaml').includes('sponsorship'), false);
  });
});
