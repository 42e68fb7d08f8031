// Marking transcripts coded / not coded the way a person does: the command palette on the open transcript, the
// explorer's context menu on a selection (the menu passes the clicked file and every selected one), and what
// the explorer badges and the Codings view say afterwards. On a small study of our own in a dot-folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hashText } from '../../src/core/text/hash';
import { serializeSidecar } from '../../src/core/sidecar/format';
import type { GroundedServices } from '../../src/extension/services';
import type { ExplorerBadges } from '../../src/extension/transcripts/explorer-badges';
import type { CodingsTree } from '../../src/extension/views/codings/codings-tree';
import { fromVscodeUri } from '../../src/extension/platform/workspace-file-system';
import { encode, runFromPalette, services, untilStudyLoads, waitFor } from './support';

const CODER = 'mira';
const TEXT = '[00:00:05] Interviewer: How did you find your mentor?\n\n[00:00:12] T01: I found her myself.\n';
const QUOTE = 'I found her myself.';
const decoder = new TextDecoder();

interface ViewHooks {
  codings: CodingsTree;
  treeViews: { codingsView: vscode.TreeView<unknown> };
}

function sidecar(coder: string, transcript: string, codings: number): string {
  const start = TEXT.indexOf(QUOTE);
  return serializeSidecar({
    transcript,
    coder,
    textHash: hashText(TEXT),
    codings: Array.from({ length: codings }, (_, i) => ({
      id: `${coder}${i}`,
      code: 'found',
      start,
      end: start + QUOTE.length,
      quote: QUOTE,
      prefix: '',
      suffix: '',
      by: coder,
    })),
  });
}

describe('mark transcripts coded / not coded', function () {
  this.timeout(30_000);
  let grounded: GroundedServices;
  let badges: ExplorerBadges;
  let views: ViewHooks;
  let folder: vscode.Uri;
  let previousCoder: unknown;
  const transcript = (name: string) => vscode.Uri.joinPath(folder, 'transcripts', `${name}.txt`);
  const sidecarOf = (name: string, coder = CODER) =>
    vscode.Uri.joinPath(folder, 'transcripts', `${name}.${coder}.codes.yaml`);
  const exists = async (uri: vscode.Uri) =>
    vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
  const read = async (uri: vscode.Uri) => decoder.decode(await vscode.workspace.fs.readFile(uri));
  const badge = (name: string) => badges.provideFileDecoration(transcript(name));

  /** How the Codings view names a transcript ("T1 · 0"): its participant, else its path. */
  async function label(name: string): Promise<string> {
    const found = await grounded.studies.transcriptFor(transcript(name));
    assert.ok(found);
    return found.transcript.participant ?? found.transcript.path;
  }

  async function open(name: string): Promise<void> {
    await vscode.window.showTextDocument(transcript(name), { preview: false });
    // The palette offers the command once the editor is known as a transcript.
    await waitFor(`${name} to be tracked`, () => {
      const document = vscode.window.activeTextEditor?.document;
      return document !== undefined && grounded.live.get(document) !== undefined;
    });
  }

  before(async () => {
    grounded = await services();
    badges = grounded.testHooks?.['badges'] as ExplorerBadges;
    views = grounded.testHooks?.['views'] as ViewHooks;
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace);
    folder = vscode.Uri.joinPath(workspace.uri, '.grounded-fixture-progress');
    previousCoder = vscode.workspace.getConfiguration('grounded').inspect('coder')?.workspaceValue;
    await vscode.workspace.getConfiguration('grounded').update('coder', CODER, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'codebook.yaml'),
      encode('grounded: 1\ncodes:\n  - id: found\n    name: Found\n'),
    );
    for (const name of ['T1', 'T2', 'T3']) await vscode.workspace.fs.writeFile(transcript(name), encode(TEXT));
    await vscode.workspace.fs.writeFile(sidecarOf('T2', 'jonas'), encode(sidecar('jonas', 'T2.txt', 1)));
    await vscode.workspace.fs.writeFile(sidecarOf('T3'), encode(sidecar(CODER, 'T3.txt', 2)));
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'grounded.yaml'),
      encode('grounded: 1\ntranscripts:\n  - transcripts/T*.txt\n'),
    );
    await untilStudyLoads(
      vscode.Uri.joinPath(folder, 'grounded.yaml'),
      async () => (await grounded.studies.transcriptFor(transcript('T3')))?.transcript.sidecars.length === 1,
    );
    await waitFor('the badges to speak for the coder', () => badges.currentCoder === CODER);
    await vscode.commands.executeCommand('workbench.view.extension.grounded');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Away from the Grounded views first: a tree view asking for a study whose folder just went reports it.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    await vscode.workspace
      .getConfiguration('grounded')
      .update('coder', previousCoder, vscode.ConfigurationTarget.Workspace);
  });

  it('before: badges tell coded by you (count), coded by others only (○) and not coded (none)', () => {
    assert.deepEqual(
      ['T1', 'T2', 'T3'].map((name) => [badge(name)?.badge, badge(name)?.tooltip]),
      [
        [undefined, 'Not coded yet'],
        ['○', 'Not coded by mira yet; coded by jonas (1)'],
        ['2', 'Coded by mira (2)'],
      ],
    );
  });

  it('Mark Transcript as Coded from the palette writes an empty sidecar; badge and Codings view follow', async () => {
    await open('T1');
    const view = views.treeViews.codingsView;
    const t1 = await label('T1');
    await waitFor(
      'the view to mark T1 as not coded by mira',
      () => view.description === `${t1} · 0 · not coded by mira`,
    );
    assert.equal(view.message, '1 / 3 coded by jonas, 1 / 3 by mira');

    await runFromPalette('Mark Transcript as Coded', 400);

    const written = await waitFor(
      'the empty sidecar',
      async () => (await exists(sidecarOf('T1'))) && read(sidecarOf('T1')),
    );
    assert.match(written, /^transcript: T1\.txt$/m);
    assert.match(written, /^coder: mira$/m);
    assert.match(written, /^codings: \[\]$/m);
    await waitFor('the ✓ badge', () => badge('T1')?.badge === '✓');
    assert.equal(badge('T1')?.tooltip, 'Coded by mira (0: nothing applies)');
    await waitFor('the view to show T1 coded', () => view.description === `${t1} · 0`);
    assert.equal(view.message, '2 / 3 coded by mira, 1 / 3 by jonas');
  });

  it('the explorer menu marks every selected transcript; one already coded is left byte for byte', async () => {
    const t3Before = await read(sidecarOf('T3'));
    const result = await vscode.commands.executeCommand('grounded.markTranscriptCoded', transcript('T2'), [
      transcript('T2'),
      transcript('T3'),
    ]);
    assert.deepEqual(result, {
      coder: CODER,
      changed: [fromVscodeUri(transcript('T2'))],
      unchanged: [fromVscodeUri(transcript('T3'))],
    });
    assert.match(await read(sidecarOf('T2')), /^codings: \[\]$/m);
    assert.equal(await read(sidecarOf('T3')), t3Before);
    await waitFor('T2 counted as coded by mira', () => badge('T2')?.badge === '1');
    assert.equal(badge('T2')?.tooltip, 'Coded by mira (0: nothing applies), jonas (1)');
    assert.equal(views.treeViews.codingsView.message, '3 / 3 coded by mira, 1 / 3 by jonas');
  });

  it('Not Coded is refused on a sidecar with codings, naming them; nothing is deleted', async () => {
    const before = await read(sidecarOf('T3'));
    await assert.rejects(
      async () =>
        vscode.commands.executeCommand('grounded.markTranscriptNotCoded', { uri: fromVscodeUri(transcript('T3')) }),
      /T3\.mira\.codes\.yaml holds 2 coding\(s\) by mira; marking the transcript not coded would delete them/,
    );
    assert.equal(await read(sidecarOf('T3')), before);
    assert.equal(badge('T3')?.badge, '2');
  });

  it('Mark Transcript as Not Coded from the palette removes an empty sidecar', async () => {
    await open('T1');
    await runFromPalette('Mark Transcript as Not Coded', 400);
    await waitFor('the empty sidecar to go', async () => !(await exists(sidecarOf('T1'))));
    await waitFor('T1 without a badge', () => badge('T1')?.badge === undefined);
    assert.equal(badge('T1')?.tooltip, 'Not coded yet');
    const t1 = await label('T1');
    await waitFor(
      'the view to show T1 not coded',
      () => views.treeViews.codingsView.description === `${t1} · 0 · not coded by mira`,
    );
    assert.equal(views.treeViews.codingsView.message, '2 / 3 coded by mira, 1 / 3 by jonas');
  });

  it('on a selection with codings in one, the others are marked and the one with codings is kept', async () => {
    const before = await read(sidecarOf('T3'));
    await vscode.commands.executeCommand('grounded.markTranscriptNotCoded', transcript('T2'), [
      transcript('T2'),
      transcript('T3'),
    ]);
    await waitFor('T2 back to coded by others only', () => badge('T2')?.badge === '○');
    assert.equal(await exists(sidecarOf('T2')), false);
    assert.equal(await read(sidecarOf('T3')), before);
    assert.equal(await exists(sidecarOf('T2', 'jonas')), true);
  });
});
