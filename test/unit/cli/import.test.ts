import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCodings, loadStudy, loadSurvey, parseCodebook } from '../../../src/core/index';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { CODEBOOK, GUID, projectXml, qdpx, storedOffset, textSource } from '../core/refi-qda/import/fixtures';
import { read, run, runJson, tempFolder, write } from './helpers';

const CRLF_TEXT = 'Interviewer: Hello.\r\nP01: I trusted her.\r\n\r\nLater I burnt out.\r\n';

const at = (passage: string) => storedOffset(CRLF_TEXT, passage);

function project(): Uint8Array {
  return qdpx(
    projectXml({
      variables: `<Variables><Variable guid="${GUID.age}" name="age" typeOfVariable="Integer"/></Variables>`,
      cases:
        `<Cases><Case guid="${GUID.caseA}" name="P01"><VariableValue><VariableRef targetGUID="${GUID.age}"/>` +
        `<IntegerValue>34</IntegerValue></VariableValue><SourceRef targetGUID="${GUID.source1}"/></Case></Cases>`,
      sources:
        textSource({
          guid: GUID.source1,
          name: 'Interview one',
          path: `internal://${GUID.source1}.txt`,
          selections: [
            { start: at('I trusted her.'), end: at('I trusted her.') + 14, code: GUID.trust, user: GUID.amara },
            { start: at('Later'), end: at('Later') + 17, code: GUID.burnout, user: GUID.jonas },
            { start: at('out.'), end: 400, code: GUID.burnout, user: GUID.jonas },
          ],
        }) + `<VideoSource guid="${GUID.audio}" name="Clip" path="internal://${GUID.audio}.mp4"/>`,
    }),
    { [`sources/${GUID.source1}.txt`]: CRLF_TEXT },
  );
}

describe('grounded import qdpx', () => {
  it('creates a study that loads: transcripts, sidecars per coder, codebook, survey joined by case', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'in.qdpx'), project());
    const result = await run(folder, ['import', 'qdpx', 'in.qdpx', '--into', 'study']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Imported in\.qdpx \(project "Fixture study"\) into study/);
    assert.match(result.stdout, /3 coding\(s\) by amara-ndiaye, jonas \(1 orphaned: positions outside their source\)/);
    assert.match(result.stdout, /Not imported \(1\):\n {2}1 video source: "Clip" — Grounded codes plain text only/);

    const root = join(folder, 'study');
    assert.deepEqual(readdirSync(join(root, 'transcripts')).sort(), [
      'Interview one.amara-ndiaye.codes.yaml',
      'Interview one.jonas.codes.yaml',
      'Interview one.txt',
    ]);
    const study = await loadStudy(new NodeFileSystem(), pathToUri(root));
    assert.deepEqual(
      study.problems.map((p) => p.kind),
      ['orphan'],
    );
    const [transcript] = study.transcripts;
    assert.equal(transcript?.participant, 'P01');
    const quotes = allCodings(study).map(({ coding }) => [coding.by, coding.code, coding.quote]);
    assert.deepEqual(quotes, [
      ['amara-ndiaye', 'trust', 'I trusted her.'],
      ['jonas', 'burnout', 'Later I burnt out'],
      ['jonas', 'burnout', 'out.\n'],
    ]);
    const survey = await loadSurvey(new NodeFileSystem(), study);
    assert.ok(survey?.ok, JSON.stringify(survey));
    assert.deepEqual(
      survey.value.rows.map((row) => [row.id, row.values['age']]),
      [['P01', 34]],
    );
    const codebook = parseCodebook('codebook.yaml', read(root, 'codebook.yaml'));
    assert.ok(codebook.ok);
    assert.equal(codebook.value.codes.find((c) => c.id === 'trust')?.guid, GUID.trust);
  });

  it('refuses a folder that is not empty and writes nothing', async () => {
    const folder = tempFolder({ 'study/notes.txt': 'mine\n' });
    writeFileSync(join(folder, 'in.qdpx'), project());
    const result = await run(folder, ['import', 'qdpx', 'in.qdpx', '--into', 'study']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /study: is not empty; nothing was imported/);
    assert.deepEqual(readdirSync(join(folder, 'study')), ['notes.txt']);
  });

  for (const [label, bytes, message] of [
    ['not a zip', new TextEncoder().encode('hello'), /bad\.qdpx: is not a readable zip archive/],
    ['not XML', qdpx('<Project name="x">'), /bad\.qdpx › project\.qde:1:\d+: is not well-formed XML/],
    ['a zip-slip entry', qdpx(projectXml({}), { 'sources/../../x.txt': 'x' }), /climbs out of its folder/],
  ] as const) {
    it(`refuses ${label} with exit 1, a hint, and no folder created`, async () => {
      const folder = tempFolder();
      writeFileSync(join(folder, 'bad.qdpx'), bytes);
      const result = await run(folder, ['import', 'qdpx', 'bad.qdpx', '--into', 'study']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /\n {2}\S/, 'a hint on the next line');
      assert.equal(existsSync(join(folder, 'study')), false);
    });
  }

  it('gives the summary as JSON', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'in.qdpx'), project());
    const { code, data } = await runJson<{ codings: number; notImported: { kind: string }[]; files: string[] }>(
      folder,
      ['import', 'qdpx', 'in.qdpx', '--into', 'out'],
    );
    assert.equal(code, 0);
    assert.equal(data.codings, 3);
    assert.deepEqual(
      data.notImported.map((s) => s.kind),
      ['video source'],
    );
    assert.ok(data.files.includes('grounded.yaml'));
  });
});

describe('grounded import qdc', () => {
  const QDC =
    '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">' +
    CODEBOOK.replace('<CodeBook>', '')
      .replace('</CodeBook>', '')
      .replace(
        '<Code guid="5b1e0c2d-2222-4b3c-9d4e-000000000003" name="Burnout" isCodable="true"/>',
        '<Code guid="5b1e0c2d-2222-4b3c-9d4e-000000000003" name="burnout" isCodable="true"><Code guid="5b1e0c2d-2222-4b3c-9d4e-0000000000a1" name="Exhaustion" isCodable="true" color="#112233"/></Code>',
      ) +
    '<Sets><Set guid="5b1e0c2d-2222-4b3c-9d4e-0000000000b1" name="Core"/></Sets></CodeBook>';

  it('adds new codes under their parents, leaves existing ones untouched, and reports both', async () => {
    const codebook =
      'grounded: 1\ncodes:\n  - id: burnout\n    name: Burnout\n    color: "#76b7b2"\n    definition: "Ours"\n';
    const folder = tempFolder({ 'grounded.yaml': 'grounded: 1\n', 'codebook.yaml': codebook, 'in.qdc': QDC });
    const result = await run(folder, ['import', 'qdc', 'in.qdc']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /added 3 code\(s\), skipped 1/);
    assert.match(result.stdout, / {2}= "burnout" is \[burnout\] already \(same name\); left as it is/);
    assert.match(result.stdout, / {2}\+ "Exhaustion" \[exhaustion\] under burnout/);
    assert.match(result.stdout, /1 set: "Core"/);
    const parsed = parseCodebook('codebook.yaml', read(folder, 'codebook.yaml'));
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.value.codes.map((c) => [c.id, c.name, c.parent ?? null, c.color ?? null, c.definition ?? null]),
      [
        ['burnout', 'Burnout', null, '#76b7b2', 'Ours'],
        ['exhaustion', 'Exhaustion', 'burnout', '#112233', null],
        ['relationships', 'Relationships', null, '#4e79a7', 'How people relate'],
        ['trust', 'Trust', 'relationships', '#ff2288', null],
      ],
    );
    const again = await run(folder, ['import', 'qdc', 'in.qdc']);
    assert.match(again.stdout, /added 0 code\(s\), skipped 4/);
    assert.match(again.stdout, /"Trust" is \[trust\] already \(same guid\)/);
  });

  it('refuses a file that is not XML or is a zip, leaving the codebook as it was', async () => {
    const folder = tempFolder({ 'grounded.yaml': 'grounded: 1\n', 'codebook.yaml': 'grounded: 1\ncodes: []\n' });
    write(folder, 'broken.qdc', '<CodeBook><Codes></CodeBook>');
    const broken = await run(folder, ['import', 'qdc', 'broken.qdc']);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /broken\.qdc:1:\d+: is not well-formed XML/);
    writeFileSync(join(folder, 'p.qdc'), project());
    const zip = await run(folder, ['import', 'qdc', 'p.qdc']);
    assert.equal(zip.code, 1);
    assert.match(zip.stderr, /is a zip archive, not a codebook/);
    assert.equal(read(folder, 'codebook.yaml'), 'grounded: 1\ncodes: []\n');
  });
});
