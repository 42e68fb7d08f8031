// Codebook commands in a real VS Code: run with arguments that bypass the pickers, then check
// codebook.yaml and every sidecar on disk, and the refusals.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedServices } from '../../src/extension/services';
import type { Code, Coding } from '../../src/core/model';
import { parseSidecar } from '../../src/core/sidecar/format';
import { parseCodebook } from '../../src/core/codebook/format';
import { fromVscodeUri } from '../../src/extension/platform/workspace-file-system';

const TRANSCRIPT = [
  '[00:00:12] P01: 🙂 My assigned mentor was a chief I had never met. I found my own people.',
  '',
  '[00:01:40] P01: During the second year I was close to burning out, sleeping four hours, skipping meals.',
  '',
].join('\n');

const CODEBOOK = [
  'grounded: 1',
  'codes:',
  '  - id: mentoring',
  '    name: Mentoring',
  '  - id: assigned-mentor',
  '    name: Assigned mentor',
  '    parent: mentoring',
  '  - id: found-own',
  '    name: Found own mentor',
  '    parent: mentoring',
  '  - id: burnout',
  '    name: Burnout',
  '  - id: exhaustion',
  '    name: Exhaustion',
  '  - id: unused',
  '    name: Unused',
  '',
].join('\n');

const CODER = 'tester';
const encoder = new TextEncoder();
const decoder = new TextDecoder();
let services: GroundedServices;
let root: vscode.Uri;

const file = (...parts: string[]) => vscode.Uri.joinPath(root, ...parts);
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, encoder.encode(text));
const read = async (uri: vscode.Uri) => decoder.decode(await vscode.workspace.fs.readFile(uri));
const sidecarUri = (name: string) => file('transcripts', `${name}.${CODER}.codes.yaml`);

function range(fragment: string): { start: number; end: number } {
  const index = TRANSCRIPT.indexOf(fragment);
  assert.ok(index >= 0, `"${fragment}" is not in the transcript`);
  const start = Array.from(TRANSCRIPT.slice(0, index)).length;
  return { start, end: start + Array.from(fragment).length };
}

async function codes(): Promise<Code[]> {
  const parsed = parseCodebook(fromVscodeUri(file('codebook.yaml')), await read(file('codebook.yaml')));
  assert.ok(parsed.ok, 'codebook.yaml does not parse');
  return [...parsed.value.codes];
}

async function code(id: string): Promise<Code | undefined> {
  return (await codes()).find((c) => c.id === id);
}

async function codings(name: string): Promise<Coding[]> {
  const parsed = parseSidecar(fromVscodeUri(sidecarUri(name)), await read(sidecarUri(name)));
  assert.ok(parsed.ok, `sidecar of ${name} does not parse`);
  return [...parsed.value.sidecar.codings];
}

async function codeWith(name: string, id: string, fragment: string): Promise<Coding> {
  const [coding] = await vscode.commands.executeCommand<Coding[]>('grounded.codeSelection', {
    codes: [id],
    uri: file('transcripts', `${name}.txt`),
    ranges: [range(fragment)],
  });
  assert.ok(coding, `could not code ${fragment}`);
  return coding;
}

async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('codebook commands', function () {
  this.timeout(30_000);
  let study: string;

  before(async () => {
    const extension = vscode.extensions.getExtension<GroundedServices>('grounded-qda.grounded');
    assert.ok(extension, 'Grounded is not loaded');
    services = await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    root = vscode.Uri.joinPath(folder.uri, `codebook-it-${Date.now().toString(36)}`);
    study = fromVscodeUri(root);
    await vscode.workspace.getConfiguration('grounded').update('coder', CODER, vscode.ConfigurationTarget.Workspace);
    await write(file('codebook.yaml'), CODEBOOK);
    for (const name of ['P01', 'P02']) await write(file('transcripts', `${name}.txt`), TRANSCRIPT);
    await write(file('grounded.yaml'), 'grounded: 1\ntranscripts: ["transcripts/*.txt"]\n');
    await until(async () => (await services.studies.studyRoots()).includes(study), 'the test study to be found');
    await services.studies.reload(study);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(root, { recursive: true, useTrash: false });
  });

  it('renames, redefines, recolours and moves a code without touching any sidecar', async () => {
    await codeWith('P01', 'burnout', 'burning out');
    const sidecarBefore = await read(sidecarUri('P01'));
    await vscode.commands.executeCommand('grounded.renameCode', { study, id: 'burnout', name: 'Burnout (near)' });
    await vscode.commands.executeCommand('grounded.redefineCode', {
      study,
      id: 'burnout',
      definition: 'Exhaustion from work',
    });
    await vscode.commands.executeCommand('grounded.recolorCode', { study, id: 'burnout', color: '#12AB34' });
    await vscode.commands.executeCommand('grounded.moveCode', { study, id: 'burnout', parent: 'mentoring' });
    let burnout = await code('burnout');
    assert.equal(burnout?.name, 'Burnout (near)');
    assert.equal(burnout?.definition, 'Exhaustion from work');
    assert.equal(burnout?.color, '#12ab34');
    assert.equal(burnout?.parent, 'mentoring');
    await vscode.commands.executeCommand('grounded.moveCode', { study, id: 'burnout', parent: null });
    await vscode.commands.executeCommand('grounded.redefineCode', { study, id: 'burnout', definition: '' });
    burnout = await code('burnout');
    assert.equal(burnout?.parent, undefined);
    assert.equal(burnout?.definition, undefined);
    assert.equal(await read(sidecarUri('P01')), sidecarBefore, 'ids are stable: no sidecar changes on a rename');
    const loaded = await services.studies.study(study);
    assert.equal(
      loaded.codebook.codes.find((c) => c.id === 'burnout')?.name,
      'Burnout (near)',
      'the study was reloaded',
    );
  });

  it('undoes a rename and a first colour with undoLastCodingAction', async () => {
    const before = await read(file('codebook.yaml'));
    await vscode.commands.executeCommand('grounded.renameCode', { study, id: 'found-own', name: 'Chosen mentor' });
    await vscode.commands.executeCommand('grounded.recolorCode', { study, id: 'found-own', color: '#abcdef' });
    assert.equal((await code('found-own'))?.color, '#abcdef');
    await vscode.commands.executeCommand('grounded.undoLastCodingAction');
    assert.equal((await code('found-own'))?.color, undefined, 'a colour the code did not have is removed again');
    assert.equal((await code('found-own'))?.name, 'Chosen mentor');
    await vscode.commands.executeCommand('grounded.undoLastCodingAction');
    assert.equal(await read(file('codebook.yaml')), before);
  });

  it('refuses a bad colour and a move under the code itself', async () => {
    const before = await read(file('codebook.yaml'));
    await assert.rejects(
      async () => vscode.commands.executeCommand('grounded.recolorCode', { study, id: 'burnout', color: 'red' }),
      /not #rrggbb/,
    );
    await assert.rejects(
      async () => vscode.commands.executeCommand('grounded.moveCode', { study, id: 'mentoring', parent: 'found-own' }),
      /cannot be placed under itself/,
    );
    assert.equal(await read(file('codebook.yaml')), before);
  });

  it('refuses a study hint that is in no study, naming it, and changes no other study', async () => {
    const before = await read(file('codebook.yaml'));
    const nowhere = 'file:///grounded-no-such-study/codebook.yaml';
    await assert.rejects(
      async () =>
        vscode.commands.executeCommand('grounded.renameCode', { study: nowhere, id: 'burnout', name: 'Elsewhere' }),
      /"file:\/\/\/grounded-no-such-study\/codebook\.yaml" is not in a Grounded study of this workspace/,
    );
    assert.equal(await read(file('codebook.yaml')), before);
  });

  it('merges a code into another in the codebook and in every sidecar', async () => {
    const a = await codeWith('P01', 'exhaustion', 'sleeping four hours');
    const b = await codeWith('P02', 'exhaustion', 'skipping meals');
    const result = await vscode.commands.executeCommand<{ moved: number }>('grounded.mergeCodes', {
      study,
      from: 'exhaustion',
      into: 'burnout',
    });
    assert.equal(result.moved, 2);
    assert.equal(await code('exhaustion'), undefined);
    assert.equal((await codings('P01')).find((c) => c.id === a.id)?.code, 'burnout');
    assert.equal((await codings('P02')).find((c) => c.id === b.id)?.code, 'burnout');
  });

  it('splits chosen codings of a code into a new code beside it', async () => {
    const keep = await codeWith('P01', 'assigned-mentor', 'My assigned mentor');
    const move = await codeWith('P02', 'assigned-mentor', 'a chief I had never met');
    const result = await vscode.commands.executeCommand<{ into: string; moved: number }>('grounded.splitCode', {
      study,
      id: 'assigned-mentor',
      name: 'Unknown mentor',
      codings: [move.id],
    });
    assert.equal(result.moved, 1);
    const created = await code(result.into);
    assert.equal(created?.name, 'Unknown mentor');
    assert.equal(created?.parent, 'mentoring', 'the new code sits beside the split one');
    assert.equal((await codings('P02')).find((c) => c.id === move.id)?.code, result.into);
    assert.equal((await codings('P01')).find((c) => c.id === keep.id)?.code, 'assigned-mentor');
  });

  it('refuses to delete a code while codings use it, deletes it when forced', async () => {
    const codebookBefore = await read(file('codebook.yaml'));
    const sidecarBefore = await read(sidecarUri('P01'));
    await assert.rejects(
      async () => vscode.commands.executeCommand('grounded.deleteCode', { study, id: 'burnout' }),
      /used by \d+ coding/,
    );
    assert.equal(await read(file('codebook.yaml')), codebookBefore);
    assert.equal(await read(sidecarUri('P01')), sidecarBefore);
    const unused = await vscode.commands.executeCommand<{ codings: number }>('grounded.deleteCode', {
      study,
      id: 'unused',
    });
    assert.equal(unused.codings, 0);
    assert.equal(await code('unused'), undefined);
    const forced = await vscode.commands.executeCommand<{ codings: number }>('grounded.deleteCode', {
      study,
      id: 'burnout',
      force: true,
    });
    assert.ok(forced.codings >= 2);
    assert.equal(await code('burnout'), undefined);
    for (const name of ['P01', 'P02']) assert.ok(!(await codings(name)).some((c) => c.code === 'burnout'));
  });

  it('refuses to delete a code while relations use it, removes them with it when asked', async () => {
    const related = await read(file('codebook.yaml'));
    assert.ok(!related.includes('relations:'), 'the fixture starts without relations');
    await write(
      file('codebook.yaml'),
      `${related.trimEnd()}\nrelations:\n  - from: assigned-mentor\n    type: causes\n    to: mentoring\n    memo: "An assigned mentor is where mentoring starts."\n`,
    );
    await services.studies.reload(study);
    const before = await read(file('codebook.yaml'));
    await assert.rejects(
      async () => vscode.commands.executeCommand('grounded.deleteCode', { study, id: 'assigned-mentor', force: true }),
      /in 1 relation/,
    );
    assert.equal(await read(file('codebook.yaml')), before, 'a refused delete writes nothing');
    const deleted = await vscode.commands.executeCommand<{ relations: number }>('grounded.deleteCode', {
      study,
      id: 'assigned-mentor',
      force: true,
      removeRelations: true,
    });
    assert.equal(deleted.relations, 1);
    assert.equal(await code('assigned-mentor'), undefined);
    assert.ok(
      !(await read(file('codebook.yaml'))).includes('from: assigned-mentor'),
      'the relation left with the code',
    );
  });

  it('refuses a merge while a sidecar does not load, and changes no file', async () => {
    const broken = sidecarUri('P02');
    const good = await read(broken);
    await write(broken, good.replace('codings:', 'codings:\n  - id: [unclosed'));
    await services.studies.reload(study);
    const codebookBefore = await read(file('codebook.yaml'));
    const p01Before = await read(sidecarUri('P01'));
    await assert.rejects(
      async () =>
        vscode.commands.executeCommand('grounded.mergeCodes', { study, from: 'found-own', into: 'mentoring' }),
      /P02\.tester\.codes\.yaml:\d+:\d+/,
    );
    assert.equal(await read(file('codebook.yaml')), codebookBefore);
    assert.equal(await read(sidecarUri('P01')), p01Before);
    assert.equal(await read(broken), good.replace('codings:', 'codings:\n  - id: [unclosed'));
    await write(broken, good);
    await services.studies.reload(study);
  });

  it('edits an open codebook through its editor, so ctrl+z undoes a rename', async () => {
    const document = await vscode.workspace.openTextDocument(file('codebook.yaml'));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const before = document.getText();
    await vscode.commands.executeCommand('grounded.renameCode', { study, id: 'found-own', name: 'Self-found mentor' });
    assert.ok(document.getText().includes('Self-found mentor'));
    assert.equal(await read(file('codebook.yaml')), document.getText());
    await vscode.window.showTextDocument(editor.document, { preview: false });
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
    await document.save();
  });
});
