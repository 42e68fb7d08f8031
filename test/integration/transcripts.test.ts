import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hashText } from '../../src/core/text/hash';
import { serializeSidecar } from '../../src/core/sidecar/format';
import type { GroundedServices } from '../../src/extension/services';
import type { ExplorerBadges } from '../../src/extension/transcripts/explorer-badges';
import { encode, services, untilStudyLoads, waitFor } from './support';

// Transcripts: the transcript language, the outline of speaker turns and the explorer badges, on a small
// study of our own in a dot-folder (the example study's loader skips dot-folders).

const TEXT = [
  'Study: Transcripts fixture',
  'Participant: T02',
  'Interviewer: R. Okafor',
  '',
  '[00:00:05] Interviewer: How did you find your mentor, and what did you expect from the program at first?',
  '',
  '[00:00:12] T02: I found her myself. [laughs]',
  'She was great.',
  '',
  '[01:10] T02: [inaudible 00:01:11] Not really.',
  '',
  'Interviewer: Thanks.',
  '',
].join('\n');

const openDocument = (uri: vscode.Uri) =>
  vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());

function coding(id: string, quote: string, status?: 'needs-review' | 'orphan') {
  const start = TEXT.indexOf(quote);
  return {
    id,
    code: 'found',
    start,
    end: start + quote.length,
    quote,
    prefix: '',
    suffix: '',
    by: 'amara',
    ...(status ? { status } : {}),
  };
}

describe('transcripts: language, outline and explorer badges', function () {
  this.timeout(30_000);
  let grounded: GroundedServices;
  let folder: vscode.Uri;
  let transcript: vscode.Uri;

  before(async () => {
    grounded = await services();
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace);
    folder = vscode.Uri.joinPath(workspace.uri, '.grounded-fixture-transcripts');
    transcript = vscode.Uri.joinPath(folder, 'transcripts/T2.txt');
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'codebook.yaml'),
      encode('grounded: 1\ncodes:\n  - id: found\n    name: Found\n'),
    );
    await vscode.workspace.fs.writeFile(transcript, encode(TEXT));
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'transcripts/notes.txt'),
      encode('Not a transcript of the study.\n'),
    );
    const hash = hashText(TEXT);
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'transcripts/T2.amara.codes.yaml'),
      encode(
        serializeSidecar({
          transcript: 'T2.txt',
          coder: 'amara',
          textHash: hash,
          codings: [coding('a1', 'I found her myself.'), coding('a2', 'She was great.', 'needs-review')],
        }),
      ),
    );
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'transcripts/T2.jonas.codes.yaml'),
      encode(
        serializeSidecar({
          transcript: 'T2.txt',
          coder: 'jonas',
          textHash: hash,
          codings: [{ ...coding('j1', 'Not really.'), by: 'jonas' }],
        }),
      ),
    );
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'grounded.yaml'),
      encode('grounded: 1\ntranscripts:\n  - transcripts/T*.txt\n'),
    );
    await untilStudyLoads(
      vscode.Uri.joinPath(folder, 'grounded.yaml'),
      async () => (await grounded.studies.transcriptFor(transcript))?.transcript.sidecars.length === 2,
    );
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  it('switches a plain-text transcript of a study to the transcript language', async () => {
    await vscode.window.showTextDocument(transcript, { preview: false });
    await waitFor('the transcript language', () => openDocument(transcript)?.languageId === 'transcript');
  });

  it('leaves a transcript switched back to plain text as it is while it stays open', async () => {
    await vscode.window.showTextDocument(transcript, { preview: false });
    await waitFor('the transcript language', () => openDocument(transcript)?.languageId === 'transcript');
    // What the language picker in the status bar does; the change closes and reopens the document behind its tab.
    await vscode.languages.setTextDocumentLanguage(openDocument(transcript)!, 'plaintext');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(openDocument(transcript)?.languageId, 'plaintext');
    await vscode.languages.setTextDocumentLanguage(openDocument(transcript)!, 'transcript');
  });

  it('leaves a matching plain-text file that is no transcript of a study alone', async () => {
    const notes = vscode.Uri.joinPath(folder, 'transcripts/notes.txt');
    await vscode.window.showTextDocument(notes, { preview: false });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(openDocument(notes)?.languageId, 'plaintext');
  });

  it('opens *.transcript files in the transcript language', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'transcript',
      content: '[00:00:01] P01: Hello.\n',
    });
    assert.equal(document.languageId, 'transcript');
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('transcript'));
  });

  it('outlines the header and each speaker turn', async () => {
    await vscode.window.showTextDocument(transcript, { preview: false });
    const symbols = await waitFor('symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        transcript,
      );
      return found && found.length > 0 && found;
    });
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.detail, symbol.range.start.line, symbol.range.end.line]),
      [
        ['Header', '3 lines', 0, 2],
        ['[00:00:05] Interviewer: How did you find your mentor, and what did you…', 'Interviewer', 4, 4],
        ['[00:00:12] T02: I found her myself. [laughs]', 'T02', 6, 7],
        ['[01:10] T02: [inaudible 00:01:11] Not really.', 'T02', 9, 9],
        ['Interviewer: Thanks.', 'Interviewer', 11, 11],
      ],
    );
    assert.equal(symbols[2]!.selectionRange.end.character, '[00:00:12] T02:'.length);
    assert.equal(symbols[2]!.range.end.character, TEXT.split('\n')[7]!.length, 'a turn ends where its last line does');

    // Typed into, the outline follows: it is kept per version of the document, not per document.
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === transcript.toString())!;
    try {
      await editor.edit((edit) => edit.insert(new vscode.Position(11, 0), '[00:02:00] T02: One more thing.\n\n'));
      const after = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        transcript,
      );
      assert.deepEqual(
        after.slice(4).map((symbol) => [symbol.name, symbol.range.start.line]),
        [
          ['[00:02:00] T02: One more thing.', 11],
          ['Interviewer: Thanks.', 13],
        ],
      );
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('highlights the header, timestamps, speakers and bracketed notes, with a theme colour for each', async () => {
    await vscode.window.showTextDocument(transcript, { preview: false });
    await waitFor('the transcript language', () => openDocument(transcript)?.languageId === 'transcript');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
      'vscode.provideDocumentSemanticTokensLegend',
      transcript,
    );
    const tokens = await waitFor('semantic tokens', () =>
      Promise.resolve(
        vscode.commands.executeCommand<vscode.SemanticTokens | undefined>(
          'vscode.provideDocumentSemanticTokens',
          transcript,
        ),
      ),
    );
    // The data is relative (line delta, start delta from the previous token on the line, length, type, modifiers).
    const lines = TEXT.split('\n');
    const seen: string[] = [];
    let line = 0;
    let start = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [lineDelta, startDelta, length, type] = tokens.data.slice(i, i + 4) as unknown as number[];
      line += lineDelta!;
      start = lineDelta === 0 ? start + startDelta! : startDelta!;
      seen.push(`${line}:${legend.tokenTypes[type!]}:${lines[line]!.slice(start, start + length!)}`);
    }
    assert.deepEqual(seen, [
      '0:transcriptHeaderKey:Study',
      '0:transcriptHeaderValue:Transcripts fixture',
      '1:transcriptHeaderKey:Participant',
      '1:transcriptHeaderValue:T02',
      '2:transcriptHeaderKey:Interviewer',
      '2:transcriptHeaderValue:R. Okafor',
      '4:transcriptTimestamp:00:00:05',
      '4:transcriptInterviewer:Interviewer',
      '6:transcriptTimestamp:00:00:12',
      '6:transcriptParticipant:T02',
      '6:transcriptNote:[laughs]',
      '9:transcriptTimestamp:01:10',
      '9:transcriptParticipant:T02',
      '9:transcriptInaudible:[inaudible 00:01:11]',
      '11:transcriptInterviewer:Interviewer',
    ]);

    // Typed into, the colours follow: the tokens are kept per version of the document, not per document.
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === transcript.toString())!;
    try {
      await editor.edit((edit) => edit.insert(new vscode.Position(11, 0), '[00:02:00] T02: One more thing.\n\n'));
      const after = await vscode.commands.executeCommand<vscode.SemanticTokens>(
        'vscode.provideDocumentSemanticTokens',
        transcript,
      );
      assert.equal(after.data.length, tokens.data.length + 2 * 5, 'a timestamp and a speaker more');
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('gives each transcript an explorer badge with its coding count and who coded it', async () => {
    const badges = grounded.testHooks?.['badges'] as ExplorerBadges;
    const previous = vscode.workspace.getConfiguration('grounded').inspect('coder')?.workspaceValue;
    await vscode.workspace.getConfiguration('grounded').update('coder', 'amara', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the badges to speak for amara', () => badges.currentCoder === 'amara');
      const decoration = await waitFor('a badge', () => badges.provideFileDecoration(transcript));
      assert.equal(decoration.badge, '3');
      assert.equal(decoration.tooltip, 'Coded by amara (2), jonas (1); 1 needs review');
      assert.equal(badges.provideFileDecoration(vscode.Uri.joinPath(folder, 'transcripts/notes.txt')), undefined);

      // A study update tells VS Code about the transcripts whose badge changed, not about every transcript
      // (after a coding that is one of thousands, each asked for again across the process boundary).
      const told: string[][] = [];
      const listening = badges.onDidChangeFileDecorations((uris) => told.push(uris.map((u) => u.toString())));
      try {
        const root = (await grounded.studies.transcriptFor(transcript))?.study.root as string;
        const study = await grounded.studies.reload(root);
        badges.update(study);
        assert.deepEqual(told, [], 'nothing changed, nothing told');
        const moved = {
          ...study,
          transcripts: study.transcripts.map((t) => ({ ...t, sidecars: t.sidecars.slice(0, 1) })),
        };
        badges.update(moved);
        assert.deepEqual(told, [[transcript.toString()]], 'only the transcript whose badge changed');
        badges.update(study);
      } finally {
        listening.dispose();
      }
    } finally {
      await vscode.workspace
        .getConfiguration('grounded')
        .update('coder', previous, vscode.ConfigurationTarget.Workspace);
    }
  });
});
