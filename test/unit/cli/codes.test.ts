import assert from 'node:assert/strict';
import type { CodeUsage } from '../../../src/cli/code-usage';
import { P02, cleanStudy, run, runJson, sidecarText, tempFolder, write } from './helpers';

describe('grounded codes', () => {
  it("gives each code's own and total counts of codings, transcripts and participants, in tree order", async () => {
    const { code, data } = await runJson<CodeUsage[]>(cleanStudy(), ['codes']);
    assert.equal(code, 0);
    assert.deepEqual(
      data.map((u) => [
        u.id,
        u.depth,
        u.own.codings,
        u.total.codings,
        u.own.transcripts,
        u.total.transcripts,
        u.own.participants,
        u.total.participants,
      ]),
      [
        ['burnout', 0, 1, 1, 1, 1, 1, 1],
        ['mentoring', 0, 0, 4, 0, 2, 0, 2],
        ['assigned', 1, 1, 1, 1, 1, 1, 1],
        ['choice', 1, 3, 3, 2, 2, 2, 2],
      ],
    );
  });

  it('lists codes used by codings but missing from the codebook', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/P02.ben.codes.yaml', sidecarText('P02.txt', P02, 'ben', [['hope', 'second year']]));
    const { data } = await runJson<CodeUsage[]>(study, ['codes']);
    assert.deepEqual(
      data.filter((u) => !u.inCodebook).map((u) => [u.id, u.own.codings]),
      [['hope', 1]],
    );
    const human = await run(study, ['codes']);
    assert.match(human.stdout, /hope \[hope\] \(not in codebook\)/);
  });

  it('prints a table with the tree indented', async () => {
    const result = await run(cleanStudy(), ['codes']);
    assert.equal(result.code, 0);
    assert.match(
      result.stdout,
      /^codebook\.yaml: 4 code\(s\); 5 coding\(s\) in 2 transcript\(s\), 2 participant\(s\)$/m,
    );
    assert.match(result.stdout, /^Mentoring \[mentoring\] +0 +4 +0 +2 +0 +2$/m);
    assert.match(result.stdout, /^ {2}Chose own mentor \[choice\] +3 +3 +2 +2 +2 +2$/m);
  });

  it('says how to start when there are no codes', async () => {
    const result = await run(cleanStudy(), ['codes', 'transcripts']);
    assert.equal(result.code, 0, 'a folder inside the study finds the study');
    const empty = await run(tempFolder({ 'a.txt': 'x\n' }), ['codes']);
    assert.match(empty.stdout, /No codes yet/);
  });

  it('exits 1 when a file does not load, since its codings are missing from the counts', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/P02.amara.codes.yaml', 'codings: [\n');
    const { code, data, stderr } = await runJson<CodeUsage[]>(study, ['codes']);
    assert.equal(code, 1);
    assert.equal(data.find((u) => u.id === 'burnout')?.total.codings, 0);
    assert.match(stderr, /transcripts\/P02\.amara\.codes\.yaml/);
  });
});
