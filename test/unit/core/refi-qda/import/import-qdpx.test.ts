import assert from 'node:assert/strict';
import {
  importQdpx,
  parseCodebook,
  parseSettings,
  parseSidecar,
  RefiImportError,
  type ImportPlan,
  type Sidecar,
} from '../../../../../src/core/index';
import { CODEBOOK, GUID, guid, projectXml, qdpx, storedOffset, textSource, utf16 } from './fixtures';

function file(plan: ImportPlan, path: string): string {
  const found = plan.files.find((f) => f.path === path);
  assert.ok(found, `${path} not in ${plan.files.map((f) => f.path).join(', ')}`);
  return found.text;
}

function sidecar(plan: ImportPlan, path: string): Sidecar {
  const parsed = parseSidecar(path, file(plan, path));
  assert.ok(parsed.ok, JSON.stringify(parsed));
  return parsed.value.sidecar;
}

/** Code-point slice, as Python's text[start:end]. */
function slice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

describe('REFI-QDA import: positions and text encodings', () => {
  it('converts positions of a BOM + CRLF source (CRLF counts two) to canonical offsets, with the quote from the LF text', () => {
    const stored =
      'Interviewer: Hello.\r\nP01: Hi.\r\n\r\nInterviewer: Your mentor?\r\nP01: 🙂 I trusted her completely.\r\n';
    const passage = 'I trusted her completely';
    const start = storedOffset(stored, passage);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(stored)]);
    const plan = importQdpx(
      qdpx(
        projectXml({
          sources: textSource({
            guid: GUID.source1,
            name: 'P01',
            path: `internal://${GUID.source1}.txt`,
            selections: [{ start, end: start + passage.length, code: GUID.trust, user: GUID.amara }],
          }),
        }),
        { [`sources/${GUID.source1}.txt`]: bytes },
      ),
      'fixture.qdpx',
    );
    const text = file(plan, 'transcripts/P01.txt');
    assert.equal(text, stored.replace(/\r\n/g, '\n'));
    const [coding] = sidecar(plan, 'transcripts/P01.amara-ndiaye.codes.yaml').codings;
    assert.ok(coding);
    // Four CRLFs before the passage: the canonical offset is four less than the stored position.
    assert.equal(coding.start, start - 4);
    assert.equal(coding.quote, passage);
    assert.equal(slice(text, coding.start, coding.end), passage);
    assert.equal(coding.prefix, slice(text, coding.start - 32, coding.start));
    assert.equal(coding.status, undefined);
  });

  for (const [label, endian, bom] of [
    ['UTF-16 LE with a BOM', 'le', true],
    ['UTF-16 BE without a BOM (found by its zero bytes)', 'be', false],
    ['UTF-16 LE without a BOM', 'le', false],
  ] as const) {
    it(`reads a ${label} source`, () => {
      const stored = 'Q: And then?\r\nA: Then I felt burnt out, über müde.\r\n';
      const passage = 'burnt out, über müde';
      const start = storedOffset(stored, passage);
      const plan = importQdpx(
        qdpx(
          projectXml({
            sources: textSource({
              guid: GUID.source1,
              name: 'Wide',
              path: `internal://${GUID.source1}.txt`,
              selections: [{ start, end: start + passage.length, code: GUID.burnout, user: GUID.jonas }],
            }),
          }),
          { [`sources/${GUID.source1}.txt`]: utf16(stored, endian, bom) },
        ),
        'fixture.qdpx',
      );
      assert.equal(file(plan, 'transcripts/Wide.txt'), 'Q: And then?\nA: Then I felt burnt out, über müde.\n');
      assert.equal(sidecar(plan, 'transcripts/Wide.jonas.codes.yaml').codings[0]?.quote, passage);
      assert.deepEqual(plan.summary.warnings, []);
    });
  }

  it('reads inline PlainTextContent and uppercase or braced GUIDs', () => {
    const text = 'Some say trust is earned. Others burn out.';
    const upper = (g: string) => g.toUpperCase();
    const plan = importQdpx(
      qdpx(
        projectXml({
          sources: textSource({
            guid: upper(GUID.source2),
            name: 'Inline notes',
            inline: text,
            selections: [
              { start: 9, end: 24, code: upper(GUID.trust), user: `{${upper(GUID.amara)}}` },
              { start: 33, end: 41, code: `{${GUID.burnout}}`, user: upper(GUID.jonas) },
            ],
          }),
        }),
      ),
      'fixture.qdpx',
    );
    assert.equal(
      sidecar(plan, 'transcripts/Inline notes.amara-ndiaye.codes.yaml').codings[0]?.quote,
      'trust is earned',
    );
    assert.equal(sidecar(plan, 'transcripts/Inline notes.jonas.codes.yaml').codings[0]?.quote, 'burn out');
    assert.deepEqual(plan.summary.notImported, []);
  });

  it('finds the project in <name>.qde (ATLAS.ti) and sources in Sources/ through a relative or absolute path', () => {
    const plan = importQdpx(
      qdpx(
        projectXml({
          sources:
            textSource({
              guid: GUID.source1,
              name: 'Relative',
              path: `Sources/${GUID.source1}.txt`,
              selections: [{ start: 0, end: 3, code: GUID.trust }],
            }) +
            textSource({
              guid: GUID.source2,
              name: 'Absolute',
              path: `absolute:///C:/Users/me/Project/Sources/${GUID.source2.toUpperCase()}.TXT`,
            }),
        }),
        { [`Sources/${GUID.source1}.txt`]: 'one two', [`Sources/${GUID.source2}.txt`]: 'three' },
        'My Study.qde',
      ),
      'atlas.qdpx',
    );
    assert.equal(file(plan, 'transcripts/Relative.txt'), 'one two');
    assert.equal(file(plan, 'transcripts/Absolute.txt'), 'three');
    // A coding without creatingUser belongs to the coder "imported".
    assert.equal(sidecar(plan, 'transcripts/Relative.imported.codes.yaml').codings[0]?.quote, 'one');
  });

  it('imports a selection outside its source as an orphan coding whose memo says why, never drops it', () => {
    const plan = importQdpx(
      qdpx(
        projectXml({
          sources: textSource({
            guid: GUID.source1,
            name: 'Short',
            inline: 'Only twenty letters.',
            selections: [
              { start: 5, end: 11, code: GUID.trust, user: GUID.amara },
              { start: 15, end: 90, code: GUID.burnout, user: GUID.amara, description: 'the end of it' },
            ],
          }),
        }),
      ),
      'fixture.qdpx',
    );
    const codings = sidecar(plan, 'transcripts/Short.amara-ndiaye.codes.yaml').codings;
    assert.equal(codings.length, 2);
    const orphan = codings.find((c) => c.code === 'burnout');
    assert.ok(orphan);
    assert.equal(orphan.status, 'orphan');
    assert.deepEqual([orphan.start, orphan.end], [15, 20]);
    assert.match(
      orphan.memo ?? '',
      /^the end of it\n\nImported from REFI-QDA as an orphan: positions 15–90 fall outside the source's 20 characters\.$/,
    );
    assert.equal(plan.summary.orphans, 1);
    assert.match(plan.summary.warnings[0]?.message ?? '', /orphan: positions 15–90/);
  });
});

describe('REFI-QDA import: what has no place in a study is listed', () => {
  it('sources without their text, passages without a code, codes of a whole source', () => {
    const plan = importQdpx(
      qdpx(
        projectXml({
          sources:
            textSource({ guid: GUID.source1, name: 'External', path: 'absolute:///D:/elsewhere/interview.txt' }) +
            `<TextSource guid="${GUID.source2}" name="Rich only" richTextPath="internal://${GUID.source2}.docx"/>` +
            `<TextSource guid="${GUID.pdf}" name="Mixed"><PlainTextContent>Some words here.</PlainTextContent>` +
            `<PlainTextSelection guid="${guid()}" startPosition="0" endPosition="4"/>` +
            `<PlainTextSelection guid="${guid()}" startPosition="5" endPosition="10"><Coding guid="${guid()}"><CodeRef targetGUID="${guid()}"/></Coding></PlainTextSelection>` +
            `<Coding guid="${guid()}"><CodeRef targetGUID="${GUID.trust}"/></Coding></TextSource>`,
        }),
      ),
      'fixture.qdpx',
    );
    assert.deepEqual(
      plan.summary.notImported.map((s) => [s.kind, s.name]),
      [
        ['text source', 'External'],
        ['text source', 'Rich only'],
        ['coding', 'selection 0–4 in "Mixed"'],
        ['coding', 'coding 5–10 in "Mixed"'],
        ['coding', 'coding of the whole source "Mixed"'],
      ],
    );
    assert.match(plan.summary.notImported[0]?.reason ?? '', /not in the package/);
    assert.equal(file(plan, 'transcripts/Mixed.txt'), 'Some words here.');
  });
});

describe('REFI-QDA import: survey columns', () => {
  it('keeps variables whose names clash apart, and the id column clear of them', () => {
    const [age, age2, id] = [guid(), guid(), guid()];
    const value = (variable: string, text: string) =>
      `<VariableValue><VariableRef targetGUID="${variable}"/><TextValue>${text}</TextValue></VariableValue>`;
    const plan = importQdpx(
      qdpx(
        projectXml({
          variables:
            `<Variables><Variable guid="${age}" name="Age" typeOfVariable="Text"/>` +
            `<Variable guid="${age2}" name="age" typeOfVariable="Text"/>` +
            `<Variable guid="${id}" name="participant_id" typeOfVariable="Text"/></Variables>`,
          cases: `<Cases><Case guid="${guid()}" name="P01">${value(age, '30s')}${value(age2, '34')}${value(id, 'x')}</Case></Cases>`,
        }),
      ),
      'fixture.qdpx',
    );
    assert.equal(file(plan, 'survey.csv'), 'participant_id_2,Age,age (2),participant_id\nP01,30s,34,x\n');
    const settings = parseSettings('grounded.yaml', file(plan, 'grounded.yaml'));
    assert.ok(settings.ok);
    assert.equal(settings.value.survey.idColumn, 'participant_id_2');
  });
});

describe('REFI-QDA import: the study', () => {
  const project = projectXml({
    variables:
      `<Variables><Variable guid="${GUID.gender}" name="gender" typeOfVariable="Text"/>` +
      `<Variable guid="${GUID.age}" name="age" typeOfVariable="Integer"/></Variables>`,
    cases:
      `<Cases><Case guid="${GUID.caseA}" name="P01">` +
      `<VariableValue><VariableRef targetGUID="${GUID.gender}"/><TextValue>female</TextValue></VariableValue>` +
      `<VariableValue><VariableRef targetGUID="${GUID.age}"/><IntegerValue>34</IntegerValue></VariableValue>` +
      `<SourceRef targetGUID="${GUID.source1}"/></Case>` +
      `<Case guid="${guid()}" name="P02"><VariableValue><VariableRef targetGUID="${GUID.age}"/><IntegerValue>41</IntegerValue></VariableValue>` +
      `<SourceRef targetGUID="${GUID.source2}"/></Case></Cases>`,
    sources:
      textSource({
        guid: GUID.source1,
        name: 'Interview: Amara / first?',
        path: `internal://${GUID.source1}.txt`,
        selections: [{ start: 0, end: 5, code: GUID.trust, user: GUID.amara, description: 'opening words' }],
      }) +
      textSource({ guid: GUID.source2, name: 'p02.docx', path: `internal://${GUID.source2}.txt` }) +
      `<PDFSource guid="${GUID.pdf}" name="Article.pdf" path="internal://${GUID.pdf}.pdf"/>` +
      `<AudioSource guid="${GUID.audio}" name="Focus group" path="relative:///audio/fg.m4a"/>`,
    notes:
      `<Notes><Note guid="${GUID.note1}" name="Early ideas" creationDateTime="2026-03-01T10:00:00Z"><PlainTextContent>Trust comes first.</PlainTextContent></Note>` +
      `<Note guid="${GUID.note2}" name="On trust"><PlainTextContent>Trust is relational.</PlainTextContent></Note></Notes>`,
    after: `<Sets><Set guid="${guid()}" name="Residents"/></Sets><Graphs><Graph guid="${guid()}" name="Map"/></Graphs><Extra/>`,
    codebook: CODEBOOK.replace(
      '<Code guid="5b1e0c2d-2222-4b3c-9d4e-000000000002" name="Trust" isCodable="true" color="#F28"/>',
      `<Code guid="${GUID.trust}" name="Trust" isCodable="true" color="#F28"><NoteRef targetGUID="${GUID.note2}"/></Code>`,
    ),
  });
  const plan = importQdpx(
    qdpx(project, {
      [`sources/${GUID.source1}.txt`]: 'Hello there.\n',
      [`sources/${GUID.source2}.txt`]: 'Second.\n',
      [`sources/${GUID.pdf}.pdf`]: '%PDF-1.4 not really',
    }),
    'study.qdpx',
  );

  it('writes the codebook with hierarchy, colours, definitions, GUIDs, and notes on codes as their memos', () => {
    const codebook = parseCodebook('codebook.yaml', file(plan, 'codebook.yaml'));
    assert.ok(codebook.ok);
    assert.deepEqual(codebook.value.codes, [
      { id: 'burnout', name: 'Burnout', guid: GUID.burnout },
      {
        id: 'relationships',
        name: 'Relationships',
        color: '#4e79a7',
        definition: 'How people relate',
        guid: GUID.category,
      },
      {
        id: 'trust',
        name: 'Trust',
        parent: 'relationships',
        color: '#ff2288',
        memo: 'Trust is relational.',
        guid: GUID.trust,
      },
    ]);
  });

  it('names transcripts after their sources, safely, and joins them to the survey by case', () => {
    assert.deepEqual(
      plan.summary.transcripts.map((t) => [t.path, t.participant]),
      [
        ['transcripts/Interview Amara first.txt', 'P01'],
        ['transcripts/p02.txt', 'P02'],
      ],
    );
    assert.equal(file(plan, 'survey.csv'), 'participant_id,gender,age\nP01,female,34\nP02,,41\n');
    const settings = parseSettings('grounded.yaml', file(plan, 'grounded.yaml'));
    assert.ok(settings.ok, JSON.stringify(settings));
    assert.deepEqual(settings.value.participants.overrides, {
      'transcripts/Interview Amara first.txt': 'P01',
      'transcripts/p02.txt': 'P02',
    });
    assert.deepEqual(settings.value.survey.files, ['survey.csv']);
  });

  it('keeps the selection description as the coding memo and unattached notes as memos', () => {
    const [coding] = sidecar(plan, 'transcripts/Interview Amara first.amara-ndiaye.codes.yaml').codings;
    assert.equal(coding?.memo, 'opening words');
    assert.equal(
      file(plan, 'memos/Early ideas.md'),
      '---\ntitle: "Early ideas"\ndate: 2026-03-01\n---\n\nTrust comes first.\n',
    );
    assert.equal(
      plan.files.filter((f) => f.path.startsWith('memos/')).length,
      1,
      'the note on a code is its memo, not a file',
    );
  });

  it('lists what it cannot import: PDF and audio sources, sets, graphs, unknown elements', () => {
    assert.deepEqual(
      plan.summary.notImported.map((s) => [s.kind, s.name]),
      [
        ['unknown element', '<Extra> in <Project>'],
        ['PDF source', 'Article.pdf'],
        ['audio source', 'Focus group'],
        ['set', 'Residents'],
        ['graph', 'Map'],
      ],
    );
  });
});

describe('REFI-QDA import: bad input writes nothing and says why', () => {
  function refused(bytes: Uint8Array, pattern: RegExp, limits?: Parameters<typeof importQdpx>[2]): RefiImportError {
    try {
      importQdpx(bytes, 'bad.qdpx', limits);
    } catch (error) {
      assert.ok(error instanceof RefiImportError, String(error));
      assert.match(error.message, pattern);
      assert.match(error.message, /^bad\.qdpx/);
      assert.ok(error.hint.length > 0);
      return error;
    }
    assert.fail('not refused');
  }

  it('refuses a file that is not a zip', () => {
    refused(new TextEncoder().encode('just some text, no zip'), /not a readable zip archive/);
  });

  it('refuses a project file that is not XML, with line and column', () => {
    const error = refused(
      qdpx('<Project name="x">\n  <Sources>\n</Project>\n'),
      /project\.qde:3:\d+: is not well-formed XML/,
    );
    assert.equal(error.line, 3);
  });

  it('refuses XML that is not a project', () => {
    refused(qdpx('<?xml version="1.0"?><html><body/></html>'), /root element is <html>, not <Project>/);
  });

  it('refuses a package without a .qde', () => {
    refused(qdpx('<Project name="x"/>', {}, 'sources/readme.txt'), /holds no \.qde project file/);
  });

  it('refuses zip-slip entry names (../ and absolute paths)', () => {
    refused(qdpx(projectXml({}), { '../../evil.txt': 'x' }), /"\.\.\/\.\.\/evil\.txt", which climbs out of its folder/);
    refused(qdpx(projectXml({}), { '/etc/evil.txt': 'x' }), /is an absolute path/);
  });

  it('refuses a zip bomb by the sizes its entries declare, before inflating anything', () => {
    const bytes = qdpx(projectXml({}), { 'sources/big.txt': 'small' });
    // Declare 4 GB for the text entry in the central directory (uncompressed size at offset 24 of its header).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = bytes.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + nameLength));
      if (name === 'sources/big.txt') view.setUint32(i + 24, 0xfffffff0, true);
    }
    refused(bytes, /would inflate to 4096 MB, more than the 1024 MB/);
  });

  it('refuses more entries than the cap, and real content over the total-size cap', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 100; i++) many[`sources/${i}.txt`] = '';
    refused(qdpx(projectXml({}), many), /more than 50 entries/, { maxEntries: 50, maxTotalBytes: 1e6 });
    refused(qdpx(projectXml({}), { 'sources/a.txt': 'x'.repeat(5000) }), /would inflate to/, {
      maxEntries: 100,
      maxTotalBytes: 4000,
    });
  });
});
