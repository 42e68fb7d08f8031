// Blind coding in a real VS Code, turned on as a person does it: the palette's "Grounded: Toggle Blind Coding".
// On P04 of the example study, which amara and jonas both coded, amara (the current coder) then sees only her
// own codings in the decorations, the hover, the Codings in Transcript view, the explorer badge's tooltip and
// the analysis panel's report; coding while blind writes her sidecar only; turning it off brings jonas back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedServices } from '../../src/extension/services';
import type { DecorationState } from '../../src/extension/decorations/decoration-state';
import type { CodingsTree } from '../../src/extension/views/codings/codings-tree';
import type { ExplorerBadges } from '../../src/extension/transcripts/explorer-badges';
import type { AnalysisPanelHooks } from '../../src/extension/analysis-panel/analysis-feature';
import type { AnalysisPanel } from '../../src/extension/analysis-panel/analysis-panel';
import type { BlindCoding } from '../../src/extension/study/blind-coding';
import type { Coding } from '../../src/core/index';
import { waitFor } from './support';

const ME = 'amara';
const OTHER = 'jonas';

interface BlindHooks {
  service: BlindCoding;
  statusBar: vscode.StatusBarItem;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('blind coding', function () {
  // The example study's 44 transcripts reload and its report rebuilds after each toggle.
  this.timeout(60_000);
  let grounded: GroundedServices;
  let blind: BlindHooks;
  let folder: vscode.Uri;
  let transcript: vscode.Uri;
  let mine: Coding[];
  let theirs: Coding[];
  let previous: { coder: unknown; blind: unknown };
  let panel: AnalysisPanel | undefined;
  /** amara's P04 sidecar as copied: put back after, so later suites count the example study's codings. */
  let mineOnDisk: Uint8Array;

  const config = () => vscode.workspace.getConfiguration('grounded');
  const sidecar = (coder: string) => vscode.Uri.joinPath(folder, 'transcripts', `P04.${coder}.codes.yaml`);
  const drawnIds = () =>
    new Set(
      (grounded.testHooks?.['decorations'] as DecorationState).applied
        .get(transcript.toString())
        ?.codings.map((c) => c.codingId) ?? [],
    );
  const codingsView = () => (grounded.testHooks?.['views'] as { codings: CodingsTree }).codings;
  const badgeTooltip = () =>
    String((grounded.testHooks?.['badges'] as ExplorerBadges).provideFileDecoration(transcript)?.tooltip ?? '');
  /** A place in P04 that only jonas coded: hovering there shows his coding, or nothing while blind. */
  const onlyTheirs = (): vscode.Position => {
    const editor = vscode.window.activeTextEditor!;
    const inside = (c: Coding, offset: number) => c.start <= offset && offset < c.end;
    const coding = theirs.find((c) => !mine.some((m) => inside(m, c.start)) && c.end > c.start);
    assert.ok(coding, 'P04 has a passage only jonas coded');
    return grounded.texts.of(editor.document).toRange(coding.start, coding.start + 1).start;
  };
  const hoverText = async (position: vscode.Position) => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      transcript,
      position,
    );
    return hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
  };
  const panelRequest = async () => {
    const built = await waitFor('the analysis panel to post a report', () =>
      panel?.lastPosted?.type === 'report' ? panel.lastPosted : undefined,
    );
    return built;
  };

  before(async function () {
    if (process.env.GROUNDED_TEST_EXAMPLE !== 'mentorship-study') this.skip();
    const extension = vscode.extensions.getExtension<GroundedServices>('grounded-qda.grounded');
    assert.ok(extension, 'Grounded is not loaded');
    grounded = await extension.activate();
    blind = grounded.testHooks?.['blindCoding'] as BlindHooks;
    assert.ok(blind, 'blind coding exposes no test hooks');
    folder = vscode.workspace.workspaceFolders![0]!.uri;
    transcript = vscode.Uri.joinPath(folder, 'transcripts', 'P04.txt');
    previous = {
      coder: config().inspect('coder')?.globalValue,
      blind: config().inspect('blindCoding')?.globalValue,
    };
    await config().update('coder', ME, vscode.ConfigurationTarget.Global);
    await config().update('blindCoding', undefined, vscode.ConfigurationTarget.Global);
    const found = await waitFor('P04 in the example study', () => grounded.studies.transcriptFor(transcript));
    const of = (coder: string) => found.transcript.sidecars.find((s) => s.coder === coder)?.sidecar.codings ?? [];
    mine = [...of(ME)];
    theirs = [...of(OTHER)];
    assert.ok(mine.length > 0 && theirs.length > 0, 'P04 has codings of amara and jonas');
    mineOnDisk = await vscode.workspace.fs.readFile(sidecar(ME));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(transcript, { preview: false });
    await waitFor('both coders drawn', () => drawnIds().size === mine.length + theirs.length);
  });

  after(async () => {
    panel?.dispose();
    if (!grounded) return;
    await vscode.workspace.fs.writeFile(sidecar(ME), mineOnDisk);
    await config().update('blindCoding', previous.blind, vscode.ConfigurationTarget.Global);
    await config().update('coder', previous.coder, vscode.ConfigurationTarget.Global);
  });

  it('the palette turns it on: only the current coder is shown in the editor, views, badges and the panel', async () => {
    assert.match(blind.statusBar.text, /All coders/);
    const before = await hoverText(onlyTheirs());
    assert.match(before, new RegExp(`by ${OTHER}`), "jonas's coding shows in the hover while not blind");
    assert.match(badgeTooltip(), new RegExp(OTHER), 'the badge names jonas while not blind');
    const opened = await vscode.commands.executeCommand<AnalysisPanel>('grounded.openAnalysis');
    panel = opened ?? (grounded.testHooks?.analysisPanel as AnalysisPanelHooks).panels()[0];
    assert.equal((await panelRequest()).request.coders, null, 'the panel starts with every coder');
    // The transcript beside the panel: both stay visible, so the panel rebuilds when blind coding changes.
    await vscode.window.showTextDocument(transcript, { preview: false, viewColumn: vscode.ViewColumn.Beside });

    await vscode.commands.executeCommand('workbench.action.quickOpen', '>Grounded: Toggle Blind Coding');
    await sleep(600); // the palette filters as it opens
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

    await waitFor('blind coding on', () => blind.service.visible.blind);
    assert.equal(config().get('blindCoding'), true, 'the setting changed');
    assert.match(blind.statusBar.text, /\$\(eye-closed\) Blind/);
    assert.match(String(blind.statusBar.tooltip), /only amara's codings are shown; every other coder's are hidden/);

    const mineIds = new Set(mine.map((c) => c.id));
    await waitFor('only amara drawn', () => {
      const ids = drawnIds();
      return ids.size === mine.length && [...ids].every((id) => mineIds.has(id));
    });
    const hidden = await hoverText(onlyTheirs());
    assert.doesNotMatch(hidden, new RegExp(OTHER), "no hover shows jonas's coding");

    const listed = await codingsView().getChildren();
    assert.equal(listed.length, mine.length);
    assert.ok(
      listed.every(({ live }) => live.coding.by === ME),
      'the Codings view lists amara only',
    );

    await waitFor('the badge tooltip without jonas', () => !badgeTooltip().includes(OTHER) && badgeTooltip());
    assert.match(badgeTooltip(), new RegExp(ME));

    const report = await waitFor('a report for amara alone', async () => {
      const posted = await panelRequest();
      return JSON.stringify(posted.request.coders) === JSON.stringify([ME]) ? posted : undefined;
    });
    assert.ok(!JSON.stringify(report.report).includes(`"${OTHER}"`), 'the report names no other coder');

    assert.ok(grounded.live.get(vscode.window.activeTextEditor!.document)!.codings.every((l) => l.coding.by === ME));
  });

  it('comparing coders is refused while blind, and coding writes only the current coder’s sidecar', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('grounded.compareCoders', { first: ME, second: OTHER })),
      /Blind coding is on/,
    );
    const theirsBefore = await vscode.workspace.fs.readFile(sidecar(OTHER));
    const text = vscode.window.activeTextEditor!.document.getText();
    const index = text.indexOf('associate dean');
    assert.ok(index >= 0);
    const start = Array.from(text.slice(0, index)).length;
    await vscode.commands.executeCommand('grounded.codeSelection', {
      codes: [mine[0]!.code],
      uri: transcript,
      ranges: [{ start, end: start + 'associate dean'.length }],
    });
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar(ME)));
    assert.match(written, /associate dean/);
    assert.deepEqual(await vscode.workspace.fs.readFile(sidecar(OTHER)), theirsBefore, "jonas's sidecar is untouched");
    await waitFor('the new coding drawn', () => drawnIds().size === mine.length + 1);
  });

  it('turning it off brings the other coder back everywhere', async () => {
    await vscode.commands.executeCommand('workbench.action.quickOpen', '>Grounded: Toggle Blind Coding');
    await sleep(600);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor('blind coding off', () => !blind.service.visible.blind);
    assert.match(blind.statusBar.text, /All coders/);
    await waitFor('both coders drawn again', () => drawnIds().size === mine.length + 1 + theirs.length);
    assert.match(await hoverText(onlyTheirs()), new RegExp(`by ${OTHER}`));
    const listed = await codingsView().getChildren();
    assert.ok(
      listed.some(({ live }) => live.coding.by === OTHER),
      'the Codings view lists jonas again',
    );
    await waitFor('the badge names jonas again', () => badgeTooltip().includes(OTHER));
    await waitFor('the panel back to every coder', async () => (await panelRequest()).request.coders === null);
  });
});
