// Find Similar Passages in a real VS Code, the way a person runs it: the cursor on a coding of "Time pressure"
// (barriers-time) in the example study, the palette's "Grounded: Find Similar Passages", ↓ to the second
// result (the transcript shows it), Enter to code it, Ctrl+Delete's command to dismiss the next. The coding
// lands in the coder's sidecar on disk and the dismissal in similar-dismissed.yaml; neither passage was
// coded with the code before, and the list leaves out every passage already coded with it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedServices } from '../../src/extension/services';
import type { SimilarHooks } from '../../src/extension/similar/similar-feature';
import { parseSidecar, type Coding, type SimilarPassage } from '../../src/core/index';
import { fromVscodeUri } from '../../src/extension/platform/workspace-file-system';
import { waitFor } from './support';

const CODER = 'similar-tester';
const CODE = 'barriers-time';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const decoder = new TextDecoder();

describe('find similar passages', function () {
  this.timeout(90_000);
  let grounded: GroundedServices;
  let folder: vscode.Uri;
  let previousCoder: unknown;
  const written: vscode.Uri[] = [];

  const config = () => vscode.workspace.getConfiguration('grounded');
  const hooks = () => grounded.testHooks?.['similar'] as SimilarHooks;
  const read = async (uri: vscode.Uri) => decoder.decode(await vscode.workspace.fs.readFile(uri));
  const exists = async (uri: vscode.Uri) =>
    vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );

  before(async () => {
    const ext = vscode.extensions.getExtension<GroundedServices>('grounded-qda.grounded');
    assert.ok(ext);
    grounded = await ext.activate();
    folder = vscode.workspace.workspaceFolders![0]!.uri;
    previousCoder = config().inspect('coder')?.globalValue;
    await config().update('coder', CODER, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    // The list stays open for the runner's final screenshot; the files go back to the example study's.
    for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await config().update('coder', previousCoder, vscode.ConfigurationTarget.Global);
  });

  it('from the coding under the cursor, codes the highlighted result with Enter and dismisses one with its key', async () => {
    const study = await waitFor('the example study', async () =>
      (await grounded.studies.allStudies()).find((s) => s.transcripts.some((t) => t.path === 'transcripts/P11.txt')),
    );
    const codingsOf = (code: string) =>
      study.transcripts.flatMap((t) =>
        t.sidecars.flatMap((s) => s.sidecar.codings.filter((c) => c.code === code).map((c) => ({ t, c }))),
      );
    // A coding of the code whose first character no other coding of the transcript covers (no "which one?").
    const source = codingsOf(CODE).find(
      ({ t, c }) =>
        !t.sidecars.some((s) => s.sidecar.codings.some((o) => o !== c && o.start <= c.start && c.start < o.end)),
    );
    assert.ok(source, `the example study has a coding of ${CODE}`);
    const transcriptUri = vscode.Uri.parse(source.t.uri);
    const editor = await vscode.window.showTextDocument(transcriptUri, { preview: false });
    const at = grounded.texts.of(editor.document).toRange(source.c.start + 1, source.c.start + 1).start;
    editor.selection = new vscode.Selection(at, at);

    await vscode.commands.executeCommand('workbench.action.quickOpen', '>Grounded: Find Similar Passages');
    await sleep(600); // the palette filters as it opens
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

    const list = await waitFor(
      'the similar passages listed',
      () => {
        const current = hooks().current();
        return current && !current.pick.busy && current.pick.items.length >= 3 && current;
      },
      30_000,
    );
    assert.match(
      list.pick.title ?? '',
      /sentences like a coding of “Time pressure”, not yet coded with “Time pressure”/,
    );
    // Indexed and searched off the extension host's thread.
    assert.equal(hooks().where(), 'worker');
    const passages = list.pick.items.map((item) => item.passage);
    const coded = codingsOf(CODE);
    for (const p of passages)
      assert.ok(
        !coded.some(({ t, c }) => t.uri === p.transcript.uri && c.start < p.end && p.start < c.end),
        `${p.transcript.path}:${p.line} is already coded with ${CODE}`,
      );
    const scores = passages.map((p) => p.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
      'best first',
    );

    // ↓: the second result is highlighted and shown, selected, in its transcript. The key goes to the list the
    // workbench has drawn: until it reports the first result highlighted, a ↓ would land on an empty list.
    await waitFor(
      'the first result highlighted in the list on screen',
      () => list.pick.activeItems[0]?.passage === passages[0],
    );
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    const second = passages[1] as SimilarPassage;
    await waitFor('the second result highlighted', () => list.pick.activeItems[0]?.passage === second);
    await waitFor('the second result shown in its transcript', () => {
      const shown = vscode.window.activeTextEditor;
      if (!shown || shown.document.uri.toString() !== vscode.Uri.parse(second.transcript.uri).toString()) return false;
      const selected = grounded.texts.of(shown.document).fromRange(shown.selection);
      return selected.start === second.start && selected.end === second.end;
    });

    // Enter codes it with the code, in this coder's sidecar on disk.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const stem = second.transcript.path.replace(/\.txt$/, '');
    const sidecarUri = vscode.Uri.joinPath(folder, `${stem}.${CODER}.codes.yaml`);
    written.push(sidecarUri);
    const coding = await waitFor('the coding in the sidecar on disk', async () => {
      if (!(await exists(sidecarUri))) return false;
      const parsed = parseSidecar(fromVscodeUri(sidecarUri), await read(sidecarUri));
      return parsed.ok && parsed.value.sidecar.codings.find((c: Coding) => c.code === CODE);
    });
    assert.deepEqual(
      [coding.start, coding.end, coding.quote, coding.by],
      [second.start, second.end, second.text, CODER],
    );
    await waitFor('the coded passage leaves the list', () => !list.pick.items.some((i) => i.passage === second));

    // Ctrl+Delete (its command) dismisses the highlighted one, now the old third, for this code.
    const third = list.pick.activeItems[0]?.passage;
    assert.equal(third, passages[2], 'the next result is highlighted after coding');
    await vscode.commands.executeCommand('grounded.similar.dismissActive');
    const dismissedUri = vscode.Uri.joinPath(folder, 'similar-dismissed.yaml');
    written.push(dismissedUri);
    const dismissed = await waitFor(
      'the dismissal on disk',
      async () => (await exists(dismissedUri)) && read(dismissedUri),
    );
    assert.match(
      dismissed,
      new RegExp(
        `^  - \\{ code: ${CODE}, transcript: "${third!.transcript.path}", passage: "[0-9a-f]{16}", text: ".+" \\}$`,
        'm',
      ),
    );
    await waitFor('the dismissed passage leaves the list', () => !list.pick.items.some((i) => i.passage === third));
    assert.equal(list.coded.length, 1);
    assert.equal(list.dismissed.length, 1);
  });
});
