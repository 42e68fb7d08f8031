import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS, cleanStudy, runJson } from './helpers';

interface CheckJson {
  problems: { file: string; line: number; severity: string; kind: string; message: string; hint?: string }[];
}

/** cleanStudy's sidecars hold 5 codings of 3 codes: assigned, choice (3 times) and burnout. */
describe('a codebook that is not there', () => {
  it('deleted while sidecars use its codes: one error about the codebook, not one per coding', async () => {
    const study = cleanStudy();
    rmSync(join(study, 'codebook.yaml'));
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(
      data.problems.map((p) => [p.file, p.severity, p.kind]),
      [['codebook.yaml', 'error', 'codebook-missing']],
    );
    const [missing] = data.problems;
    assert.match(
      missing?.message ?? '',
      /^codebook codebook\.yaml not found: 5 coding\(s\) use 3 code\(s\) \(choice, assigned, burnout\)/,
    );
    assert.match(missing?.hint ?? '', /git checkout -- codebook\.yaml.*grounded codebook add/);
  });

  it('named by grounded.yaml but absent: the same one error, naming that file', async () => {
    const study = cleanStudy();
    writeFileSync(join(study, 'grounded.yaml'), SETTINGS + 'codebook: codes/main.yaml\n');
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(
      data.problems.map((p) => [p.file, p.kind]),
      [['codes/main.yaml', 'codebook-missing']],
    );
    assert.match(data.problems[0]?.message ?? '', /^codebook codes\/main\.yaml not found: 5 coding\(s\)/);
  });

  it('present but not UTF-8: its encoding problem and one "codes not checked", not one error per coding', async () => {
    const study = cleanStudy();
    writeFileSync(join(study, 'codebook.yaml'), Buffer.from([0xff, 0xfe, 0x63, 0x00]));
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(
      data.problems.map((p) => [p.file, p.kind]),
      [
        ['codebook.yaml', 'codes-unchecked'],
        ['codebook.yaml', 'encoding'],
      ],
    );
  });

  it('a fresh study without a codebook and without codings is no problem', async () => {
    const study = cleanStudy();
    rmSync(join(study, 'codebook.yaml'));
    for (const sidecar of ['P01.amara', 'P01.ben', 'P02.amara'])
      rmSync(join(study, `transcripts/${sidecar}.codes.yaml`));
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.deepEqual(data.problems, []);
    assert.equal(code, 0);
  });
});
