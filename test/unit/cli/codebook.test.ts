import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codebookCodec, sidecarCodec, type Code } from '../../../src/core/index';
import { cleanStudy, read, readBytes, run, runJson, write } from './helpers';

function codesOf(study: string): readonly Code[] {
  const parsed = codebookCodec.parse('codebook.yaml', read(study, 'codebook.yaml'));
  assert.ok(parsed.ok);
  return parsed.value.codes;
}

function code(study: string, id: string): Code | undefined {
  return codesOf(study).find((c) => c.id === id);
}

function codesUsed(study: string, path: string): string[] {
  const parsed = sidecarCodec.parse(path, read(study, path));
  assert.ok(parsed.ok);
  return parsed.value.codings.map((c) => c.code);
}

describe('grounded codebook', () => {
  it('add: writes a code with its fields, exit 0; refuses a duplicate or an invalid id with exit 2', async () => {
    const study = cleanStudy();
    const result = await run(study, [
      'codebook',
      'add',
      'sponsorship',
      '--name',
      'Sponsorship',
      '--parent',
      'mentoring',
      '--color',
      '#123456',
      '--definition',
      'Someone opened doors',
      '--memo',
      'from P07',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /codebook\.yaml: added "Sponsorship" \[sponsorship\] under mentoring/);
    assert.deepEqual(
      { ...code(study, 'sponsorship'), guid: undefined },
      {
        id: 'sponsorship',
        name: 'Sponsorship',
        parent: 'mentoring',
        color: '#123456',
        definition: 'Someone opened doors',
        memo: 'from P07',
        guid: undefined,
      },
    );
    assert.ok(code(study, 'sponsorship')?.guid, 'a stable GUID for REFI-QDA export');

    const before = readBytes(study, 'codebook.yaml');
    for (const argv of [
      ['codebook', 'add', 'sponsorship'],
      ['codebook', 'add', 'has space'],
      ['codebook', 'add', 'x', '--parent', 'nope'],
      ['codebook', 'add', 'y', '--color', 'red'],
    ]) {
      const refused = await run(study, argv);
      assert.equal(refused.code, 2, argv.join(' '));
      assert.match(refused.stderr, /^grounded codebook add: /);
    }
    assert.deepEqual(readBytes(study, 'codebook.yaml'), before);
  });

  it('add --json reports the code written', async () => {
    const { code: exit, data } = await runJson<{ codebook: string; code: Code }>(cleanStudy(), [
      'codebook',
      'add',
      'hope',
    ]);
    assert.equal(exit, 0);
    assert.equal(data.codebook, 'codebook.yaml');
    assert.equal(data.code.name, 'hope');
  });

  it('rename changes only the name; move changes the parent or makes it top-level', async () => {
    const study = cleanStudy();
    const sidecar = readBytes(study, 'transcripts/P01.amara.codes.yaml');
    assert.equal((await run(study, ['codebook', 'rename', 'choice', 'Chose', 'a', 'mentor'])).code, 0);
    assert.equal(code(study, 'choice')?.name, 'Chose a mentor');
    assert.deepEqual(
      readBytes(study, 'transcripts/P01.amara.codes.yaml'),
      sidecar,
      'sidecars never change on a rename',
    );

    assert.equal((await run(study, ['codebook', 'move', 'burnout', '--parent', 'mentoring'])).code, 0);
    assert.equal(code(study, 'burnout')?.parent, 'mentoring');
    assert.equal((await run(study, ['codebook', 'move', 'burnout', '--root'])).code, 0);
    assert.equal(code(study, 'burnout')?.parent, undefined);

    assert.equal(
      (await run(study, ['codebook', 'move', 'mentoring', '--parent', 'choice'])).code,
      2,
      'a code cannot go under its own child',
    );
    assert.equal((await run(study, ['codebook', 'move', 'burnout'])).code, 2, '--parent or --root is required');
    assert.equal((await run(study, ['codebook', 'rename', 'nope', 'Name'])).code, 2);
  });

  it('recolor and define', async () => {
    const study = cleanStudy();
    assert.equal((await run(study, ['codebook', 'recolor', 'burnout', '#abcdef'])).code, 0);
    assert.equal(code(study, 'burnout')?.color, '#abcdef');
    assert.equal((await run(study, ['codebook', 'recolor', 'burnout', 'blue'])).code, 2);
    assert.equal((await run(study, ['codebook', 'define', 'burnout', 'Exhaustion,', 'cynicism'])).code, 0);
    assert.equal(code(study, 'burnout')?.definition, 'Exhaustion, cynicism');
    assert.equal((await run(study, ['codebook', 'define', 'burnout', ''])).code, 0);
    assert.equal(code(study, 'burnout')?.definition, undefined);
  });

  it('merge moves every coding (all coders) and the children, then removes the code', async () => {
    const study = cleanStudy();
    const result = await run(study, ['codebook', 'merge', 'choice', 'assigned']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /merged choice into assigned: 3 coding\(s\) in 3 file\(s\)/);
    assert.equal(code(study, 'choice'), undefined);
    assert.deepEqual(codesUsed(study, 'transcripts/P01.amara.codes.yaml'), ['assigned', 'assigned']);
    assert.deepEqual(codesUsed(study, 'transcripts/P01.ben.codes.yaml'), ['assigned']);
    assert.deepEqual(codesUsed(study, 'transcripts/P02.amara.codes.yaml'), ['assigned', 'burnout']);
    assert.equal((await run(study, ['check'])).code, 0, 'the study stays consistent');
  });

  it('merge refuses, writing nothing, while a sidecar does not load', async () => {
    const study = cleanStudy();
    write(
      study,
      'transcripts/P01.ben.codes.yaml',
      read(study, 'transcripts/P01.ben.codes.yaml').replace('codings:', 'codings:\n<<<<<<< HEAD\n=======\n>>>>>>> b'),
    );
    const files = [
      'codebook.yaml',
      'transcripts/P01.amara.codes.yaml',
      'transcripts/P01.ben.codes.yaml',
      'transcripts/P02.amara.codes.yaml',
    ];
    const before = files.map((f) => readBytes(study, f));
    const result = await run(study, ['codebook', 'merge', 'choice', 'assigned']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /transcripts\/P01\.ben\.codes\.yaml:\d+:1: error: git conflict marker/);
    assert.deepEqual(
      files.map((f) => readBytes(study, f)),
      before,
    );
  });

  it('merge refuses while a transcript does not decode (its sidecars could not be updated)', async () => {
    const study = cleanStudy();
    writeFileSync(join(study, 'transcripts/P02.txt'), Buffer.from([0x50, 0x30, 0xe9, 0x0a])); // Latin-1 "é"
    const before = readBytes(study, 'transcripts/P02.amara.codes.yaml');
    const result = await run(study, ['codebook', 'merge', 'choice', 'assigned']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /transcripts\/P02\.txt:1:3: error: .*invalid UTF-8 at line 1, column 3 \(byte 2\)/);
    assert.deepEqual(readBytes(study, 'transcripts/P02.amara.codes.yaml'), before);
    assert.ok(code(study, 'choice'));
  });

  it('delete refuses while codings use the code (exit 1), deletes them with --force and says how many', async () => {
    const study = cleanStudy();
    const refused = await run(study, ['codebook', 'delete', 'choice']);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /code "choice" is used by 3 coding\(s\) in 3 file\(s\); nothing was deleted[\s\S]*--force/,
    );
    assert.ok(code(study, 'choice'));

    const forced = await runJson<{ deleted: string; codings: number; files: number }>(study, [
      'codebook',
      'delete',
      'choice',
      '--force',
    ]);
    assert.equal(forced.code, 0);
    assert.deepEqual(forced.data, { deleted: 'choice', codings: 3, files: 3, children: [], relations: [] });
    assert.equal(code(study, 'choice'), undefined);
    assert.deepEqual(codesUsed(study, 'transcripts/P01.ben.codes.yaml'), []);
    assert.equal((await run(study, ['check'])).code, 0);
  });

  it('delete of an unused category moves its children up', async () => {
    const study = cleanStudy();
    const result = await run(study, ['codebook', 'delete', 'mentoring']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /deleted code mentoring; assigned, choice moved to the top level/);
    assert.equal(code(study, 'assigned')?.parent, undefined);
  });

  it('refuses to edit a codebook that does not load (exit 1, byte-identical)', async () => {
    const study = cleanStudy();
    write(
      study,
      'codebook.yaml',
      read(study, 'codebook.yaml').replace('codes:', 'codes:\n  - id: burnout\n    name: Again'),
    );
    const before = readBytes(study, 'codebook.yaml');
    const result = await run(study, ['codebook', 'add', 'new-code']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /codebook\.yaml:\d+:\d+: error: code id "burnout" is defined twice/);
    assert.deepEqual(readBytes(study, 'codebook.yaml'), before);
  });

  it('--study points at the study from another folder', async () => {
    const study = cleanStudy();
    const elsewhere = cleanStudy();
    assert.equal((await run(elsewhere, ['codebook', 'add', 'hope', '--study', study])).code, 0);
    assert.ok(code(study, 'hope'));
    assert.equal(code(elsewhere, 'hope'), undefined);
  });
});
