import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Coding } from '../../src/core/model';
import { hashText } from '../../src/core/text/hash';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar/format';
import { serializeCodebook } from '../../src/core/codebook/format';
import { loadStudy } from '../../src/core/study/load-study';
import type { Study } from '../../src/core/study/study';
import type { GroundedServices } from '../../src/extension/services';
import type { LiveTranscript } from '../../src/extension/study/live-codings';
import { fromVscodeUri } from '../../src/extension/platform/workspace-file-system';
import { encode, services, untilStudyLoads, untilWatched, waitFor } from './support';

// Staying fast while things change: a coding action or a change to one transcript's files reloads that
// transcript only (and gives what a full load gives), a change to the codebook reloads everything, and the
// file watcher's echo of our own write publishes nothing. Own fixture in a dot-folder.

const TEXT = [
  'Participant: R01',
  '',
  'R01: My mentor found me, not the program.',
  '',
  'R01: Later I found others on my own.',
  '',
].join('\n');
const OTHER = TEXT.replace(/R01/g, 'R02');

function offsets(text: string, quote: string): { start: number; end: number } {
  const index = text.indexOf(quote);
  assert.ok(index >= 0, quote);
  return { start: index, end: index + quote.length }; // ASCII: code points = UTF-16 units
}

function coding(text: string, id: string, code: string, quote: string, by: string): Coding {
  return { id, code, ...offsets(text, quote), quote, prefix: '', suffix: '', by };
}

describe('incremental reloads', function () {
  this.timeout(40_000);
  let grounded: GroundedServices;
  let folder: vscode.Uri;
  let root: string;
  const file = (path: string) => vscode.Uri.joinPath(folder, path);
  const sidecarOf = (name: string, coder: string, text: string, codings: Coding[]) =>
    encode(serializeSidecar({ transcript: name, coder, textHash: hashText(text), codings }));
  const study = () => grounded.studies.study(root);

  before(async () => {
    grounded = await services();
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace);
    folder = vscode.Uri.joinPath(workspace.uri, '.grounded-fixture-incremental');
    root = fromVscodeUri(folder);
    await vscode.workspace.fs.writeFile(
      file('codebook.yaml'),
      encode(
        serializeCodebook({
          codes: [
            { id: 'found', name: 'Found', color: '#4e79a7' },
            { id: 'program', name: 'Program', color: '#e15759' },
          ],
        }),
      ),
    );
    await vscode.workspace.fs.writeFile(file('t/R01.txt'), encode(TEXT));
    await vscode.workspace.fs.writeFile(file('t/R02.txt'), encode(OTHER));
    await vscode.workspace.fs.writeFile(
      file('t/R01.ana.codes.yaml'),
      sidecarOf('R01.txt', 'ana', TEXT, [coding(TEXT, 'a1', 'found', 'My mentor found me', 'ana')]),
    );
    await vscode.workspace.fs.writeFile(
      file('t/R02.ana.codes.yaml'),
      sidecarOf('R02.txt', 'ana', OTHER, [coding(OTHER, 'b1', 'program', 'not the program', 'ana')]),
    );
    await vscode.workspace.fs.writeFile(file('grounded.yaml'), encode('grounded: 1\ntranscripts:\n  - t/*.txt\n'));
    await untilStudyLoads(
      file('grounded.yaml'),
      async () => (await grounded.studies.studyFor(file('t/R01.txt')))?.transcripts.length === 2,
    );
    await vscode.workspace.getConfiguration('grounded').update('coder', 'ana', vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace
      .getConfiguration('grounded')
      .update('coder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  const transcriptOf = (s: Study, name: string) => s.transcripts.find((t) => t.path === `t/${name}`);

  /** The study the extension holds equals a fresh full load of the folder. */
  async function assertSameAsFullLoad(): Promise<Study> {
    const held = await study();
    assert.deepStrictEqual(held, await loadStudy(grounded.fs, root));
    return held;
  }

  it('a change to one sidecar on disk reloads that transcript only, exactly as a full load would', async () => {
    const before = await study();
    const r02 = transcriptOf(before, 'R02.txt');
    // Another tool (a merge, a second window) adds a coding to R01's sidecar.
    await vscode.workspace.fs.writeFile(
      file('t/R01.ana.codes.yaml'),
      sidecarOf('R01.txt', 'ana', TEXT, [
        coding(TEXT, 'a1', 'found', 'My mentor found me', 'ana'),
        coding(TEXT, 'a2', 'found', 'found others on my own', 'ana'),
      ]),
    );
    const after = await untilWatched(file('t/R01.ana.codes.yaml'), 'the new coding', async () => {
      const now = await study();
      return transcriptOf(now, 'R01.txt')?.sidecars[0]?.sidecar.codings.length === 2 && now;
    });
    assert.equal(transcriptOf(after, 'R02.txt'), r02, 'R02 was not reloaded (the same object)');
    await assertSameAsFullLoad();
  });

  it("a new coder's first sidecar, then a broken one, surface like in a full load", async () => {
    await vscode.workspace.fs.writeFile(
      file('t/R02.ben.codes.yaml'),
      sidecarOf('R02.txt', 'ben', OTHER, [coding(OTHER, 'c1', 'unknown-code', 'Later I found', 'ben')]),
    );
    await untilWatched(
      file('t/R02.ben.codes.yaml'),
      'the second coder',
      async () => transcriptOf(await study(), 'R02.txt')?.sidecars.length === 2,
    );
    const withWarning = await assertSameAsFullLoad();
    assert.ok(withWarning.problems.some((p) => p.kind === 'unknown-code' && p.uri.endsWith('R02.ben.codes.yaml')));
    await vscode.workspace.fs.writeFile(
      file('t/R02.ben.codes.yaml'),
      encode('<<<<<<< HEAD\ngrounded: 1\n=======\ngrounded: 1\n>>>>>>> theirs\n'),
    );
    await untilWatched(file('t/R02.ben.codes.yaml'), 'the conflict', async () =>
      (await study()).problems.some((p) => p.kind === 'conflict-marker'),
    );
    await assertSameAsFullLoad();
    await vscode.workspace.fs.delete(file('t/R02.ben.codes.yaml'));
    await waitFor(
      'the deletion',
      async () => !(await study()).problems.some((p) => p.uri.endsWith('R02.ben.codes.yaml')),
    );
    await assertSameAsFullLoad();
  });

  it('a codebook change reloads the whole study', async () => {
    const before = await study();
    await vscode.workspace.fs.writeFile(
      file('codebook.yaml'),
      encode(
        serializeCodebook({
          codes: [
            { id: 'found', name: 'Found it', color: '#4e79a7' },
            { id: 'program', name: 'Program', color: '#e15759' },
          ],
        }),
      ),
    );
    const after = await waitFor('the renamed code', async () => {
      const now = await study();
      return now.codebook.codes.some((c) => c.name === 'Found it') && now;
    });
    assert.notEqual(
      transcriptOf(after, 'R02.txt'),
      transcriptOf(before, 'R02.txt'),
      'every transcript was loaded again',
    );
    await assertSameAsFullLoad();
  });

  it('a coding command colours its coding as soon as the sidecar is written, and the echo of that write publishes nothing', async () => {
    const uri = file('t/R02.txt');
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    await waitFor('R02 tracked', () => grounded.live.get(editor.document)?.codings.length === 1);
    const events: string[] = [];
    const watching = [
      grounded.live.onDidChange((entry: LiveTranscript | undefined) => {
        if (
          entry?.document.uri.toString() !== uri.toString() ||
          !entry.codings.some((c) => c.coding.quote === 'Later I found others')
        )
          return;
        // Drawn from the written sidecar: the study the entry belongs to does not have the coding yet.
        const inStudy = transcriptOf(entry.study, 'R02.txt')?.sidecars.some((s) =>
          s.sidecar.codings.some((c) => c.quote === 'Later I found others'),
        );
        events.push(inStudy ? 'live:from-study' : 'live:from-write');
      }),
      grounded.studies.onDidChangeStudy((changed) => {
        if (changed.root === root) events.push('study');
      }),
    ];
    try {
      const added = await vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', {
        codes: ['program'],
        uri: uri.toString(),
        ranges: [offsets(OTHER, 'Later I found others')],
      });
      assert.equal(added?.length, 1);
      assert.equal(events[0], 'live:from-write', `shown from the written sidecar first (${events.join(', ')})`);
      assert.ok(
        events.includes('study') && events.includes('live:from-study'),
        `then the study reload confirmed it (${events.join(', ')})`,
      );
      const sidecar = parseSidecar(
        '',
        new TextDecoder().decode(await vscode.workspace.fs.readFile(file('t/R02.ana.codes.yaml'))),
      );
      assert.ok(sidecar.ok && sidecar.value.sidecar.codings.some((c) => c.id === added[0]?.id));
      // The watcher reports our own write after its quiet period (150 ms): it must not reload and redraw again.
      const settled = events.length;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.deepEqual(events.slice(settled), [], 'the echo of our own write changed nothing');
      await assertSameAsFullLoad();
    } finally {
      for (const disposable of watching) disposable.dispose();
    }
  });
});
