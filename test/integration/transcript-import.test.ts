// Import Transcripts and Code a Speaker's Turns in a real VS Code, the way a person does it: the command palette,
// the file dialog, the quick picks typed into. The open dialog is native (the OS's, or the browser's in
// code-server) and cannot be driven from a test, so vscode.window.showOpenDialog is replaced for the test with a
// function that answers it (the command reads it at call time). Quick picks are typed into as a person types:
// vscode.window.createQuickPick is wrapped to see the pick on screen and set its filter text, then Enter.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { strToU8, zipSync } from 'fflate';
import type { GroundedServices } from '../../src/extension/services';
import type { TranscriptImportHooks } from '../../src/extension/transcript-import/transcript-import-feature';
import { fromVscodeUri } from '../../src/extension/platform/workspace-file-system';
import { parseSidecar } from '../../src/core/sidecar/format';
import type { Coding } from '../../src/core/model';
import { runFromPalette, services as groundedServices, untilStudyLoads, waitFor, WindowStubs } from './support';

const CODER = 'tester';
const decoder = new TextDecoder();
const encoder = new TextEncoder();

const CODEBOOK = [
  'grounded: 1',
  'codes:',
  '  - id: interviewer',
  '    name: Interviewer talk',
  '  - id: participant',
  '    name: Participant talk',
  '    color: "#59a14f"',
  '  - id: burnout',
  '    name: Burnout',
  '    color: "#e15759"',
  '',
].join('\n');

/** The transcript already in the study: an import of the same name must leave it as it is. */
const P02 = 'Interviewer: Hello.\n\nP02: Hi.\n\nInterviewer: Shall we start?\n';

/** A Zoom recording's captions: speaker prefixes, a cue cut mid-turn, a NOTE block, a Teams-style voice tag. */
const ZOOM_VTT = [
  'WEBVTT',
  '',
  '1',
  '00:00:01.000 --> 00:00:04.000',
  'Dr. Okafor: Welcome, and thanks for joining.',
  '',
  '2',
  '00:00:04.500 --> 00:00:09.000',
  'Dr. Okafor: How did you find your mentor?',
  '',
  '3',
  '00:00:09.500 --> 00:00:15.000',
  'P05: I was burnt out by the second year. Then an attending stayed after rounds with me.',
  '',
  'NOTE the recording paused here',
  '',
  '4',
  '00:00:16.000 --> 00:00:20.000',
  '<v Dr. Okafor>And <i>then</i>?</v>',
  '',
].join('\n');

/** Subtitles: numbered cues, markup, no speakers. */
const SRT = [
  '1',
  '00:00:01,000 --> 00:00:03,000',
  'Where were we?',
  '',
  '2',
  '00:00:03,500 --> 00:00:06,000',
  '<i>The rota</i>, I think.',
  '',
].join('\n');

/** A minimal Word document (the parts Word itself needs to open it) with one paragraph per turn. */
function docx(paragraphs: readonly string[]): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs
    .map((text) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`)
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    ),
  });
}

const P07_TURNS = [
  'Interviewer: Tell me about your mentor.',
  'P07: I never had one, honestly.',
  'Interviewer: Why not?',
  'P07: Nobody offered — and I didn’t ask.',
];

async function read(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

describe('Import Transcripts and Code a Speaker’s Turns from the command palette', function () {
  this.timeout(90_000);
  const stubs = new WindowStubs<'showOpenDialog' | 'showErrorMessage' | 'createQuickPick'>();
  const scratch = mkdtempSync(path.join(tmpdir(), 'grounded-import-'));
  const sources = ['P05.vtt', 'P06.srt', 'P07.docx', 'broken.docx', 'P02.vtt'].map((name) =>
    vscode.Uri.file(path.join(scratch, name)),
  );
  const errors: string[] = [];
  const openDialogs: vscode.OpenDialogOptions[] = [];
  const picks: vscode.QuickPick<vscode.QuickPickItem>[] = [];
  let grounded: GroundedServices;
  let hooks: TranscriptImportHooks;
  let root: vscode.Uri;
  let previousCoder: unknown;

  const file = (...parts: string[]) => vscode.Uri.joinPath(root, ...parts);

  /** The quick pick on screen once it shows `title`. */
  function pickShowing(title: string) {
    return waitFor(`the quick pick "${title}"`, () => picks.find((pick) => pick.title === title && pick.items.length));
  }

  /** Types into a quick pick as a person does, waits for the wanted row to be highlighted, presses Enter. */
  async function typeAndEnter(pick: vscode.QuickPick<vscode.QuickPickItem>, text: string): Promise<void> {
    pick.value = text;
    await waitFor(`"${text}" highlighted`, () => pick.activeItems[0]?.label === text);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }

  async function codingsOf(name: string): Promise<Coding[]> {
    const uri = file('transcripts', `${name}.${CODER}.codes.yaml`);
    const parsed = parseSidecar(fromVscodeUri(uri), await read(uri));
    assert.ok(parsed.ok, `${name}'s sidecar does not load`);
    return [...parsed.value.sidecar.codings];
  }

  before(async () => {
    grounded = await groundedServices();
    hooks = grounded.testHooks?.['transcriptImport'] as TranscriptImportHooks;
    assert.ok(hooks, 'the transcript import feature exposes no test hooks');
    const workspace = vscode.workspace.workspaceFolders![0]!.uri;
    root = vscode.Uri.joinPath(workspace, `import-it-${Date.now().toString(36)}`);
    const config = vscode.workspace.getConfiguration('grounded');
    previousCoder = config.inspect('coder')?.workspaceValue;
    await config.update('coder', CODER, vscode.ConfigurationTarget.Workspace);

    writeFileSync(sources[0]!.fsPath, ZOOM_VTT);
    writeFileSync(sources[1]!.fsPath, SRT);
    writeFileSync(sources[2]!.fsPath, docx(P07_TURNS));
    writeFileSync(sources[3]!.fsPath, 'Not a Word document at all, whatever its name says.\n');
    writeFileSync(sources[4]!.fsPath, ZOOM_VTT);

    await vscode.workspace.fs.writeFile(file('codebook.yaml'), encoder.encode(CODEBOOK));
    await vscode.workspace.fs.writeFile(file('transcripts', 'P02.txt'), encoder.encode(P02));
    await vscode.workspace.fs.writeFile(
      file('grounded.yaml'),
      encoder.encode('grounded: 1\ntranscripts: ["transcripts/*.txt"]\n'),
    );
    await untilStudyLoads(file('grounded.yaml'), async () =>
      Boolean(await grounded.studies.transcriptFor(file('transcripts', 'P02.txt')).catch(() => undefined)),
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    stubs.stub('showOpenDialog', async (options: vscode.OpenDialogOptions) => {
      openDialogs.push(options);
      return sources;
    });
    stubs.recordErrors(errors);
    const createQuickPick = stubs.original('createQuickPick');
    stubs.stub('createQuickPick', () => {
      const pick = createQuickPick.call(vscode.window);
      picks.push(pick);
      return pick;
    });
  });

  after(async () => {
    stubs.restore();
    rmSync(scratch, { recursive: true, force: true });
    // Left in place when only some suites run (--grep), so the runner's final screenshot shows the imported
    // transcript with its codings; a whole run removes it so the suites after this one find the workspace as it was.
    if (process.env['GROUNDED_TEST_GREP']) return;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.workspace.fs.delete(root, { recursive: true, useTrash: false });
    await vscode.workspace
      .getConfiguration('grounded')
      .update('coder', previousCoder, vscode.ConfigurationTarget.Workspace);
  });

  it('imports a .vtt, an .srt and a .docx, refuses a broken file and an existing name, and opens the first', async () => {
    const existing = await vscode.workspace.fs.readFile(file('transcripts', 'P02.txt'));
    // The study of the file in the active editor is the one imported into.
    await vscode.window.showTextDocument(file('transcripts', 'P02.txt'), { preview: false });
    await runFromPalette('Import Transcripts…', 800);

    const editor = await waitFor(
      'the first new transcript to open',
      () =>
        vscode.window.activeTextEditor?.document.uri.path.endsWith('/transcripts/P05.txt') &&
        vscode.window.activeTextEditor,
      20_000,
    );
    assert.equal(openDialogs.length, 1);
    assert.equal(openDialogs[0]!.canSelectMany, true, 'several files at once');
    assert.deepEqual(
      Object.values(openDialogs[0]!.filters ?? {})
        .flat()
        .sort(),
      ['docx', 'docx', 'md', 'md', 'srt', 'srt', 'txt', 'txt', 'vtt', 'vtt'],
    );

    // The Zoom captions: one turn per speaker run, the cue times kept, NOTE and markup gone.
    const p05 = editor.document.getText();
    assert.match(
      p05,
      /^\[00:00:01\.000\] Dr\. Okafor: Welcome, and thanks for joining\. How did you find your mentor\?\n\n/,
    );
    assert.match(
      p05,
      /\n\n\[00:00:09\.500\] P05: I was burnt out by the second year\. Then an attending stayed after rounds with me\.\n\n/,
    );
    assert.match(p05, /\[00:00:16\.000\] Dr\. Okafor: And then\?\n$/);
    assert.doesNotMatch(p05, /NOTE|<i>|-->/);
    // The subtitles: each cue on its own with its time, no invented speaker.
    const p06 = await read(file('transcripts', 'P06.txt'));
    assert.match(p06, /^\[00:00:01,000\] Where were we\?\n\n\[00:00:03,500\] The rota, I think\.\n$/);
    // The Word document: its paragraphs exactly, smart quote and dash kept.
    assert.equal(await read(file('transcripts', 'P07.txt')), `${P07_TURNS.join('\n\n')}\n`);

    // Refused, one reason per file, nothing written for them; the existing transcript is byte for byte as it was.
    const refusal = await waitFor('the refusal', () =>
      errors.find((error) => error.startsWith('Grounded did not import')),
    );
    assert.match(refusal, /did not import 2 of 5 file\(s\), and wrote nothing for them/);
    assert.match(refusal, /broken\.docx: not a readable Word document/);
    assert.match(refusal, /P02\.vtt: P02\.txt already exists/);
    assert.match(refusal, /The other 3 file\(s\) were imported\./);
    assert.equal(await exists(file('transcripts', 'broken.txt')), false);
    assert.deepEqual(await vscode.workspace.fs.readFile(file('transcripts', 'P02.txt')), existing);
    const names = (await vscode.workspace.fs.readDirectory(file('transcripts'))).map(([name]) => name).sort();
    assert.deepEqual(names, ['P02.txt', 'P05.txt', 'P06.txt', 'P07.txt']);

    // The output lists every file: where it went, what it left out, or why not.
    assert.ok(
      hooks.output.lines.some((line) => /^Imported 3 of 5 file\(s\) into /.test(line)),
      hooks.output.lines.join('\n'),
    );
    assert.ok(
      hooks.output.lines.some((line) => /P05\.vtt → .*P05\.txt \(3 paragraph\(s\); left out .*NOTE/.test(line)),
      hooks.output.lines.join('\n'),
    );
    assert.ok(hooks.output.lines.some((line) => /broken\.docx: not imported: not a readable Word document/.test(line)));
    // Converted in the extension's conversion worker (dist/extension/conversion-worker.js), not on the host's thread.
    assert.equal(hooks.convertedIn(), 'worker');

    // The study knows the new transcripts at once, and they open in the transcript language.
    const study = await grounded.studies.study(fromVscodeUri(root));
    for (const name of ['P05.txt', 'P06.txt', 'P07.txt'])
      assert.ok(
        study.transcripts.some((t) => t.uri === fromVscodeUri(file('transcripts', name))),
        `${name} is in the study`,
      );
    await waitFor(
      'the transcript language',
      () => vscode.window.activeTextEditor?.document.languageId === 'transcript',
    );
  });

  it('the outline lists the imported turns: speakers from captions, timed cues from subtitles', async () => {
    const outline = async (name: string) =>
      waitFor(`the outline of ${name}`, async () => {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
          'vscode.executeDocumentSymbolProvider',
          file('transcripts', name),
        );
        return symbols && symbols.length > 0 && symbols;
      });
    assert.deepEqual(
      (await outline('P05.txt')).map((symbol) => symbol.detail),
      ['Dr. Okafor', 'P05', 'Dr. Okafor'],
    );
    // The Word document's first paragraph is the interviewer's first turn, not a header.
    assert.deepEqual(
      (await outline('P07.txt')).map((symbol) => symbol.detail),
      ['Interviewer', 'P07', 'Interviewer', 'P07'],
    );
    assert.deepEqual(
      (await outline('P06.txt')).map((symbol) => [symbol.name, symbol.detail]),
      [
        ['[00:00:01,000] Where were we?', ''],
        ['[00:00:03,500] The rota, I think.', ''],
      ],
    );
  });

  it('codes a passage in the imported transcript right away: cursor in a sentence, Code Selection, type the code, Enter', async () => {
    const editor = await vscode.window.showTextDocument(file('transcripts', 'P05.txt'), { preview: false });
    const text = editor.document.getText();
    // A click into "burnt": the cursor's sentence is coded.
    const at = editor.document.positionAt(text.indexOf('burnt') + 2);
    editor.selection = new vscode.Selection(at, at);
    // The whole title, ellipsis included: the palette lists recently used commands first, and earlier suites ran
    // "Suggest Codes for Selection", which the shorter "Code Selection" also matches.
    await runFromPalette('Code Selection…', 800);
    await typeAndEnter(await pickShowing('Code selection'), 'Burnout');

    const [coding] = await waitFor('the coding in P05.tester.codes.yaml', async () =>
      (await exists(file('transcripts', `P05.${CODER}.codes.yaml`))) && (await codingsOf('P05')).length > 0
        ? codingsOf('P05')
        : undefined,
    );
    assert.equal(coding?.code, 'burnout');
    assert.equal(coding?.quote, 'I was burnt out by the second year.');
    await waitFor('the coding in the live codings', () =>
      grounded.live.get(editor.document)?.codings.some((live) => live.coding.code === 'burnout'),
    );
  });

  it("Code a Speaker's Turns codes every turn of the picked speaker, once, through the quick picks", async () => {
    const editor = await vscode.window.showTextDocument(file('transcripts', 'P07.txt'), { preview: false });
    await runFromPalette("Code a Speaker's Turns", 800);
    const speakers = await pickShowing("Code a speaker's turns");
    assert.deepEqual(
      speakers.items.map((item) => [item.label, item.description]),
      [
        ['Interviewer', '2 turns'],
        ['P07', '2 turns'],
      ],
    );
    await typeAndEnter(speakers, 'P07');
    await typeAndEnter(await pickShowing('Code every turn of P07'), 'Participant talk');

    const codings = await waitFor('the speaker codings', async () =>
      (await exists(file('transcripts', `P07.${CODER}.codes.yaml`))) ? codingsOf('P07') : undefined,
    );
    assert.deepEqual(
      codings.map((coding) => [coding.code, coding.quote]),
      [
        ['participant', 'I never had one, honestly.'],
        ['participant', 'Nobody offered — and I didn’t ask.'],
      ],
    );
    await waitFor('the codings drawn', () => grounded.live.get(editor.document)?.codings.length === 2);

    // Again, by script: no second coding of a turn already coded so.
    const before = await vscode.workspace.fs.readFile(file('transcripts', `P07.${CODER}.codes.yaml`));
    const again = await vscode.commands.executeCommand<Coding[]>('grounded.codeSpeakerTurns', {
      uri: file('transcripts', 'P07.txt'),
      speaker: 'P07',
      codes: ['participant'],
    });
    assert.deepEqual(again, []);
    assert.deepEqual(await vscode.workspace.fs.readFile(file('transcripts', `P07.${CODER}.codes.yaml`)), before);

    // For the runner's final screenshot: decorations and the outline go when the extension host ends with the
    // tests, so the sidecar that was written is shown beside the imported transcript (both stay on screen).
    await vscode.window.showTextDocument(file('transcripts', `P07.${CODER}.codes.yaml`), {
      preview: false,
      viewColumn: vscode.ViewColumn.Beside,
    });
  });
});
