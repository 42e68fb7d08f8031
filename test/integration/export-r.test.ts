// Export for R in a real VS Code, the way a person does it: the command from the palette, the grouping column
// picked in the quick pick, the folder named in the save dialog; then the package's analysis.R run with Rscript
// must find every figure equal to the report. The save dialog is native (the OS's, or the browser's in
// code-server) and cannot be driven from a test, so vscode.window.showSaveDialog is replaced with a function
// that answers it (the command reads it at call time), and so is the quick pick's answer.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisPanelHooks } from '../../src/extension/analysis-panel/analysis-feature';
import { fromVscodeUri } from '../../src/extension/platform/workspace-file-system';
import { runFromPalette, services, waitFor, WindowStubs } from './support';

const decoder = new TextDecoder();

function rscript(folder: string): { status: number | null; output: string } {
  const r = spawnSync('Rscript', ['analysis.R'], { cwd: folder, encoding: 'utf8', timeout: 240_000 });
  if (r.error)
    throw new Error(`Rscript could not run (apt-get install r-base-core r-cran-jsonlite): ${r.error.message}`);
  return { status: r.status, output: r.stdout + r.stderr };
}

async function written(uri: vscode.Uri): Promise<string | undefined> {
  return Promise.resolve(vscode.workspace.fs.readFile(uri)).then(
    (data) => decoder.decode(data),
    () => undefined,
  );
}

describe('Export for R from the command palette and the analysis panel', function () {
  this.timeout(300_000);
  const stubs = new WindowStubs<'showSaveDialog' | 'showQuickPick' | 'showErrorMessage'>();
  const scratch = mkdtempSync(path.join(tmpdir(), 'grounded-export-r-'));
  const errors: string[] = [];
  const saveDialogs: vscode.SaveDialogOptions[] = [];
  const picks: string[][] = [];
  let target = vscode.Uri.file(path.join(scratch, 'from-palette'));

  before(async () => {
    const grounded = await services();
    const root = fromVscodeUri(vscode.workspace.workspaceFolders![0]!.uri);
    await waitFor('the example study', async () => (await grounded.studies.studyRoots()).includes(root));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    stubs.stub('showSaveDialog', async (options: vscode.SaveDialogOptions) => {
      saveDialogs.push(options);
      return target;
    });
    stubs.stub(
      'showQuickPick',
      async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
        const list = await items;
        picks.push(list.map((item) => item.label));
        return list.find((item) => item.label === 'gender');
      },
    );
    stubs.recordErrors(errors);
  });

  after(() => {
    stubs.restore();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('the palette command asks the grouping and the folder, and the folder’s analysis.R passes under Rscript', async () => {
    await runFromPalette('Export for R');
    const script = await waitFor('analysis.R to be written', () => written(vscode.Uri.joinPath(target, 'analysis.R')));
    await waitFor('README.md, the last file', () => written(vscode.Uri.joinPath(target, 'README.md')));
    assert.deepEqual(errors, []);
    assert.equal(saveDialogs.length, 1);
    const study = path.basename(vscode.workspace.workspaceFolders![0]!.uri.path);
    assert.equal(path.basename(saveDialogs[0]!.defaultUri!.path), `${study}-r`, 'suggested beside the study files');
    assert.ok(picks[0]?.includes('No grouping') && picks[0].includes('gender'), `offered: ${picks[0]?.join(', ')}`);
    assert.match(script, /^# analysis\.R/);
    const report = JSON.parse((await written(vscode.Uri.joinPath(target, 'grounded-report.json'))) ?? '{}') as {
      options: { by: string | null };
    };
    assert.equal(report.options.by, 'gender');
    const run = rscript(target.fsPath);
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /^[\d,]+ figures, all equal to 1e-9$/m);
  });

  it('the panel’s Export for R… exports the panel’s grouping and filters', async () => {
    const grounded = await services();
    await vscode.commands.executeCommand('grounded.openAnalysis');
    const hooks = grounded.testHooks?.['analysisPanel'] as AnalysisPanelHooks;
    const panel = await waitFor('the panel', () => hooks.panels()[0]);
    await panel.receive({
      type: 'setRequest',
      request: { by: 'role', coders: null, filters: [{ column: 'gender', value: 'female' }] },
    });
    target = vscode.Uri.file(path.join(scratch, 'from-panel'));
    let asked = 0;
    panel.chooseRFolder = async () => {
      asked++;
      return target;
    };
    await panel.receive({ type: 'exportR' });
    assert.equal(asked, 1);
    const report = JSON.parse((await written(vscode.Uri.joinPath(target, 'grounded-report.json'))) ?? '{}') as {
      options: { by: string | null; filters: unknown[] };
    };
    assert.equal(report.options.by, 'role');
    assert.deepEqual(report.options.filters, [{ column: 'gender', value: 'female' }]);
    const run = rscript(target.fsPath);
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /^[\d,]+ figures, all equal to 1e-9$/m);
    // For the runner's final screenshot: the package's README beside the panel.
    const readme = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(target, 'README.md'));
    await vscode.window.showTextDocument(readme, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  });
});
