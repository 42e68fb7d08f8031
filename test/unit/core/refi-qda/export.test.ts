import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import {
  allCodings,
  codebookEdits,
  editCodebook,
  exportQdc,
  exportQdpx,
  hashText,
  loadStudy,
  loadSurvey,
  makeCodings,
  parseCodebook,
  serializeCodebook,
  serializeSidecar,
  type Study,
} from '../../../../src/core/index';
import { NodeFileSystem, pathToUri } from '../../../../src/node/node-file-system';
import { requireValidator, schemaErrors } from './xmllint';

const EXAMPLE = resolve(__dirname, '../../../../examples/mentorship-study');
const MODIFIED = new Date('2026-01-02T03:04:05Z');
const fs = new NodeFileSystem();
const folders: string[] = [];

after(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempCopy(source: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-refi-'));
  folders.push(folder);
  cpSync(source, folder, { recursive: true });
  return folder;
}

/** A temp study folder holding the given files. */
function tempStudy(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'grounded-refi-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(folder, path), text);
  return folder;
}

async function open(folder: string): Promise<Study> {
  return loadStudy(fs, pathToUri(folder));
}

async function exportFolder(folder: string) {
  const study = await open(folder);
  const survey = await loadSurvey(fs, study);
  if (survey && !survey.ok) assert.fail(`the survey does not load: ${survey.problems[0]?.message}`);
  const started = performance.now();
  const result = await exportQdpx(fs, study, survey?.value, { modified: MODIFIED });
  const exportMs = performance.now() - started;
  const files = unzipSync(result.bytes);
  const xml = new TextDecoder().decode(files['project.qde']);
  return { study, result, files, xml, exportMs };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) =>
    [
      'User',
      'Code',
      'Variable',
      'Case',
      'VariableValue',
      'SourceRef',
      'TextSource',
      'PlainTextSelection',
      'Note',
      'NoteRef',
    ].includes(name),
});

interface Selection {
  guid: string;
  startPosition: string;
  endPosition: string;
  creatingUser: string;
  Description?: string;
  Coding: { guid: string; creatingUser: string; CodeRef: { targetGUID: string } };
}
interface CodeNode {
  guid: string;
  name: string;
  color?: string;
  Description?: string;
  Code?: CodeNode[];
}

function parseProject(xml: string) {
  return parser.parse(xml).Project as {
    Users: { User: { guid: string; name: string }[] };
    CodeBook: { Codes: { Code: CodeNode[] } };
    Sources: { TextSource: { guid: string; name: string; plainTextPath: string; PlainTextSelection?: Selection[] }[] };
    Cases?: { Case: { guid: string; name: string; SourceRef?: { targetGUID: string }[] }[] };
    Notes?: { Note: { guid: string; name: string; PlainTextContent: string }[] };
  };
}

function flatten(codes: readonly CodeNode[] | undefined): CodeNode[] {
  return (codes ?? []).flatMap((code) => [code, ...flatten(code.Code)]);
}

describe('REFI-QDA export', function () {
  this.timeout(60_000);

  it('exports the example study as a project that validates against Project.xsd, every coding exactly once', async function () {
    requireValidator(this);
    const folder = tempCopy(EXAMPLE);
    const { study, result, files, xml, exportMs } = await exportFolder(folder);
    console.log(
      `      example study: ${result.codings} codings, ${result.sources} sources exported in ${exportMs.toFixed(0)} ms`,
    );
    assert.equal(schemaErrors(xml, 'Project.xsd'), '');

    const codings = allCodings(study);
    assert.equal(result.codings, codings.length);
    assert.deepEqual(result.skipped, []);
    const project = parseProject(xml);
    const selections = project.Sources.TextSource.flatMap((source) => source.PlainTextSelection ?? []);
    assert.equal(selections.length, codings.length);
    assert.deepEqual(
      selections.map((s) => s.Coding.guid).sort(),
      codings.map((c) => c.coding.id).sort(),
      'each coding once, under its own id',
    );
    // Each source's text is in the archive under the path its TextSource names, and is the canonical text.
    for (const transcript of study.transcripts) {
      const source = project.Sources.TextSource.find((s) => s.name === transcript.path.replace(/^.*\/|\.txt$/g, ''));
      assert.ok(source, transcript.path);
      const entry = source.plainTextPath.replace('internal://', 'sources/');
      assert.equal(new TextDecoder().decode(files[entry]), transcript.text);
    }
    // Users are the coders; codes keep their stored GUIDs, colours and hierarchy.
    assert.deepEqual(
      project.Users.User.map((u) => u.name),
      ['amara', 'jonas'],
    );
    const codes = flatten(project.CodeBook.Codes.Code);
    assert.equal(codes.length, study.codebook.codes.length);
    for (const code of study.codebook.codes) {
      const node = codes.find((c) => c.guid === code.guid);
      assert.ok(node, code.id);
      assert.equal(node.name, code.name);
      assert.equal(node.color, code.color);
      assert.equal(node.Description, code.definition);
    }
    // 44 participants, each a case linked to its transcript; memo files and code memos as notes.
    assert.equal(project.Cases?.Case.length, 44);
    assert.ok(project.Cases?.Case.every((c) => c.SourceRef?.length === 1));
    assert.equal(project.Notes?.Note.length, study.memos.length + study.codebook.codes.filter((c) => c.memo).length);
  });

  it('exports the example codebook as a .qdc that validates against Codebook.xsd', async function () {
    requireValidator(this);
    const study = await open(tempCopy(EXAMPLE));
    const { xml, codes } = await exportQdc(fs, study);
    assert.equal(codes, study.codebook.codes.length);
    assert.equal(schemaErrors(xml, 'Codebook.xsd'), '');
  });

  it('gives the same GUIDs in two exports and after a code is renamed; GUIDs it makes are stored in the codebook', async () => {
    const folder = tempCopy(EXAMPLE);
    const codebookFile = join(folder, 'codebook.yaml');
    // Drop every stored GUID: the export must make them and write them down.
    const stripped = parseCodebook('x', readFileSync(codebookFile, 'utf8'));
    assert.ok(stripped.ok);
    writeFileSync(
      codebookFile,
      serializeCodebook({ codes: stripped.value.codes.map(({ guid: _guid, ...code }) => code) }),
    );
    const first = await exportFolder(folder);
    const stored = parseCodebook('x', readFileSync(codebookFile, 'utf8'));
    assert.ok(stored.ok);
    assert.ok(
      stored.value.codes.every((code) => code.guid !== undefined),
      'every code has a stored guid',
    );

    const second = await exportFolder(folder);
    assert.equal(second.xml, first.xml, 'the same project file');
    assert.deepEqual(Buffer.from(second.result.bytes), Buffer.from(first.result.bytes), 'the same archive');

    const study = await open(folder);
    await editCodebook(fs, study.codebookUri, (codebook) =>
      codebookEdits.update(codebook, 'barriers', { name: 'Obstacles & "friction"' }),
    );
    const renamed = await exportFolder(folder);
    const before = flatten(parseProject(first.xml).CodeBook.Codes.Code);
    const after = flatten(parseProject(renamed.xml).CodeBook.Codes.Code);
    const guidOf = (codes: CodeNode[], name: string) => codes.find((c) => c.name === name)?.guid;
    assert.ok(guidOf(before, 'Barriers'));
    assert.equal(guidOf(after, 'Obstacles & "friction"'), guidOf(before, 'Barriers'));
    assert.deepEqual(after.map((c) => c.guid).sort(), before.map((c) => c.guid).sort());
    // Only the name changed: every other GUID (sources, users, cases, codings, notes) is the same.
    const guids = (xml: string) => [...xml.matchAll(/(?:guid|GUID|creatingUser)="([^"]+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(guids(renamed.xml), guids(first.xml));
  });

  it('counts positions in code points of the exported text, emoji before a coding included', async () => {
    const text = 'P01: 🙂🎓 We met 𝒶 lot.\nThen my mentor 🧑🏽‍⚕️ left.\n';
    const quote = 'mentor 🧑🏽‍⚕️ left';
    const start = Array.from(text.slice(0, text.indexOf(quote))).length;
    const end = start + Array.from(quote).length;
    const codings = makeCodings({ uri: 'file:///x/P01.txt', text, textHash: hashText(text) }, 'amara', [
      { code: 'people', start, end },
    ]);
    const folder = tempStudy({
      'grounded.yaml': 'grounded: 1\ntranscripts:\n  - "*.txt"\n',
      'codebook.yaml': serializeCodebook({ codes: [{ id: 'people', name: 'People' }] }),
      'P01.txt': text,
      'P01.amara.codes.yaml': serializeSidecar({
        transcript: 'P01.txt',
        coder: 'amara',
        textHash: hashText(text),
        codings,
      }),
    });
    const { files, xml } = await exportFolder(folder);
    const source = parseProject(xml).Sources.TextSource[0];
    assert.ok(source);
    const selection = source.PlainTextSelection?.[0];
    assert.ok(selection);
    assert.equal(Number(selection.startPosition), start);
    assert.notEqual(Number(selection.startPosition), text.indexOf('mentor'), 'not UTF-16 units');
    const exported = new TextDecoder().decode(files[source.plainTextPath.replace('internal://', 'sources/')]);
    assert.equal(
      Array.from(exported).slice(Number(selection.startPosition), Number(selection.endPosition)).join(''),
      quote,
    );
  });

  it('writes a CRLF transcript with a BOM as its canonical text (LF, no BOM), the text its positions count', async () => {
    const canonical = 'Q: How?\nA: 🙂 Slowly, then all at once.\n';
    const onDisk = '\uFEFF' + canonical.replace(/\n/g, '\r\n');
    const quote = 'Slowly';
    const start = Array.from(canonical.slice(0, canonical.indexOf(quote))).length;
    const codings = makeCodings({ uri: 'file:///x/P01.txt', text: canonical, textHash: hashText(canonical) }, 'amara', [
      { code: 'pace', start, end: start + quote.length },
    ]);
    const folder = tempStudy({
      'grounded.yaml': 'grounded: 1\ntranscripts:\n  - "*.txt"\n',
      'codebook.yaml': serializeCodebook({ codes: [{ id: 'pace', name: 'Pace' }] }),
      'P01.txt': onDisk,
      'P01.amara.codes.yaml': serializeSidecar({
        transcript: 'P01.txt',
        coder: 'amara',
        textHash: hashText(canonical),
        codings,
      }),
    });
    const { files, xml } = await exportFolder(folder);
    const source = parseProject(xml).Sources.TextSource[0];
    assert.ok(source);
    const bytes = files[source.plainTextPath.replace('internal://', 'sources/')];
    assert.ok(bytes);
    assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), canonical);
    const selection = source.PlainTextSelection?.[0];
    assert.ok(selection);
    assert.equal(
      Array.from(canonical).slice(Number(selection.startPosition), Number(selection.endPosition)).join(''),
      quote,
    );
  });

  it('escapes < & " \' (and text that looks like an entity) in names and texts through the XML builder and removes control characters XML cannot hold', async function () {
    const nasty = `<b>Tom & "Jerry" 'n' ]]> </Code> &amp; &#60;`;
    const folder = tempStudy({
      'grounded.yaml': 'grounded: 1\ntranscripts:\n  - "*.txt"\n',
      'codebook.yaml': serializeCodebook({
        codes: [
          {
            id: 'x',
            name: nasty,
            definition: `Use when\u0001 the bell\u0007 rings & <stops>\u000B.`,
            memo: `Memo with ${nasty}\u001F`,
            guid: '0a1b2c3d-0000-4000-8000-00000000000a',
          },
        ],
      }),
      'P01.txt': 'Some text.\n',
    });
    const { result, xml } = await exportFolder(folder);
    const code = parseProject(xml).CodeBook.Codes.Code[0];
    assert.ok(code);
    assert.equal(code.name, nasty);
    assert.equal(code.Description, 'Use when the bell rings & <stops>.');
    assert.equal(parseProject(xml).Notes?.Note[0]?.PlainTextContent, `Memo with ${nasty}`);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    assert.doesNotMatch(xml, /[\u0001\u0007\u000B\u001F]/);
    assert.deepEqual([...result.warnings].sort(), [
      'code "x" definition: 3 control character(s) XML cannot hold removed',
      'memo of code "x": 1 control character(s) XML cannot hold removed',
    ]);
    requireValidator(this);
    assert.equal(schemaErrors(xml, 'Project.xsd'), '');
  });

  it('leaves out a coding of a code not in the codebook, says why, and still writes a valid project', async function () {
    const text = 'I was tired. I had a mentor.\n';
    const codings = makeCodings({ uri: 'file:///x/P01.txt', text, textHash: hashText(text) }, 'amara', [
      { code: 'kept', start: 0, end: 12 },
      { code: 'ghost', start: 13, end: 28 },
    ]);
    const folder = tempStudy({
      'grounded.yaml': 'grounded: 1\ntranscripts:\n  - "*.txt"\n',
      'codebook.yaml': serializeCodebook({ codes: [{ id: 'kept', name: 'Kept' }] }),
      'P01.txt': text,
      'P01.amara.codes.yaml': serializeSidecar({
        transcript: 'P01.txt',
        coder: 'amara',
        textHash: hashText(text),
        codings,
      }),
    });
    const { result, xml } = await exportFolder(folder);
    assert.equal(result.codings, 1);
    const ghost = codings.find((c) => c.code === 'ghost');
    assert.deepEqual(result.skipped, [
      `coding ${ghost?.id} of amara in P01.txt: its code "ghost" is not in the codebook`,
    ]);
    requireValidator(this);
    assert.equal(schemaErrors(xml, 'Project.xsd'), '');
  });

  it('types survey values (integer, float, boolean, date, text) and leaves missing ones out', async function () {
    const folder = tempStudy({
      'grounded.yaml': 'grounded: 1\ntranscripts:\n  - "*.txt"\nsurvey:\n  files:\n    - survey.csv\n  idColumn: id\n',
      'codebook.yaml': serializeCodebook({
        codes: [{ id: 'c', name: 'C', guid: '0a1b2c3d-0000-4000-8000-00000000000b' }],
      }),
      'P1.txt': 'One.\n',
      'survey.csv': 'id,age,score,mentor,start,group\nP1,34,2.5,yes,2024-03-05,a\nP2,NA,0.0000001,no,2024-04-01,b\n',
    });
    const { xml } = await exportFolder(folder);
    assert.match(xml, /name="age" typeOfVariable="Integer"/);
    assert.match(xml, /name="score" typeOfVariable="Float"/);
    assert.match(xml, /name="mentor" typeOfVariable="Boolean"/);
    assert.match(xml, /name="start" typeOfVariable="Date"/);
    assert.match(xml, /name="group" typeOfVariable="Text"/);
    assert.match(xml, /<FloatValue>0\.0000001<\/FloatValue>/);
    assert.match(xml, /<BooleanValue>false<\/BooleanValue>/);
    assert.equal((xml.match(/<IntegerValue>/g) ?? []).length, 1, "P2's missing age is left out");
    requireValidator(this);
    assert.equal(schemaErrors(xml, 'Project.xsd'), '');
  });
});
