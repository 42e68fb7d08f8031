// Starting out in a real VS Code: "Create a Study Here" writes grounded.yaml and an empty codebook.yaml and
// never overwrites; "Open the Example Study" copies the bundled example (without switching folders here).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GroundedServices } from '../../src/extension/services';
import type { CreatedStudy } from '../../src/extension/study-setup/create-study';
import { parseSettings } from '../../src/core/settings/format';
import { parseCodebook } from '../../src/core/codebook/format';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let extension: vscode.Extension<GroundedServices>;
const scratch: string[] = [];

/** A fresh folder outside the workspace, so the workspace's study is not touched. */
function tempFolder(): vscode.Uri {
  const folder = mkdtempSync(path.join(tmpdir(), 'grounded-setup-'));
  scratch.push(folder);
  return vscode.Uri.file(folder);
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
}

async function read(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

describe('study setup', function () {
  this.timeout(30_000);

  before(async () => {
    const found = vscode.extensions.getExtension<GroundedServices>('grounded-qda.grounded');
    assert.ok(found, 'Grounded is not loaded');
    extension = found;
    await extension.activate();
  });

  after(() => {
    for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
  });

  it('createStudy writes grounded.yaml from what the folder holds and an empty codebook.yaml', async () => {
    const folder = tempFolder();
    await write(vscode.Uri.joinPath(folder, 'interviews', 'R01.txt'), 'Interviewer: Hello?\n\nR01: Hi.\n');
    await write(vscode.Uri.joinPath(folder, 'interviews', 'R02.txt'), 'Interviewer: Hello?\n\nR02: Hi.\n');
    await write(vscode.Uri.joinPath(folder, 'demographics.csv'), 'respondent_id,gender\nR01,female\nR02,male\n');
    const created = await vscode.commands.executeCommand<CreatedStudy>('grounded.createStudy', { folder });
    assert.equal(created.codebookWritten, true);
    const settings = parseSettings('memory:/grounded.yaml', await read(vscode.Uri.joinPath(folder, 'grounded.yaml')));
    assert.ok(settings.ok, 'grounded.yaml does not parse');
    assert.deepEqual(settings.value.transcripts, ['interviews/**/*.txt']);
    assert.deepEqual(settings.value.survey.files, ['demographics.csv']);
    assert.equal(settings.value.survey.idColumn, 'respondent_id');
    assert.equal(settings.value.participants.pattern, '^(?<id>R\\d+)');
    const codebook = parseCodebook('memory:/codebook.yaml', await read(vscode.Uri.joinPath(folder, 'codebook.yaml')));
    assert.ok(codebook.ok);
    assert.deepEqual(codebook.value.codes, []);
  });

  it('createStudy refuses to overwrite grounded.yaml, and keeps an existing codebook', async () => {
    const folder = tempFolder();
    const codebookText = 'grounded: 1\ncodes:\n  - id: mine\n    name: Mine\n';
    await write(vscode.Uri.joinPath(folder, 'codebook.yaml'), codebookText);
    const created = await vscode.commands.executeCommand<CreatedStudy>('grounded.createStudy', { folder });
    assert.equal(created.codebookWritten, false);
    assert.equal(await read(vscode.Uri.joinPath(folder, 'codebook.yaml')), codebookText);
    const settingsText = await read(vscode.Uri.joinPath(folder, 'grounded.yaml'));
    await assert.rejects(
      async () => vscode.commands.executeCommand('grounded.createStudy', { folder }),
      /already exists: this folder is a study already/,
    );
    assert.equal(await read(vscode.Uri.joinPath(folder, 'grounded.yaml')), settingsText);
  });

  it('openExampleStudy copies the bundled example into the chosen folder (a numbered name when taken)', async () => {
    const target = tempFolder();
    const copy = await vscode.commands.executeCommand<vscode.Uri>('grounded.openExampleStudy', { target, open: false });
    assert.equal(copy.path, vscode.Uri.joinPath(target, 'mentorship-study').path);
    const source = vscode.Uri.joinPath(extension.extensionUri, 'examples', 'mentorship-study');
    for (const name of [
      'grounded.yaml',
      'codebook.yaml',
      'survey.csv',
      'transcripts/P07.txt',
      'transcripts/P07.amara.codes.yaml',
    ]) {
      assert.equal(await read(vscode.Uri.joinPath(copy, name)), await read(vscode.Uri.joinPath(source, name)), name);
    }
    const transcripts = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(copy, 'transcripts'))).filter(
      ([name]) => name.endsWith('.txt'),
    );
    assert.equal(transcripts.length, 44);
    assert.ok(await exists(vscode.Uri.joinPath(copy, 'memos')));
    const again = await vscode.commands.executeCommand<vscode.Uri>('grounded.openExampleStudy', {
      target,
      open: false,
    });
    assert.equal(again.path, vscode.Uri.joinPath(target, 'mentorship-study-2').path);
  });
});
