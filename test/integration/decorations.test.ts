import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Coding, CodingStatus } from '../../src/core/model';
import { hashText } from '../../src/core/text/hash';
import { serializeSidecar } from '../../src/core/sidecar/format';
import { serializeCodebook } from '../../src/core/codebook/format';
import type { GroundedServices } from '../../src/extension/services';
import type { AppliedDecorations, DecorationState } from '../../src/extension/decorations/decoration-state';
import { fromVscodeUri } from '../../src/extension/platform/workspace-file-system';
import { encode, services, untilStudyLoads, waitFor } from './support';

// Seeing codes: decorations, hover and status bar on a small study of our own (in a dot-folder, so the
// example study's loader never sees it), so edits here cannot disturb other suites.

const TEXT = [
  'Study: Decorations fixture',
  'Participant: T01',
  '',
  '[00:00:05] Interviewer: How did you find your mentor?',
  '',
  '[00:00:12] T01: I found her myself. [laughs] She was 😀 great and the program was not.',
  '',
  '[00:01:10] T01: [inaudible 00:01:11] Not really.',
  '',
].join('\n');

/** `quote` is where a coding is; `coded`, the words a coding that needs review was coded on (kept in the file). */
const CODINGS: { id: string; code: string; quote: string; status?: CodingStatus; coded?: string }[] = [
  { id: 'c1', code: 'found', quote: 'I found her myself.' },
  { id: 'c2', code: 'praise', quote: 'She was 😀 great' },
  { id: 'c3', code: 'contrast', quote: 'great and the program was not.' },
  { id: 'c4', code: 'praise', quote: 'Not really.', status: 'needs-review', coded: 'Not really, no.' },
];
const COLORS: Record<string, string> = { found: '#4e79a7', praise: '#59a14f', contrast: '#e15759' };

/** The fixture's codebook.yaml: its four codes (praise recoloured if asked), then `more`. */
function fixtureCodebook(
  options: { praiseColor?: string; more?: { id: string; name: string; color: string }[] } = {},
): Uint8Array {
  return encode(
    serializeCodebook({
      codes: [
        { id: 'found', name: 'Found it myself', color: COLORS['found'], parent: 'structures' },
        { id: 'structures', name: 'Structures', color: '#888888' },
        { id: 'praise', name: 'Praise', color: options.praiseColor ?? COLORS['praise'] },
        { id: 'contrast', name: 'Contrast', color: COLORS['contrast'] },
        ...(options.more ?? []),
      ],
    }),
  );
}

/** Code-point offsets of a quote (the sidecar's unit). */
function offsetsOf(quote: string): { start: number; end: number } {
  const index = TEXT.indexOf(quote);
  assert.ok(index >= 0, quote);
  const start = Array.from(TEXT.slice(0, index)).length;
  return { start, end: start + Array.from(quote).length };
}

/** The expected editor range of a quote, computed from UTF-16 indexes (independently of DocumentText). */
function rangeOf(document: vscode.TextDocument, quote: string, from = 0): vscode.Range {
  const text = document.getText();
  const index = text.indexOf(quote, from);
  assert.ok(index >= 0, quote);
  return new vscode.Range(document.positionAt(index), document.positionAt(index + quote.length));
}

describe('decorations, hover and status bar on transcripts', function () {
  this.timeout(30_000);
  let grounded: GroundedServices;
  let folder: vscode.Uri;
  let transcript: vscode.Uri;
  let state: DecorationState;

  before(async () => {
    grounded = await services();
    state = grounded.testHooks?.['decorations'] as DecorationState;
    assert.ok(state, 'the decorations test hook is registered');
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace);
    folder = vscode.Uri.joinPath(workspace.uri, '.grounded-fixture-decorations');
    transcript = vscode.Uri.joinPath(folder, 'transcripts/T1.txt');
    const codings: Coding[] = CODINGS.map(({ id, code, quote, status, coded }) => ({
      id,
      code,
      ...offsetsOf(quote),
      quote: coded ?? quote,
      prefix: '',
      suffix: '',
      by: 'tester',
      ...(status ? { status } : {}),
    }));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'codebook.yaml'), fixtureCodebook());
    await vscode.workspace.fs.writeFile(transcript, encode(TEXT));
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'transcripts/T1.tester.codes.yaml'),
      encode(serializeSidecar({ transcript: 'T1.txt', coder: 'tester', textHash: hashText(TEXT), codings })),
    );
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'grounded.yaml'),
      encode('grounded: 1\ntranscripts:\n  - transcripts/*.txt\n'),
    );
    await untilStudyLoads(
      vscode.Uri.joinPath(folder, 'grounded.yaml'),
      async () => (await grounded.studies.transcriptFor(transcript))?.transcript.sidecars.length === 1,
    );
    // The web workbench auto-saves after a delay by default: a save in the middle of the typing test would
    // re-anchor the codings on disk and turn a live-shifting check into a reload check.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace
      .getConfiguration('grounded')
      .update('decorationStyle', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace
      .getConfiguration('grounded')
      .update('colors', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace
      .getConfiguration('files')
      .update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  async function openTranscript(): Promise<vscode.TextEditor> {
    const editor = await vscode.window.showTextDocument(transcript, { preview: false });
    // The language switch reopens the document: look it up by URI, not by object.
    return waitFor(
      'the transcript editor',
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === transcript.toString()) ?? editor,
    );
  }

  const applied = (document: vscode.TextDocument) => state.applied.get(document.uri.toString());

  /** Waits until every coding of the fixture is drawn in the editor's document; resolves to that drawing. */
  const allDrawn = (editor: vscode.TextEditor, what = 'decorations') =>
    waitFor(what, () => applied(editor.document)?.codings.length === CODINGS.length && applied(editor.document));

  /** Writes transcripts/<name>.txt and its sidecar by "tester", and waits until the study holds the codings. */
  async function writeCodedTranscript(name: string, text: string, codings: readonly Coding[]) {
    const uri = vscode.Uri.joinPath(folder, `transcripts/${name}.txt`);
    const sidecar = vscode.Uri.joinPath(folder, `transcripts/${name}.tester.codes.yaml`);
    await vscode.workspace.fs.writeFile(uri, encode(text));
    await vscode.workspace.fs.writeFile(
      sidecar,
      encode(
        serializeSidecar({
          transcript: `${name}.txt`,
          coder: 'tester',
          textHash: hashText(text),
          codings: [...codings],
        }),
      ),
    );
    await untilStudyLoads(
      vscode.Uri.joinPath(folder, 'grounded.yaml'),
      async () =>
        (await grounded.studies.transcriptFor(uri))?.transcript.sidecars[0]?.sidecar.codings.length === codings.length,
    );
    return { uri, sidecar };
  }

  it('draws every coding of an opened transcript over exactly its range, overlaps included', async () => {
    const editor = await openTranscript();
    const drawn = await allDrawn(editor);
    const document = editor.document;
    for (const expected of CODINGS) {
      const coding = drawn.codings.find((c) => c.codingId === expected.id);
      assert.ok(coding, expected.id);
      assert.equal(coding.codeId, expected.code);
      assert.ok(
        coding.range.isEqual(rangeOf(document, expected.quote)),
        `${expected.id}: ${JSON.stringify(coding.range)}`,
      );
      assert.equal(coding.color, COLORS[expected.code]);
      assert.equal(coding.status, expected.status);
    }
    // "great" is coded twice (praise and contrast): it gets the overlap marker, and nothing else does.
    assert.equal(drawn.overlaps.length, 1);
    assert.ok(drawn.overlaps[0]!.isEqual(rangeOf(document, 'great')));
    assert.deepEqual(drawn.gutterLines, [5, 7]);
    assert.ok(state.typeKeys.includes('coding:#59a14f:needs-review'), 'needs-review codings have their own look');
    assert.ok(
      state.typeKeys.includes('gutter:#4e79a7,#59a14f,#e15759'),
      'a gutter mark with a stripe per colour on the line',
    );
  });

  it('draws a transcript shown in a second editor, and leaves an editor that stayed visible as it was', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openTranscript();
    const drawn = await allDrawn(editor);
    assert.equal(drawn.editors, 1);
    // Another file opens beside: the transcript's editor stays visible and keeps what it was given (drawing
    // 10,000 codings again on every editor opened elsewhere would stall the window for nothing).
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'grounded.yaml'), {
      viewColumn: vscode.ViewColumn.Beside,
      preview: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(applied(editor.document)?.version, drawn.version, 'the visible transcript was not drawn again');
    // The transcript in a second editor is a new editor with nothing drawn: both get every coding.
    await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    const both = await waitFor(
      'decorations in both editors',
      () => applied(editor.document)?.editors === 2 && applied(editor.document),
    );
    assert.deepEqual(
      both.codings.map((c) => [c.codingId, c.color]),
      drawn.codings.map((c) => [c.codingId, c.color]),
    );
    assert.equal(
      vscode.window.visibleTextEditors.filter((e) => e.document === editor.document).length,
      2,
      'the transcript is shown twice',
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('keeps the decoration types of a closed transcript, and draws it with them when it is opened again', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    let editor = await openTranscript();
    await waitFor('decorations', () => applied(editor.document)?.codings.length === CODINGS.length);
    const used = [...state.typeKeys].sort();
    assert.ok(used.includes('gutter:#4e79a7,#59a14f,#e15759'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the transcript closed', () => !applied(editor.document));
    assert.deepEqual([...state.typeKeys].sort(), used, 'the types are kept');
    editor = await openTranscript();
    const drawn = await allDrawn(editor, 'decorations again');
    assert.deepEqual([...state.typeKeys].sort(), used, 'and reused, none made anew');
    assert.deepEqual(drawn.gutterLines, [5, 7]);
    const screenshots = process.env.GROUNDED_TEST_SCREENSHOT_DIR;
    if (screenshots) {
      console.log('[screenshot] decorations-reopened');
      await waitFor('the screenshot', () => existsSync(path.join(screenshots, 'decorations-reopened.png')), 15_000);
    }
  });

  it('draws a transcript shown again from the layout it had, and lays it out anew when its codings or colours changed meanwhile', async () => {
    const codebookUri = vscode.Uri.joinPath(folder, 'codebook.yaml');
    const otherSidecar = vscode.Uri.joinPath(folder, 'transcripts/T1.other.codes.yaml');
    const codebookBefore = await vscode.workspace.fs.readFile(codebookUri);
    const closeAndWait = async (document: vscode.TextDocument) => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitFor('the transcript closed', () => !applied(document) || undefined);
    };
    let closedInHost = 0;
    const watching = vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.toString() === transcript.toString()) closedInHost++;
    });
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      let editor = await openTranscript();
      const first = await allDrawn(editor);
      // Counted from here: a first opening switches the language, which closes and reopens the document.
      closedInHost = 0;
      await closeAndWait(editor.document);
      editor = await openTranscript();
      const again = await allDrawn(editor, 'decorations again');
      // VS Code keeps the document of a closed editor open for a while, so the layout is still there.
      assert.equal(closedInHost, 0, 'the document stayed open in the extension host');
      assert.notEqual(again.version, first.version, 'a new drawing');
      assert.equal(again.codings, first.codings, 'nothing changed: drawn from the layout it had');

      // Another coder's sidecar arrives while no editor shows the transcript (a git pull, say).
      await closeAndWait(editor.document);
      const theirs: Coding = {
        id: 'theirs-1',
        code: 'contrast',
        ...offsetsOf('How did you find your mentor?'),
        quote: 'How did you find your mentor?',
        prefix: '',
        suffix: '',
        by: 'other',
      };
      await vscode.workspace.fs.writeFile(
        otherSidecar,
        encode(serializeSidecar({ transcript: 'T1.txt', coder: 'other', textHash: hashText(TEXT), codings: [theirs] })),
      );
      await untilStudyLoads(
        vscode.Uri.joinPath(folder, 'grounded.yaml'),
        async () => (await grounded.studies.transcriptFor(transcript))?.transcript.sidecars.length === 2,
      );
      editor = await openTranscript();
      const withTheirs = await waitFor(
        'their coding drawn',
        () => applied(editor.document)?.codings.some((c) => c.codingId === theirs.id) && applied(editor.document),
      );
      assert.equal(withTheirs.codings.length, CODINGS.length + 1);
      const drawnTheirs = withTheirs.codings.find((c) => c.codingId === theirs.id)!;
      assert.ok(drawnTheirs.range.isEqual(rangeOf(editor.document, 'How did you find your mentor?')));
      assert.equal(drawnTheirs.color, COLORS['contrast']);

      // A code recoloured in the codebook while the transcript is hidden.
      await closeAndWait(editor.document);
      const recoloured = '#b07aa1';
      await vscode.workspace.fs.writeFile(codebookUri, fixtureCodebook({ praiseColor: recoloured }));
      await untilStudyLoads(
        vscode.Uri.joinPath(folder, 'grounded.yaml'),
        async () =>
          (await grounded.studies.transcriptFor(transcript))?.study.codebook.codes.find((c) => c.id === 'praise')
            ?.color === recoloured,
      );
      editor = await openTranscript();
      const praised = await waitFor('the new colour drawn', () => {
        const now = applied(editor.document);
        const praise = now?.codings.filter((c) => c.codeId === 'praise') ?? [];
        return praise.length === 2 && praise.every((c) => c.color === recoloured) && now;
      });
      assert.equal(praised.codings.length, CODINGS.length + 1);
      assert.ok(praised.codings.filter((c) => c.codeId !== 'praise').every((c) => c.color === COLORS[c.codeId]));
    } finally {
      watching.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(otherSidecar).then(undefined, () => undefined);
      await vscode.workspace.fs.writeFile(codebookUri, codebookBefore);
      await untilStudyLoads(vscode.Uri.joinPath(folder, 'grounded.yaml'), async () => {
        const now = await grounded.studies.transcriptFor(transcript);
        return (
          now?.transcript.sidecars.length === 1 &&
          now.study.codebook.codes.find((c) => c.id === 'praise')?.color === COLORS['praise']
        );
      });
    }
  });

  it('keeps a transcript drawn through a change of its language, without loading or drawing its codings again', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openTranscript();
    const drawn = await allDrawn(editor);
    const entry = grounded.live.get(editor.document);
    assert.ok(entry, 'the transcript is tracked');
    let draws = 0;
    const watching = state.onDidDraw(({ uri }) => {
      if (uri === transcript.toString()) draws++;
    });
    try {
      // A change of language closes and opens the very same document (what the transcript language switch does
      // to a transcript opened as plain text, and what the person does with the status bar's language picker).
      await vscode.languages.setTextDocumentLanguage(editor.document, 'plaintext');
      await waitFor('plain text', () => editor.document.languageId === 'plaintext' || undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(grounded.live.get(editor.document), entry, 'the same codings, not loaded again');
      assert.equal(applied(editor.document), drawn, 'the same drawing, still in place');
      assert.equal(draws, 0, 'nothing drawn again');
    } finally {
      watching.dispose();
      await vscode.languages.setTextDocumentLanguage(editor.document, 'transcript');
      await waitFor('the transcript language', () => editor.document.languageId === 'transcript' || undefined);
    }
  });

  it('moves the decorations live while typing before a coding, before any save', async () => {
    const editor = await openTranscript();
    await waitFor('decorations', () => applied(editor.document)?.codings.length === CODINGS.length);
    const before = applied(editor.document)!.version;
    const line = 5;
    const at = new vscode.Position(line, '[00:00:12] T01: '.length);
    assert.ok(await editor.edit((edit) => edit.insert(at, 'Well, 🙂 ')));
    try {
      const document = editor.document;
      assert.ok(document.isDirty);
      const drawn = await waitFor('shifted decorations', () => {
        const now = applied(document);
        return (
          now &&
          now.version > before &&
          now.codings.find((c) => c.codingId === 'c1')?.range.start.character === at.character + 'Well, 🙂 '.length &&
          now
        );
      });
      for (const expected of CODINGS) {
        assert.ok(
          drawn.codings
            .find((c) => c.codingId === expected.id)!
            .range.isEqual(rangeOf(document, expected.quote, document.offsetAt(at) + 1)),
          expected.id,
        );
      }
      assert.ok(drawn.overlaps[0]!.isEqual(rangeOf(document, 'great')));
    } finally {
      // Undo (not revert): a revert replaces the whole text in one change, which no offset shifting survives.
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
    }
    await waitFor('decorations back in place', () =>
      applied(editor.document)
        ?.codings.find((c) => c.codingId === 'c1')
        ?.range.isEqual(rangeOf(editor.document, 'I found her myself.')),
    );
  });

  it('recreates the decoration types when grounded.decorationStyle changes, and honours grounded.colors', async () => {
    const editor = await openTranscript();
    await waitFor('decorations', () => applied(editor.document)?.codings.length === CODINGS.length);
    const generation = state.generation;
    const version = applied(editor.document)!.version;
    await vscode.workspace
      .getConfiguration('grounded')
      .update('decorationStyle', 'underline', vscode.ConfigurationTarget.Workspace);
    await waitFor(
      'new types',
      () =>
        state.generation > generation &&
        state.style === 'underline' &&
        (applied(editor.document)?.version ?? 0) > version,
    );
    assert.equal(
      applied(editor.document)!.codings.length,
      CODINGS.length,
      'codings are drawn again with the new types',
    );

    await vscode.workspace
      .getConfiguration('grounded')
      .update('colors', { found: '#123456', contrast: 'not a colour' }, vscode.ConfigurationTarget.Workspace);
    const drawn = await waitFor(
      'the override colour',
      () =>
        applied(editor.document)?.codings.find((c) => c.codeId === 'found')?.color === '#123456' &&
        applied(editor.document),
    );
    assert.equal(
      drawn.codings.find((c) => c.codeId === 'contrast')!.color,
      COLORS['contrast'],
      'a malformed override is ignored',
    );
    await waitFor('the type of the override colour', () => state.typeKeys.includes('coding:#123456:anchored'));
    assert.ok(!state.typeKeys.includes('coding:#4e79a7:anchored'), 'the unused type was disposed');

    await vscode.workspace
      .getConfiguration('grounded')
      .update('decorationStyle', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace
      .getConfiguration('grounded')
      .update('colors', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(
      'the default look again',
      () =>
        state.style === 'background' &&
        applied(editor.document)?.codings.find((c) => c.codeId === 'found')?.color === COLORS['found'],
    );
  });

  it('draws outlines instead of fills in a high-contrast theme, and drops gutter marks when asked', async () => {
    const editor = await openTranscript();
    await waitFor('decorations', () => applied(editor.document)?.codings.length === CODINGS.length);
    const workbench = vscode.workspace.getConfiguration('workbench');
    const generation = state.generation;
    await workbench.update('colorTheme', 'Default High Contrast', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(
        'the high-contrast look',
        () =>
          state.highContrast &&
          state.generation > generation &&
          applied(editor.document)?.codings.length === CODINGS.length,
      );
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(
      'the normal look again',
      () => !state.highContrast && applied(editor.document)?.codings.length === CODINGS.length,
    );

    await vscode.workspace
      .getConfiguration('grounded')
      .update('showGutterMarks', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(
        'no gutter marks',
        () =>
          applied(editor.document)?.codings.length === CODINGS.length &&
          applied(editor.document)?.gutterLines.length === 0,
      );
      assert.ok(!state.typeKeys.some((key) => key.startsWith('gutter:')));
    } finally {
      await vscode.workspace
        .getConfiguration('grounded')
        .update('showGutterMarks', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('gutter marks again', () => applied(editor.document)?.gutterLines.length === 2);
  });

  it('hovers list the codes at a position, with category, coder, status and command links', async () => {
    const editor = await openTranscript();
    await waitFor('decorations', () => applied(editor.document)?.codings.length === CODINGS.length);
    const text = async (position: vscode.Position) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        position,
      );
      return hovers
        .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
        .join('\n');
    };
    const one = await text(rangeOf(editor.document, 'found her').start);
    assert.match(one, /Found it myself/);
    assert.match(one, /Structures/, 'the category (parent code)');
    assert.match(one, /by tester · 19 characters/);
    assert.match(one, /color:#4e79a7/);
    const commands = await vscode.commands.getCommands(true);
    if (commands.includes('grounded.removeCoding')) assert.match(one, /command:grounded\.removeCoding\?/);
    if (commands.includes('grounded.editMemo')) assert.match(one, /command:grounded\.editMemo\?/);
    const both = await text(rangeOf(editor.document, 'great').start.translate(0, 2));
    assert.match(both, /Praise/);
    assert.match(both, /Contrast/);
    assert.match(
      await text(rangeOf(editor.document, 'Not really.').start),
      /needs review: was “Not really, no\\\.”/,
      'the words that were coded',
    );
    assert.doesNotMatch(await text(new vscode.Position(3, 30)), /Found it myself|Praise|Contrast/);
  });

  it('shows the codes at the cursor in the status bar, and the coding count elsewhere', async () => {
    const editor = await openTranscript();
    await waitFor('decorations', () => applied(editor.document)?.codings.length === CODINGS.length);
    const item = grounded.testHooks?.['statusBar'] as vscode.StatusBarItem;
    const great = rangeOf(editor.document, 'great').start.translate(0, 1);
    editor.selection = new vscode.Selection(great, great);
    await waitFor('codes at the cursor', () => item.text === '$(tag) Praise, Contrast');
    assert.equal(item.command, 'grounded.codeSelection');
    editor.selection = new vscode.Selection(3, 5, 3, 5);
    await waitFor('the coding count', () => item.text === `$(tag) ${CODINGS.length} codings`);
  });

  it('confirms a coding that needs review by adjusting it, to the same bounds too', async () => {
    const editor = await openTranscript();
    await waitFor('decorations', () => applied(editor.document)?.codings.length === CODINGS.length);
    const text = editor.document.getText();
    const start = Array.from(text.slice(0, text.indexOf('Not really.'))).length;
    const confirmed = await vscode.commands.executeCommand<Coding>('grounded.adjustCoding', {
      uri: transcript,
      id: 'c4',
      to: 'selection',
      range: { start, end: start + 'Not really.'.length },
    });
    assert.equal(confirmed.status, undefined);
    assert.equal(confirmed.quote, 'Not really.');
    const sidecar = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'transcripts/T1.tester.codes.yaml')),
    );
    assert.doesNotMatch(sidecar, /needs-review|Not really, no/, 'neither the flag nor the kept words are left');
  });

  it('draws each new coding at once over its range, and keeps the ranges of the codings it had drawn', async () => {
    const editor = await openTranscript();
    const document = editor.document;
    await waitFor('decorations', () => applied(document)?.codings.length === CODINGS.length);
    const text = document.getText();
    const offsetOf = (quote: string) => Array.from(text.slice(0, text.indexOf(quote))).length;
    // The fixture's coder, so the codings land in the sidecar drawn (and no suite before has to have set one).
    const coder = vscode.workspace.getConfiguration('grounded');
    const previousCoder = coder.inspect<string>('coder')?.workspaceValue;
    await coder.update('coder', 'tester', vscode.ConfigurationTarget.Workspace);
    const code = async (quote: string, count: number) => {
      const start = offsetOf(quote);
      const [added] = await vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', {
        codes: ['found'],
        uri: transcript.toString(),
        ranges: [{ start, end: start + Array.from(quote).length }],
      });
      assert.ok(added, quote);
      const drawn = await waitFor(`${quote} drawn`, () => {
        const now = applied(document);
        return now?.codings.length === count && now.codings.some((c) => c.codingId === added.id) && now;
      });
      const fresh = drawn.codings.find((c) => c.codingId === added.id)!;
      assert.ok(fresh.range.isEqual(rangeOf(document, quote)), JSON.stringify(fresh.range));
      return drawn;
    };
    let made = 0;
    try {
      // The first coding of a session reads the sidecar from disk (new coding objects); from then on each coding
      // action starts from the sidecar the previous one wrote, and the study's reload takes that same sidecar.
      const before = await code('the program', CODINGS.length + 1);
      made++;
      // The reload after it has published (its codings are the ones drawn): nothing else will redraw.
      await waitFor(
        'the reload',
        async () =>
          (await grounded.studies.transcriptFor(transcript))?.transcript.sidecars.find(
            (sidecar) => sidecar.sidecar.coder === 'tester',
          )?.sidecar.codings.length ===
          CODINGS.length + 1,
      );
      const after = await code('She was', CODINGS.length + 2);
      made++;
      // The redraw converted only the new coding: every other range is the very object drawn before.
      for (const old of before.codings) {
        const now = after.codings.find((c) => c.codingId === old.codingId);
        assert.ok(now, old.codingId);
        assert.equal(now.range, old.range, `${old.codingId} was converted again`);
      }
    } finally {
      for (; made > 0; made--) await vscode.commands.executeCommand('grounded.undoLastCodingAction');
      await waitFor('the codings undone', () => applied(document)?.codings.length === CODINGS.length);
      await coder.update('coder', previousCoder, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('draws nothing of a coding whose write is refused, and keeps the codings drawn', async () => {
    const editor = await openTranscript();
    const document = editor.document;
    await waitFor('decorations', () => applied(document)?.codings.length === CODINGS.length);
    const coder = vscode.workspace.getConfiguration('grounded');
    const previousCoder = coder.inspect<string>('coder')?.workspaceValue;
    await coder.update('coder', 'tester', vscode.ConfigurationTarget.Workspace);
    // A read-only sidecar: Grounded refuses to replace it, and the colours change only once a write is done.
    const sidecar = path.join(folder.fsPath, 'transcripts/T1.tester.codes.yaml');
    const mode = statSync(sidecar).mode & 0o777;
    chmodSync(sidecar, 0o444);
    const drawnIds = () => (applied(document)?.codings ?? []).map((c) => c.codingId).sort();
    const before = drawnIds();
    const seen = new Set<number>();
    const watching = grounded.live.onDidChange((entry) => {
      if (entry?.document.uri.toString() === document.uri.toString()) seen.add(entry.codings.length);
    });
    try {
      const text = document.getText();
      const start = Array.from(text.slice(0, text.indexOf('the program'))).length;
      const added = await vscode.commands
        .executeCommand<Coding[] | undefined>('grounded.codeSelection', {
          codes: ['found'],
          uri: transcript.toString(),
          ranges: [{ start, end: start + 'the program'.length }],
        })
        .then(
          (value) => value,
          () => undefined,
        );
      assert.equal(added?.length ?? 0, 0, 'the refused coding was not added');
      assert.equal(drawnIds().join(), before.join(), 'the codings drawn are those loaded');
      assert.equal(statSync(sidecar).mode & 0o777, 0o444, 'the sidecar was left alone');
    } finally {
      watching.dispose();
      chmodSync(sidecar, mode);
      await coder.update('coder', previousCoder, vscode.ConfigurationTarget.Workspace);
    }
    assert.ok(!seen.has(CODINGS.length + 1), 'the refused coding was never drawn');
  });

  it('draws a long transcript shown in a new editor around the lines on screen first, then whole, opened again too', async () => {
    // 3,000 codings, one per line over 4,000 lines: more than are drawn in one step in a new editor, and with a
    // gutter mark each more ranges than are handed over in one task (6,000), so the whole drawing goes in slices.
    const CODED = 3000;
    const lines = Array.from(
      { length: 4000 },
      (_, index) => `[00:${String(index % 60).padStart(2, '0')}:00] T02: line ${index} of the long answer.`,
    );
    // No line break at the end, as many transcripts: the last line is coded too.
    const text = lines.join('\n');
    const lineStarts: number[] = [];
    let at = 0;
    for (const line of lines) {
      lineStarts.push(at);
      at += line.length + 1;
    }
    const codedLines = Array.from({ length: CODED }, (_, index) =>
      Math.floor((index * (lines.length - 1)) / (CODED - 1)),
    );
    const codings: Coding[] = codedLines.map((line, index) => ({
      id: `long-${index}`,
      code: index % 2 === 0 ? 'found' : 'praise',
      start: lineStarts[line]!,
      end: lineStarts[line]! + lines[line]!.length,
      quote: lines[line]!,
      prefix: '',
      suffix: '',
      by: 'tester',
    }));
    const { uri: long, sidecar: longSidecar } = await writeCodedTranscript('T2', text, codings);
    const drawings: {
      codings: number;
      lines: number[];
      visible: readonly vscode.Range[];
      applied: AppliedDecorations;
    }[] = [];
    const watching = state.onDidDraw(({ uri, applied: drawn }) => {
      if (uri !== long.toString()) return;
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === long.toString());
      drawings.push({
        applied: drawn,
        codings: drawn.codings.length,
        lines: drawn.codings.map((c) => c.range.start.line),
        visible: editor?.visibleRanges ?? [],
      });
    });
    const firstStepNearScreen = (what: string) => {
      const first = drawings[0]!;
      assert.ok(first.codings > 0 && first.codings < CODED, `${what}: the first step drew ${first.codings} codings`);
      const top = Math.min(...first.visible.map((r) => r.start.line));
      const bottom = Math.max(...first.visible.map((r) => r.end.line));
      assert.ok(
        first.lines.every((line) => line >= top - 100 && line <= bottom + 100),
        `${what}: the first step drew the codings around the lines on screen`,
      );
      assert.ok(
        codedLines.filter((line) => line >= top && line <= bottom).every((line) => first.lines.includes(line)),
        `${what}: every coding on screen was in the first step`,
      );
      assert.equal(drawings.at(-1)!.codings, CODED, `${what}: then all of them`);
    };
    try {
      // Opened at its last line, as a coding listed in a view is: VS Code shows the editor at the top, then scrolls.
      await vscode.window.showTextDocument(long, { preview: false, selection: new vscode.Range(3999, 0, 3999, 0) });
      await waitFor('every coding drawn', () => drawings.some((d) => d.codings === CODED));
      firstStepNearScreen('opened');
      const atEnd = drawings.findIndex((d) => d.lines.includes(3999));
      assert.ok(
        atEnd > 0 && drawings[atEnd]!.codings < CODED,
        `the lines scrolled to drawn before the rest (drawings: ${drawings.map((d) => `${d.codings} from line ${Math.min(...d.lines)}`).join(', ')})`,
      );

      // Opened again: the lines on screen first again, taken from the layout it had (the very records drawn).
      const whole = drawings.at(-1)!.applied;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitFor('closed', () => !state.applied.has(long.toString()) || undefined);
      drawings.length = 0;
      await vscode.window.showTextDocument(long, { preview: false });
      await waitFor('drawn again', () => drawings.some((d) => d.codings === CODED));
      assert.ok(
        drawings[0]!.applied.codings.every((coding) => whole.codings.includes(coding)),
        'the first step taken from the layout it had',
      );
      firstStepNearScreen('opened again');

      // Opened again and coded far off screen as soon as its first step is drawn: drawn whole with the coding, and
      // nothing older drawn after it. (Whether the coding lands before the rest's last slice depends on timing.)
      const coder = vscode.workspace.getConfiguration('grounded');
      const previousCoder = coder.inspect<string>('coder')?.workspaceValue;
      await coder.update('coder', 'tester', vscode.ConfigurationTarget.Workspace);
      try {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await waitFor('closed', () => !state.applied.has(long.toString()) || undefined);
        drawings.length = 0;
        const quote = 'line 3990 of the long answer.';
        const start = text.indexOf(quote);
        const first = new Promise<void>((resolve) => {
          const once = state.onDidDraw(({ uri }) => {
            if (uri !== long.toString()) return;
            once.dispose();
            resolve();
          });
        });
        await vscode.window.showTextDocument(long, { preview: false });
        await first;
        const [added] = await vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', {
          codes: ['found'],
          uri: long.toString(),
          ranges: [{ start, end: start + quote.length }],
        });
        assert.ok(added, 'the coding was made');
        const last = await waitFor('the coding drawn with every other', () => {
          const now = state.applied.get(long.toString());
          return now?.codings.length === CODED + 1 && now.codings.some((c) => c.codingId === added.id) && now;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(state.applied.get(long.toString()), last, 'nothing drawn after it (no stale slice)');
        assert.ok(
          last.codings.find((c) => c.codingId === added.id)!.range.isEqual(new vscode.Range(3990, 16, 3990, 45)),
        );
      } finally {
        await coder.update('coder', previousCoder, vscode.ConfigurationTarget.Workspace);
      }
    } finally {
      watching.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(long);
      await vscode.workspace.fs.delete(longSidecar);
    }
  });

  it('draws a short transcript of many codings in one step, the codings of its last line included', async () => {
    // 1,100 codings on 55 lines, no line break at the end: every line is on screen or near it, so there is no
    // first step to draw apart.
    const lines = Array.from({ length: 55 }, (_, index) => `T04: line ${index} holds twenty codings, word by word.`);
    const text = lines.join('\n');
    const codings: Coding[] = [];
    let at = 0;
    lines.forEach((line, index) => {
      for (let k = 0; k < 20; k++)
        codings.push({
          id: `short-${index}-${k}`,
          code: k % 2 === 0 ? 'found' : 'praise',
          start: at + k,
          end: at + line.length,
          quote: line.slice(k),
          prefix: '',
          suffix: '',
          by: 'tester',
        });
      at += line.length + 1;
    });
    const { uri: short, sidecar } = await writeCodedTranscript('T4', text, codings);
    const drawn: number[] = [];
    const watching = state.onDidDraw(({ uri, applied: now }) => {
      if (uri === short.toString()) drawn.push(now.codings.length);
    });
    try {
      await vscode.window.showTextDocument(short, { preview: false });
      await waitFor('drawn', () => drawn.length > 0 || undefined);
      assert.deepEqual(drawn.slice(0, 1), [1100], 'every coding in the first drawing');
    } finally {
      watching.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(short);
      await vscode.workspace.fs.delete(sidecar);
    }
  });

  it('draws a dense transcript in many colours shown again: every coding and the gutter marks on screen first, the others next', async () => {
    // 330 lines with up to three codings each in 12 colours: a gutter type per set of colours on a line, over a
    // hundred, in fewer codings than a new editor gets in two steps anyway (see the long transcript above).
    const codebookUri = vscode.Uri.joinPath(folder, 'codebook.yaml');
    const codebookBefore = await vscode.workspace.fs.readFile(codebookUri);
    const dense = Array.from({ length: 12 }, (_, index) => ({
      id: `dense-${index}`,
      name: `Dense ${index}`,
      color: `#${(0x103050 + index * 0x0b1307).toString(16).slice(-6)}`,
    }));
    const lines = Array.from({ length: 330 }, (_, index) => `T03: line ${index} of a densely coded answer, words.`);
    const text = lines.join('\n') + '\n';
    const codings: Coding[] = [];
    let at = 0;
    lines.forEach((line, index) => {
      const codes = new Set([
        index % 12,
        (index * 5 + Math.floor(index / 12)) % 12,
        (index * index + 3 * Math.floor(index / 7)) % 12,
      ]);
      for (const code of codes) {
        const start = at + 5 + code;
        codings.push({
          id: `dense-${index}-${code}`,
          code: `dense-${code}`,
          start,
          end: at + line.length,
          quote: text.slice(start, at + line.length),
          prefix: '',
          suffix: '',
          by: 'tester',
        });
      }
      at += line.length + 1;
    });
    assert.ok(codings.length <= 1000, `${codings.length} codings`);
    await vscode.workspace.fs.writeFile(codebookUri, fixtureCodebook({ more: dense }));
    const { uri: denseUri, sidecar } = await writeCodedTranscript('T3', text, codings);
    const drawings: { codings: number; gutterLines: readonly number[]; visible: readonly vscode.Range[] }[] = [];
    const watching = state.onDidDraw(({ uri, applied: drawn }) => {
      if (uri !== denseUri.toString()) return;
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
      drawings.push({
        codings: drawn.codings.length,
        gutterLines: drawn.gutterLines,
        visible: editor?.visibleRanges ?? [],
      });
    });
    const allGutter = () => drawings.some((d) => d.gutterLines.length === lines.length) || undefined;
    try {
      await vscode.window.showTextDocument(denseUri, { preview: false });
      await waitFor('every gutter mark drawn', allGutter);
      assert.ok(state.typeKeys.filter((key) => key.startsWith('gutter:')).length > 100, 'over a hundred gutter types');
      // Opened for the first time, its types are made as it is drawn: the gutter marks of the lines on screen first.
      const opening = drawings[0]!;
      const screen = {
        top: Math.min(...opening.visible.map((r) => r.start.line)),
        bottom: Math.max(...opening.visible.map((r) => r.end.line)),
      };
      assert.ok(
        opening.gutterLines.length < 2 * (screen.bottom - screen.top + 1) + 50,
        `${opening.gutterLines.length} gutter lines first`,
      );
      for (let line = screen.top; line <= screen.bottom; line++)
        assert.ok(opening.gutterLines.includes(line), `line ${line}`);

      // Shown again, its types are there: all codings at once, with the gutter marks of the lines on screen.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitFor('closed', () => !state.applied.has(denseUri.toString()) || undefined);
      drawings.length = 0;
      await vscode.window.showTextDocument(denseUri, { preview: false });
      await waitFor('every gutter mark drawn again', allGutter);
      const first = drawings[0]!;
      assert.equal(first.codings, codings.length, 'every coding in the first drawing');
      assert.ok(
        first.gutterLines.length < lines.length,
        `the first drawing gave ${first.gutterLines.length} gutter lines`,
      );
      const top = Math.min(...first.visible.map((r) => r.start.line));
      const bottom = Math.max(...first.visible.map((r) => r.end.line));
      for (let line = top; line <= bottom; line++)
        assert.ok(first.gutterLines.includes(line), `line ${line} on screen`);
      assert.equal(drawings.at(-1)!.gutterLines.length, lines.length);
    } finally {
      watching.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(denseUri);
      await vscode.workspace.fs.delete(sidecar);
      await vscode.workspace.fs.writeFile(codebookUri, codebookBefore);
    }
  });

  it('decorates the transcripts of the example study', async function () {
    if (process.env.GROUNDED_TEST_EXAMPLE !== 'mentorship-study') this.skip();
    const workspace = vscode.workspace.workspaceFolders![0]!.uri;
    const uri = vscode.Uri.joinPath(workspace, 'transcripts/P07.txt');
    const found = await grounded.studies.transcriptFor(uri);
    assert.ok(found, 'P07 is a transcript of the example study');
    const expected = found.transcript.sidecars.flatMap((sidecar) => sidecar.sidecar.codings);
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const drawn = await waitFor('P07 decorations', () => {
      const now = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
      return (
        now &&
        state.applied.get(now.document.uri.toString())?.codings.length === expected.length &&
        state.applied.get(now.document.uri.toString())
      );
    });
    const text = Array.from(editor.document.getText().replace(/\r\n?/g, '\n'));
    for (const coding of expected) {
      const range = drawn.codings.find((c) => c.codingId === coding.id)!.range;
      assert.equal(
        editor.document.getText(range).replace(/\r\n?/g, '\n'),
        text.slice(coding.start, coding.end).join(''),
        coding.id,
      );
    }
    assert.equal(fromVscodeUri(editor.document.uri), found.transcript.uri);
  });
});
