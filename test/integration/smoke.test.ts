import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'grounded-qda.grounded';

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded`);
  return found;
}

describe('smoke: the extension in a real VS Code', () => {
  it('is present and activates', async () => {
    const ext = extension();
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('runs grounded.showVersion', async () => {
    // Running a contributed command activates the extension if nothing else has yet.
    const version = await vscode.commands.executeCommand<string>('grounded.showVersion');
    assert.equal(version, (extension().packageJSON as { version: string }).version);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('grounded.showVersion'), 'grounded.showVersion is not registered');
  });

  it('opened the workspace folder the runner prepared', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'expected exactly one workspace folder');
    const folder = folders[0]!;
    const expected = process.env.GROUNDED_TEST_WORKSPACE;
    if (expected) assert.equal(folder.uri.path, vscode.Uri.file(expected).path);
    if (process.env.GROUNDED_TEST_EXAMPLE === 'mentorship-study') {
      assert.equal(path.posix.basename(folder.uri.path), 'mentorship-study');
      // A copy, so tests can write without touching the committed example.
      assert.ok(!folder.uri.path.includes('/examples/mentorship-study'), `not a copy: ${folder.uri.path}`);
    }
  });

  it('writes into the workspace and finds the file again (findFiles needs ripgrep)', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const probe = vscode.Uri.joinPath(folder.uri, 'smoke-probe.txt');
    await vscode.workspace.fs.writeFile(probe, new TextEncoder().encode('probe\n'));
    try {
      const found = await vscode.workspace.findFiles('**/smoke-probe.txt');
      assert.deepEqual(
        found.map((uri) => uri.path),
        [probe.path],
      );
    } finally {
      await vscode.workspace.fs.delete(probe);
    }
  });
});
