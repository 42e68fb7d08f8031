import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { canonicalize } from '../../src/core/text/canonical';
import { renderMarkdown } from '../../src/core/report/index';
import { loadSurvey } from '../../src/core/analysis/index';
import { networkExportFile, panelNetwork } from '../../src/extension/analysis-panel/network-export';
import { withinGroup } from '../../src/extension/analysis-panel/overlaps';
import type { AnalysisPanel } from '../../src/extension/analysis-panel/analysis-panel';
import type { AnalysisPanelHooks } from '../../src/extension/analysis-panel/analysis-feature';
import type { GroundedServices } from '../../src/extension/services';
import type { HostMessage } from '../../webview/protocol';
import { services, waitFor } from './support';

// The analysis panel in a real VS Code (code-server: the webview runs in Chromium under the panel's CSP).
// A report arriving proves the webview loaded, ran its script and said "ready"; the rest drives the host
// with messages as the webview would send them.

/** The next report the host posts (after `action`), optionally one matching `accept`. */
function nextReport(
  panel: AnalysisPanel,
  accept: (m: Extract<HostMessage, { type: 'report' }>) => boolean = () => true,
  timeoutMs = 60_000,
): Promise<Extract<HostMessage, { type: 'report' }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error('no report posted'));
    }, timeoutMs);
    const listener = panel.onDidPost((message) => {
      if (message.type === 'report' && accept(message)) {
        clearTimeout(timer);
        listener.dispose();
        resolve(message);
      }
    });
  });
}

describe('analysis panel in VS Code', function () {
  this.timeout(120_000);
  let grounded: GroundedServices;
  let panel: AnalysisPanel;

  before(async () => {
    grounded = await services();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(() => panel?.dispose());

  it('grounded.openAnalysis opens a panel and the webview receives the report', async () => {
    const hooks = grounded.testHooks?.analysisPanel as AnalysisPanelHooks | undefined;
    assert.ok(hooks, 'the analysis panel test hook');
    const opened = await vscode.commands.executeCommand<AnalysisPanel>('grounded.openAnalysis');
    assert.ok(opened, 'the command returns the panel controller');
    panel = opened;
    assert.deepEqual(hooks.panels(), [panel]);
    const first = panel.lastPosted?.type === 'report' ? panel.lastPosted : await nextReport(panel);
    assert.equal(first.report.title, 'mentorship-study');
    assert.equal(first.report.participants.total, 44);
    assert.equal(first.study.transcripts, 44);
    assert.equal(panel.panel.viewType, 'grounded.analysis');
    // Running the command again reveals the same panel.
    assert.equal(await vscode.commands.executeCommand<AnalysisPanel>('grounded.openAnalysis'), panel);
  });

  it('rebuilds with the grouping and filters the webview asks for, and refuses malformed messages', async () => {
    const grouped = nextReport(panel, (m) => m.report.options.by === 'gender');
    await panel.receive({
      type: 'setRequest',
      request: { by: 'gender', coders: null, filters: [{ column: 'role', value: 'resident' }] },
    });
    const report = (await grouped).report;
    assert.deepEqual(report.options.filters, [{ column: 'role', value: 'resident' }]);
    assert.ok(report.participants.total < 44 && report.participants.excludedByFilter > 0);
    assert.ok(report.jointDisplay, 'the joint display comes with a grouping');

    const rejected = panel.rejected;
    await panel.receive({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    await panel.receive({ type: 'openCoding', transcript: '../outside.txt', start: 0, end: 1, codingId: 'x' });
    await panel.receive({ type: 'openProblem', file: 'not-listed.yaml', line: 1, column: 1 });
    assert.equal(panel.rejected, rejected + 3);
  });

  it("a co-occurrence edge of one group's network gets that group's overlapping quotes; an unknown group is refused", async () => {
    const grouped = nextReport(panel, (m) => m.report.options.by === 'gender' && m.report.options.filters.length === 0);
    await panel.receive({ type: 'setRequest', request: { by: 'gender', coders: null, filters: [] } });
    const report = (await grouped).report;
    const pooled = new Map(report.coOccurrence.map((p) => [`${p.a}|${p.b}`, p.overlaps]));
    const women = report.coOccurrenceByGroup.find((g) => g.level === 'female');
    // A pair that overlaps among women and among others too, so the group's count is not the pooled one.
    const pair = women?.pairs.find((p) => p.overlaps > 0 && p.overlaps < (pooled.get(`${p.a}|${p.b}`) ?? 0));
    assert.ok(pair, 'the example has a pair overlapping in both groups');
    const answer = new Promise<Extract<HostMessage, { type: 'overlaps' }>>((resolve) => {
      const listener = panel.onDidPost((message) => {
        if (message.type === 'overlaps') {
          listener.dispose();
          resolve(message);
        }
      });
    });
    await panel.receive({ type: 'requestOverlaps', a: pair.a, b: pair.b, group: 'female' });
    const overlaps = await answer;
    assert.equal(overlaps.group, 'female');
    assert.equal(overlaps.total, pair.overlaps, "the women's overlaps, not everyone's");
    const rejected = panel.rejected;
    await panel.receive({ type: 'requestOverlaps', a: pair.a, b: pair.b, group: 'nobody' });
    await panel.receive({ type: 'exportNetwork', format: 'graphml', cooccurrence: null, group: 'nobody' });
    assert.equal(panel.rejected, rejected + 2);
  });

  it('opens a coding from a message: the transcript with the coded passage selected', async () => {
    const report = panel.currentReport;
    const quote = report?.jointDisplay?.rows.flatMap((r) => r.cells.flatMap((c) => c.quotes)).find((q) => !q.truncated);
    assert.ok(quote, 'a quote in the joint display');
    await panel.receive({
      type: 'openCoding',
      transcript: quote.transcript,
      start: quote.start,
      end: quote.end,
      codingId: quote.codingId,
    });
    const editor = await waitFor(
      'the transcript editor',
      () => {
        const active = vscode.window.activeTextEditor;
        return active && active.document.uri.path.endsWith(`/${quote.transcript}`) ? active : undefined;
      },
      30_000,
    );
    const selected = canonicalize(editor.document.getText(editor.selection));
    assert.equal(selected.trim(), quote.text.trim());
  });

  it('exports the Markdown report through the save step, identical to the core renderer', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const target = vscode.Uri.joinPath(folder.uri, '.grounded-test-report.md');
    panel.chooseSaveUri = async () => target;
    try {
      await panel.receive({ type: 'exportReport', format: 'markdown' });
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.equal(written, renderMarkdown(panel.currentReport!));
      assert.ok(written.includes('Code prevalence by gender'));
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it("exports a group's network as GraphML, computed where the reports are, as the host would compute it", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const target = vscode.Uri.joinPath(folder.uri, '.grounded-test-network.graphml');
    panel.chooseSaveUri = async () => target;
    try {
      const report = panel.currentReport!;
      assert.equal(report.options.by, 'gender');
      await panel.receive({ type: 'exportNetwork', format: 'graphml', cooccurrence: 0.3, group: 'female' });
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      // The same network computed here, on the host, from the study and survey the panel shows.
      const study = grounded.blind.view(await grounded.studies.study(panel.root));
      const survey = await loadSurvey(grounded.fs, study);
      const request = { by: 'gender', coders: null, filters: [] };
      const network = panelNetwork(
        study,
        survey?.ok ? survey.value : undefined,
        withinGroup(request, 'gender', 'female'),
        0.3,
      );
      assert.ok(
        network.edges.some((e) => e.kind === 'cooccurrence'),
        "women's co-occurrence edges at Jaccard ≥ 0.3",
      );
      const expected = networkExportFile(`${report.title}-gender-female`, network, 'graphml');
      assert.equal(written, new TextDecoder().decode(expected.bytes));
      assert.equal(written.match(/<node id=/g)?.length, study.codebook.codes.length);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it('refuses to save an export over a study file picked in the save dialog', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const codebook = vscode.Uri.joinPath(folder.uri, 'codebook.yaml');
    const before = await vscode.workspace.fs.readFile(codebook);
    panel.chooseSaveUri = async () => codebook;
    await panel.receive({ type: 'exportReport', format: 'markdown' });
    assert.deepEqual(await vscode.workspace.fs.readFile(codebook), before);
  });

  it('rebuilds when the study changes on disk (the survey too)', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const survey = vscode.Uri.joinPath(folder.uri, 'survey.csv');
    const bytes = await vscode.workspace.fs.readFile(survey);
    const rebuilt = nextReport(panel);
    // The same bytes written again: the watcher fires, the study reloads, and nothing else's data changes.
    await vscode.workspace.fs.writeFile(survey, bytes);
    const report = (await rebuilt).report;
    assert.equal(report.options.by, 'gender', 'the request is kept');
  });

  it('does not rebuild while hidden (its page is gone), and catches up when shown again', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const survey = vscode.Uri.joinPath(folder.uri, 'survey.csv');
    const bytes = await vscode.workspace.fs.readFile(survey);
    // Builds already under way finish first (they may post: they began while the panel was visible).
    await panel.rebuild();
    // Another editor in the panel's group hides it.
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'grounded.yaml'), {
      viewColumn: panel.panel.viewColumn,
      preview: false,
    });
    await waitFor('the panel hidden', () => !panel.panel.visible);
    const builds = panel.builds;
    const reloaded = new Promise<void>((resolve) => {
      const once = grounded.studies.onDidChangeStudy(() => (once.dispose(), resolve()));
    });
    await vscode.workspace.fs.writeFile(survey, bytes);
    await reloaded;
    await new Promise((resolve) => setTimeout(resolve, panel.rebuildDelayMs + 400)); // past the rebuild delay
    assert.equal(panel.builds, builds, 'nothing built for a hidden panel');
    const rebuilt = nextReport(panel);
    panel.panel.reveal();
    assert.equal((await rebuilt).report.options.by, 'gender', 'shown again: rebuilt for the same request');
    assert.ok(panel.builds > builds);
  });
});
