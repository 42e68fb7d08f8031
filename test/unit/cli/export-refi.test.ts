import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { parseCodebook } from '../../../src/core/index';
import { cleanStudy, read, run, runJson, write } from './helpers';

describe('grounded export qdpx / qdc', function () {
  this.timeout(60_000);

  it('writes a .qdpx with project.qde and the sources, and stores the GUIDs it gave the codes', async () => {
    const study = cleanStudy();
    write(study, 'survey.csv', 'participant_id,group\nP01,a\nP02,b\n');
    assert.doesNotMatch(read(study, 'codebook.yaml'), /guid/);
    const result = await runJson<{ sources: number; codings: number; skipped: string[] }>(study, [
      'export',
      'qdpx',
      '.',
      '--out',
      '../study.qdpx',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual([result.data.sources, result.data.codings, result.data.skipped], [2, 5, []]);
    const files = unzipSync(readFileSync(join(study, '..', 'study.qdpx')));
    assert.ok(files['project.qde']);
    assert.equal(Object.keys(files).filter((name) => /^sources\/[0-9a-f-]{36}\.txt$/.test(name)).length, 2);
    const codebook = parseCodebook('x', read(study, 'codebook.yaml'));
    assert.ok(codebook.ok && codebook.value.codes.every((code) => code.guid !== undefined));
  });

  it('writes a .qdc codebook', async () => {
    const study = cleanStudy();
    const result = await run(study, ['export', 'qdc', '-o', 'codes.qdc']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      read(study, 'codes.qdc'),
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/,
    );
    assert.match(result.stdout, /4 code\(s\) exported/);
  });

  it('refuses a study file as --out and a missing --out (exit 2, nothing written)', async () => {
    const study = cleanStudy();
    const before = read(study, 'codebook.yaml');
    const onto = await run(study, ['export', 'qdc', '--out', 'codebook.yaml']);
    assert.equal(onto.code, 2, onto.stderr);
    assert.match(onto.stderr, /refusing to write to codebook\.yaml/);
    assert.equal(read(study, 'codebook.yaml'), before, 'not even the GUIDs are stored');
    const missing = await run(study, ['export', 'qdpx']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--out <file\.qdpx> is required/);
    assert.equal(existsSync(join(study, 'study.qdpx')), false);
  });

  it('exits 1 and names a codebook whose stored GUIDs clash, writing nothing', async () => {
    const study = cleanStudy();
    const text = read(study, 'codebook.yaml').replace(
      /( {2}- id: (burnout|choice)\n)/g,
      '$1    guid: 0a1b2c3d-0000-4000-8000-00000000000a\n',
    );
    write(study, 'codebook.yaml', text);
    const result = await run(study, ['export', 'qdpx', '--out', 'x.qdpx']);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /codes "burnout" and "choice" share the guid/);
    assert.equal(existsSync(join(study, 'x.qdpx')), false);
    assert.equal(read(study, 'codebook.yaml'), text);
  });
});
