// REFI-QDA in a real VS Code, the way a person does it: Export Study as REFI-QDA Project from the command
// palette, then Import REFI-QDA Project into a new empty folder, which writes the study and offers to open it.
// The save and open dialogs are native (the OS's, or the browser's in code-server) and cannot be driven from a
// test, so vscode.window.showSaveDialog / showOpenDialog are replaced for the test with functions that answer
// them (the commands read them at call time); so is the notification that offers to open the new study. The
// opening itself (vscode.openFolder) would reload this window and end the test run: the feature calls it
// through an opener the test replaces (testHooks.refiQda.openFolder) and whose call the test checks.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { unzipSync } from 'fflate';
import type { RefiQdaHooks } from '../../src/extension/refi-qda/refi-feature';
import { fromVscodeUri } from '../../src/extension/platform/workspace-file-system';
import { parseCodebook } from '../../src/core/codebook/format';
import { runFromPalette, services, waitFor, WindowStubs } from './support';

const decoder = new TextDecoder();

async function read(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

async function names(folder: vscode.Uri): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).sort();
}

describe('REFI-QDA export and import from the command palette', function () {
  this.timeout(60_000);
  const stubs = new WindowStubs<'showSaveDialog' | 'showOpenDialog' | 'showInformationMessage' | 'showErrorMessage'>();
  const scratch = mkdtempSync(path.join(tmpdir(), 'grounded-refi-'));
  const archive = vscode.Uri.file(path.join(scratch, 'mentorship.qdpx'));
  const newStudy = vscode.Uri.file(path.join(scratch, 'imported-study'));
  let hooks: RefiQdaHooks;
  let workspace: vscode.Uri;
  const errors: string[] = [];
  const saveDialogs: vscode.SaveDialogOptions[] = [];
  const openDialogs: vscode.OpenDialogOptions[] = [];
  const opened: { folder: vscode.Uri; newWindow: boolean }[] = [];

  before(async () => {
    const grounded = await services();
    hooks = grounded.testHooks?.['refiQda'] as RefiQdaHooks;
    assert.ok(hooks, 'the REFI-QDA feature exposes no test hooks');
    workspace = vscode.workspace.workspaceFolders![0]!.uri;
    const root = fromVscodeUri(workspace);
    await waitFor('the example study', async () => (await grounded.studies.studyRoots()).includes(root));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    hooks.openFolder = async (folder, newWindow) => {
      opened.push({ folder, newWindow });
    };
    stubs.stub('showSaveDialog', async (options: vscode.SaveDialogOptions) => {
      saveDialogs.push(options);
      return archive;
    });
    // First the project file, then the folder of the new study.
    stubs.stub('showOpenDialog', async (options: vscode.OpenDialogOptions) => {
      openDialogs.push(options);
      return [options.canSelectFolders ? newStudy : archive];
    });
    const showInformation = stubs.original('showInformationMessage');
    stubs.stub('showInformationMessage', (message: string, ...items: string[]) =>
      message.startsWith('Imported ') ? Promise.resolve('Open Study') : showInformation(message, ...items),
    );
    stubs.recordErrors(errors);
  });

  after(() => {
    stubs.restore();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('Export Study as REFI-QDA Project writes a .qdpx with project.qde and one source per transcript', async () => {
    await runFromPalette('Export Study as REFI-QDA Project');
    const bytes = await waitFor('the .qdpx to be written', () =>
      Promise.resolve(vscode.workspace.fs.readFile(archive)).then(
        (data) => data,
        () => undefined,
      ),
    );
    assert.equal(saveDialogs.length, 1, 'the save dialog was asked once');
    assert.equal(path.basename(saveDialogs[0]!.defaultUri!.path), `${path.basename(workspace.path)}.qdpx`);
    const entries = unzipSync(bytes);
    const project = decoder.decode(entries['project.qde']);
    assert.match(project, /^<\?xml[^>]*\?>\s*<Project /);
    const sources = Object.keys(entries).filter((name) => /^sources\/[0-9a-f-]{36}\.txt$/.test(name));
    const transcripts = (await names(vscode.Uri.joinPath(workspace, 'transcripts'))).filter((n) => n.endsWith('.txt'));
    assert.equal(sources.length, transcripts.length);
    assert.equal((project.match(/<TextSource /g) ?? []).length, transcripts.length);
    assert.ok((project.match(/<Coding /g) ?? []).length > 100, 'the codings are in the project');
    assert.ok(hooks.output.lines.some((line) => line.startsWith(`Exported ${transcripts.length} transcript(s)`)));
  });

  it('Import REFI-QDA Project writes the study into a new empty folder and asks to open it', async () => {
    await runFromPalette('Import REFI-QDA Project');
    await waitFor('the new study to be opened', () => opened.length > 0, 20_000);
    assert.equal(opened[0]!.folder.fsPath, newStudy.fsPath);
    assert.equal(opened[0]!.newWindow, false);
    assert.deepEqual(
      openDialogs.map((options) => Boolean(options.canSelectFolders)),
      [false, true],
    );
    const top = await names(newStudy);
    for (const name of ['codebook.yaml', 'grounded.yaml', 'survey.csv', 'transcripts', 'memos'])
      assert.ok(top.includes(name), `${name} is written (got ${top.join(', ')})`);
    const imported = await names(vscode.Uri.joinPath(newStudy, 'transcripts'));
    const original = await names(vscode.Uri.joinPath(workspace, 'transcripts'));
    assert.deepEqual(imported, original, 'the same transcripts and sidecars (one per coder) as the exported study');
    assert.equal(
      await read(vscode.Uri.joinPath(newStudy, 'transcripts', 'P07.txt')),
      await read(vscode.Uri.joinPath(workspace, 'transcripts', 'P07.txt')),
    );
    const codebook = parseCodebook('memory:/codebook.yaml', await read(vscode.Uri.joinPath(newStudy, 'codebook.yaml')));
    const before = parseCodebook('memory:/codebook.yaml', await read(vscode.Uri.joinPath(workspace, 'codebook.yaml')));
    assert.ok(codebook.ok && before.ok);
    assert.deepEqual(
      codebook.value.codes.map((code) => code.name).sort(),
      before.value.codes.map((code) => code.name).sort(),
    );
    assert.ok(hooks.output.lines.some((line) => line.startsWith('Imported mentorship.qdpx')));
    // Unzipped and parsed in the extension's conversion worker, not on the host's thread.
    assert.equal(hooks.convertedIn(), 'worker');
  });

  it('Import REFI-QDA Project refuses a folder that is not empty and writes nothing', async () => {
    const settings = await read(vscode.Uri.joinPath(newStudy, 'grounded.yaml'));
    const openedBefore = opened.length;
    await runFromPalette('Import REFI-QDA Project');
    const message = await waitFor('the refusal', () => errors.find((error) => error.includes('is not empty')));
    assert.match(message, /choose a new or empty folder.*Nothing was written/);
    assert.equal(await read(vscode.Uri.joinPath(newStudy, 'grounded.yaml')), settings);
    assert.equal(opened.length, openedBefore, 'nothing is opened');
    // For the runner's final screenshot: the output channel goes when the extension host ends with the tests,
    // so the lines it was given (the export and import reports) are shown in an editor that stays.
    const report = await vscode.workspace.openTextDocument({ content: hooks.output.lines.join('\n') });
    await vscode.window.showTextDocument(report, { preview: false });
  });
});
