// Compare Coders in a real VS Code, driven as a person drives it: the command palette, the quick picks
// answered (Enter on the offered default, or typing to filter), the next-disagreement key's command, a
// resolution chosen from its quick pick. Then the files: only the consensus coder's sidecars may change,
// checked byte by byte and with `git status` in the runner's copy of the example study (made a git repository).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GroundedServices } from '../../src/extension/services';
import type { CompareCoders } from '../../src/extension/compare-coders/comparison';
import type { DisagreementsNode, DisagreementsTree } from '../../src/extension/compare-coders/disagreements-tree';
import type { CompareDecorations } from '../../src/extension/compare-coders/compare-decorations';
import type { QuickPicks } from '../../src/extension/shared/quick-pick-choice';
import { disagreementSpan } from '../../src/core/agreement/settlement';
import { listDisagreements } from '../../src/core/agreement/disagreements';
import type { Study } from '../../src/core/study/study';
import type { AnalysisPanel } from '../../src/extension/analysis-panel/analysis-panel';
import { fromVscodeUri } from '../../src/extension/platform/workspace-file-system';
import { waitFor } from './support';

interface CompareHooks {
  compare: CompareCoders;
  tree: DisagreementsTree;
  view: vscode.TreeView<DisagreementsNode>;
  decorations: CompareDecorations;
  picks: QuickPicks;
}

const TRANSCRIPT = 'transcripts/P19.txt';
let services: GroundedServices;
let hooks: CompareHooks;
let folder: vscode.Uri;
let root: string;
/** Every sidecar of the two coders, as bytes, before anything ran. */
let codersBefore: Map<string, Buffer>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd: folder.fsPath,
    encoding: 'utf8',
  });
}

function coderSidecars(): Map<string, Buffer> {
  const dir = path.join(folder.fsPath, 'transcripts');
  return new Map(
    readdirSync(dir)
      .filter((name) => /\.(amara|jonas)\.codes\.yaml$/.test(name))
      .map((name) => [name, readFileSync(path.join(dir, name))]),
  );
}

async function study(): Promise<Study> {
  return services.studies.study(root);
}

/** The quick pick on screen once it shows `title`. */
async function pickShowing(title: string) {
  return waitFor(`the quick pick "${title}"`, () => {
    const pick = hooks.picks.showing;
    return pick?.title?.includes(title) ? pick : undefined;
  });
}

/** Enter in the quick input, as a person presses it. */
async function pressEnter(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** The key binding package.json gives a command (the manifest the running extension was loaded from). */
function keyOf(command: string): string | undefined {
  const manifest = vscode.extensions.getExtension('grounded-qda.grounded')?.packageJSON as {
    contributes: { keybindings: { command: string; key: string }[] };
  };
  return manifest.contributes.keybindings.find((binding) => binding.command === command)?.key;
}

function selectionSpan(): { start: number; end: number } {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'no active editor');
  return services.texts.of(editor.document).fromRange(editor.selection);
}

describe('Compare Coders', function () {
  // Reloads of the 44-transcript example study, and quick picks answered through the workbench.
  this.timeout(90_000);

  before(async function () {
    if (process.env.GROUNDED_TEST_EXAMPLE !== 'mentorship-study') this.skip();
    const extension = vscode.extensions.getExtension<GroundedServices>('grounded-qda.grounded');
    assert.ok(extension, 'Grounded is not loaded');
    services = await extension.activate();
    hooks = services.testHooks?.['compareCoders'] as CompareHooks;
    assert.ok(hooks, 'Compare Coders exposes no test hooks');
    folder = vscode.workspace.workspaceFolders![0]!.uri;
    root = fromVscodeUri(folder);
    await waitFor('the example study', async () => (await services.studies.studyRoots()).includes(root));
    await services.studies.reload(root);
    git('init', '--quiet');
    git('add', '--all');
    git('commit', '--quiet', '--message', 'the example study as copied');
    codersBefore = coderSidecars();
    assert.ok(codersBefore.size >= 2, 'the example study has sidecars of amara and jonas');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the palette command, with its quick picks answered, opens a transcript with both coders marked apart and lists the disagreements', async () => {
    await vscode.commands.executeCommand('workbench.action.quickOpen', '>Grounded: Compare Coders');
    // Let the palette filter its list before Enter, as a person reads it first.
    await sleep(1000);
    await pressEnter();

    const coders = await pickShowing('which two coders');
    assert.match(coders.activeItems[0]?.label ?? '', /A amara .* B jonas/, 'the two coders are offered first');
    await pressEnter();

    const transcripts = await pickShowing('which transcript');
    transcripts.value = 'P19';
    await waitFor('P19 to be the active item', () => transcripts.activeItems[0]?.label === TRANSCRIPT);
    await pressEnter();

    const editor = await waitFor('P19 to open', () =>
      vscode.window.activeTextEditor?.document.uri.path.endsWith(TRANSCRIPT)
        ? vscode.window.activeTextEditor
        : undefined,
    );
    const comparison = hooks.compare.comparison;
    assert.ok(comparison, 'no comparison on screen');
    assert.deepEqual([comparison.first, comparison.second, comparison.consensus], ['amara', 'jonas', 'consensus']);

    // The two coders' codings are marked apart (A solid, B dashed, each with its letter), and every open
    // disagreement of P19 is outlined.
    const loaded = await study();
    const p19 = loaded.transcripts.find((t) => t.path === TRANSCRIPT)!;
    const countOf = (coder: string) => p19.sidecars.find((s) => s.coder === coder)!.sidecar.codings.length;
    const expected = listDisagreements(loaded, 'amara', 'jonas');
    const inP19 = expected.filter((d) => d.transcript === TRANSCRIPT);
    const drawn = await waitFor('the comparison marks on P19', () =>
      hooks.decorations.drawn.get(editor.document.uri.toString()),
    );
    assert.equal(drawn.first.length, countOf('amara'));
    assert.equal(drawn.second.length, countOf('jonas'));
    assert.equal(drawn.open.length, inP19.length);
    assert.ok(inP19.length >= 5, 'P19 has disagreements of every kind to try');

    // The view lists every disagreement, transcript by transcript in reading order, with line, code and kind.
    const tops = hooks.tree.getChildren();
    assert.deepEqual(
      tops.map((node) => node.kind === 'transcript' && node.transcript),
      [...new Set(expected.map((d) => d.transcript))],
    );
    const p19Node = tops.find((node) => node.kind === 'transcript' && node.transcript === TRANSCRIPT)!;
    const rows = hooks.tree.getChildren(p19Node).map((node) => hooks.tree.getTreeItem(node));
    assert.equal(rows.length, inP19.length);
    const [firstRow] = rows;
    const firstExpected = inP19[0]!;
    const code = loaded.codebook.codes.find((c) => c.id === firstExpected.code)!;
    assert.equal(firstRow?.label, `line ${firstExpected.line} · ${code.name}`);
    assert.match(
      String(firstRow?.description),
      firstExpected.kind === 'second-only' ? /^only jonas · / : /^only amara · /,
    );
    assert.match(hooks.view.description ?? '', /^A amara · B jonas · 0 \/ \d+ resolved$/);
  });

  it('Seed Consensus from Agreements writes what both agree on (the union, picked) into the consensus coder only', async () => {
    const running = vscode.commands.executeCommand<{ added: number; transcripts: number }>('grounded.seedConsensus');
    const ranges = await pickShowing('which range');
    assert.match(ranges.activeItems[0]?.label ?? '', /^Union/);
    await pressEnter();
    const result = await running;
    assert.ok(result && result.added > 0, 'nothing seeded');
    const compared = (await study()).transcripts.filter((t) =>
      ['amara', 'jonas'].every((coder) => t.sidecars.some((s) => s.coder === coder)),
    );
    assert.equal(result.transcripts, compared.length);
    const consensus = compared.flatMap((t) => t.sidecars.filter((s) => s.coder === 'consensus'));
    assert.equal(consensus.length, compared.length, 'every compared transcript has a consensus sidecar');
    assert.equal(
      consensus.reduce((sum, s) => sum + s.sidecar.codings.length, 0),
      result.added,
    );
    // A seeded segment is what both agree on, never a decision on a disagreement: all are still open (in the
    // example jonas coded "Five papers." twice, once within a longer passage amara left out).
    await waitFor('the comparison to show the seeded consensus', () =>
      hooks.compare.comparison!.study.transcripts.some((t) => t.sidecars.some((s) => s.coder === 'consensus')),
    );
    assert.deepEqual(
      hooks.compare.comparison!.disagreements.filter((d) => d.settlement.settled).map((d) => d.key),
      [],
    );
  });

  it('the next-disagreement key walks the list in reading order; a resolution picked from its quick pick writes only the consensus sidecar', async () => {
    assert.equal(keyOf('grounded.compare.nextDisagreement'), 'ctrl+alt+g e');
    assert.equal(keyOf('grounded.compare.resolve'), 'ctrl+alt+g r');
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    // Open ones only: the seed may already settle one whose span holds a segment both agree on.
    const inP19 = hooks.compare.comparison!.disagreements.filter(
      (d) => d.disagreement.transcript === TRANSCRIPT && !d.settlement.settled,
    );

    // From the top of P19: the first, the second, the third disagreement; back one; on again.
    for (const index of [0, 1, 2]) {
      await vscode.commands.executeCommand('grounded.compare.nextDisagreement');
      assert.equal(hooks.compare.current?.key, inP19[index]!.key, `next → disagreement ${index + 1}`);
      assert.deepEqual(selectionSpan(), disagreementSpan(inP19[index]!.disagreement));
    }
    await vscode.commands.executeCommand('grounded.compare.previousDisagreement');
    assert.equal(hooks.compare.current?.key, inP19[1]!.key);
    await vscode.commands.executeCommand('grounded.compare.nextDisagreement');
    const boundary = hooks.compare.current!;
    assert.equal(boundary.disagreement.kind, 'boundary', 'the third disagreement of P19 differs in its boundaries');
    assert.ok(hooks.view.selection.some((node) => node.kind === 'disagreement' && node.key === boundary.key));

    const settledBefore = hooks.compare.comparison!.disagreements.filter((d) => d.settlement.settled).length;

    // Resolve it: its quick pick offers A, B, both, neither and adjust; one step down is "keep jonas's".
    const running = vscode.commands.executeCommand<string>('grounded.compare.resolve');
    const resolve = await pickShowing('Resolve:');
    assert.deepEqual(
      resolve.items.map((item) => item.label.replace(/^\$\([^)]*\) /, '')),
      [
        "Keep amara's coding (A)",
        "Keep jonas's coding (B)",
        'Keep both codings',
        'Keep neither',
        'Adjust: code the selected passage',
      ],
    );
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await waitFor('keep B to be the active item', () => resolve.activeItems[0]?.label.includes('(B)'));
    await pressEnter();
    assert.equal(await running, 'second');
    const resolved = await waitFor('the resolution to show in the view', () => {
      const item = hooks.compare.find(boundary.key);
      return item?.settlement.settled ? item : undefined;
    });
    assert.deepEqual(resolved.settlement, { settled: true, as: 'second' });
    const row = hooks.tree.getTreeItem(hooks.tree.nodeOf(boundary.key)!);
    assert.match(String(row.description), /^✓ kept jonas's · /);
    assert.match(
      hooks.view.description ?? '',
      new RegExp(`^A amara · B jonas · ${settledBefore + 1} / \\d+ resolved$`),
    );

    // Next skips what is resolved; "neither" (from the view item's menu) and "adjust" (the selection) resolve too.
    await vscode.commands.executeCommand('grounded.compare.nextDisagreement');
    const fourth = hooks.compare.current!;
    assert.equal(fourth.key, inP19[3]!.key);
    await vscode.commands.executeCommand('grounded.compare.keepNeither', hooks.tree.nodeOf(fourth.key));
    await waitFor('"neither" to show as resolved', () => hooks.compare.find(fourth.key)?.settlement.settled);
    await vscode.commands.executeCommand('grounded.compare.nextDisagreement');
    const fifth = hooks.compare.current!;
    const span = disagreementSpan(fifth.disagreement);
    const text = services.texts.of(vscode.window.activeTextEditor!.document);
    const adjusted = { start: span.start + 1, end: span.end - 1 };
    vscode.window.activeTextEditor!.selection = new vscode.Selection(
      text.toPosition(adjusted.start),
      text.toPosition(adjusted.end),
    );
    await vscode.commands.executeCommand('grounded.compare.adjust');
    await waitFor('the adjusted range to show as resolved', () => hooks.compare.find(fifth.key)?.settlement.settled);

    // On disk: the consensus sidecar holds the decisions; the coders' sidecars are byte for byte as before.
    const consensus = (await study()).transcripts
      .find((t) => t.path === TRANSCRIPT)!
      .sidecars.find((s) => s.coder === 'consensus')!.sidecar.codings;
    const has = (code: string, range: { start: number; end: number }) =>
      consensus.some((c) => c.code === code && c.start === range.start && c.end === range.end);
    assert.ok(has(boundary.disagreement.code, boundary.disagreement.second!), "jonas's range kept");
    assert.ok(!has(boundary.disagreement.code, boundary.disagreement.first!), "amara's range not kept");
    assert.ok(has(fifth.disagreement.code, adjusted), 'the adjusted range kept');
    const after = coderSidecars();
    assert.deepEqual([...after.keys()], [...codersBefore.keys()]);
    for (const [name, bytes] of codersBefore) assert.ok(after.get(name)?.equals(bytes), `${name} changed`);
    const changed = git('status', '--porcelain', '--untracked-files=all')
      .split('\n')
      .filter((line) => line.trim() !== '');
    assert.ok(changed.length > 0, 'git status shows no change');
    for (const line of changed) assert.match(line, /^\?\? transcripts\/P\d+\.consensus\.codes\.yaml$/);
    assert.ok(changed.includes('?? transcripts/P19.consensus.codes.yaml'));
  });

  it("a click on a code in the analysis panel's Agreement tab opens Compare Coders at that code's first disagreement", async () => {
    // The webview's click (tested in Chromium) posts `openDisagreements`; here the host side in a real VS Code.
    const panel = await vscode.commands.executeCommand<AnalysisPanel>('grounded.openAnalysis');
    assert.ok(panel, 'the analysis panel opened');
    try {
      const posted = await waitFor('a report with the agreement section', () => {
        const message = panel.lastPosted;
        return message?.type === 'report' && message.report.agreement ? message.report : undefined;
      });
      const agreement = posted.agreement!;
      assert.deepEqual([agreement.first, agreement.second], ['amara', 'jonas']);
      const loaded = await study();
      // A code with a disagreement outside P19, so the click has to move the editor to another transcript.
      const target = agreement.codes
        .map((row) => ({ row, first: listDisagreements(loaded, 'amara', 'jonas', { codes: [row.code] })[0] }))
        .find(({ first }) => first && first.transcript !== TRANSCRIPT);
      assert.ok(target?.first, 'a code whose first disagreement lies outside P19');
      const rejectedBefore = panel.rejected;
      await panel.receive({ type: 'openDisagreements', first: 'amara', second: 'jonas', code: target.row.code });
      assert.equal(panel.rejected, rejectedBefore, 'the host accepted the message');
      const editor = await waitFor(`${target.first.transcript} to open`, () =>
        vscode.window.activeTextEditor?.document.uri.path.endsWith(target.first!.transcript)
          ? vscode.window.activeTextEditor
          : undefined,
      );
      assert.deepEqual(selectionSpan(), disagreementSpan(target.first));
      assert.ok(
        editor.visibleRanges.some((range) => range.contains(editor.selection)),
        'the disagreement is in view',
      );
      const comparison = hooks.compare.comparison!;
      assert.deepEqual([comparison.first, comparison.second], ['amara', 'jonas']);

      // A message naming a pair or a code the report does not hold is refused and moves nothing.
      await panel.receive({ type: 'openDisagreements', first: 'amara', second: 'nobody', code: target.row.code });
      await panel.receive({ type: 'openDisagreements', first: 'amara', second: 'jonas', code: 'no-such-code' });
      assert.equal(panel.rejected, rejectedBefore + 2);
      assert.deepEqual(selectionSpan(), disagreementSpan(target.first));
    } finally {
      panel.dispose();
    }
  });

  after(async () => {
    // What the runner's final screenshot shows: P19 compared, the current disagreement framed, the view listing them.
    if (!hooks?.compare.comparison) return;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('grounded.disagreements.focus');
    await vscode.commands.executeCommand('grounded.compare.nextDisagreement');
  });
});
