// Relations between codes in a real VS Code, the way a person makes them: the palette, then the three quick
// picks answered by typing and Enter; the Codebook view's menu; a drop of one code onto another. Each step
// checks codebook.yaml on disk and what the Codebook view lists under the codes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedServices } from '../../src/extension/services';
import type { CodeRelation } from '../../src/core/model';
import { parseCodebook } from '../../src/core/codebook/format';
import { fromVscodeUri } from '../../src/extension/platform/workspace-file-system';
import type { RelationPicks } from '../../src/extension/codebook-commands/relations/relation-picks';
import type { CodebookNode, CodebookTree } from '../../src/extension/views/codebook/codebook-tree';
import type { CodebookDragAndDrop } from '../../src/extension/views/codebook/codebook-drop';
import { waitFor } from './support';

const CODEBOOK = [
  'grounded: 1',
  'codes:',
  '  - id: hierarchy',
  '    name: Hierarchy',
  '    definition: Rank decides who speaks.',
  '  - id: silence',
  '    name: Silence',
  '  - id: stress',
  '    name: Stress',
  '  - id: peer-support',
  '    name: Peer support',
  '',
].join('\n');

const TRANSCRIPT = '[00:00:05] P01: Nobody below the chief says anything in the meeting.\n';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let services: GroundedServices;
let picks: RelationPicks;
let tree: CodebookTree;
let drop: CodebookDragAndDrop;
let folder: vscode.Uri;
let root: string;

const file = (...parts: string[]) => vscode.Uri.joinPath(folder, ...parts);
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, encoder.encode(text));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function relationsOnDisk(): Promise<CodeRelation[]> {
  const text = decoder.decode(await vscode.workspace.fs.readFile(file('codebook.yaml')));
  const parsed = parseCodebook(fromVscodeUri(file('codebook.yaml')), text);
  assert.ok(parsed.ok, 'codebook.yaml does not parse');
  return [...(parsed.value.relations ?? [])];
}

/** The pick on screen once its title says `title`. */
function pickShowing(title: string) {
  return waitFor(`the quick pick "${title}"`, () => {
    const pick = picks.showing;
    return pick?.title?.includes(title) ? pick : undefined;
  });
}

/** Types into the pick on screen, waits for the first item to be `label`, then presses Enter. */
async function typeAndEnter(title: string, typed: string, label: string): Promise<void> {
  const pick = await pickShowing(title);
  pick.value = typed;
  await waitFor(`"${label}" at the top of "${title}"`, () => pick.activeItems[0]?.label === label);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Labels of the relation items the Codebook view lists under a code. */
async function relationLabels(code: string): Promise<string[]> {
  const children = await tree.getChildren({ kind: 'code', id: code, study: root });
  const labels: string[] = [];
  for (const child of children.filter((c: CodebookNode) => c.kind === 'relation'))
    labels.push(String((await tree.getTreeItem(child)).label));
  return labels;
}

async function relationOnDisk(probe: (relations: CodeRelation[]) => boolean, what: string): Promise<CodeRelation[]> {
  return waitFor(what, async () => {
    const relations = await relationsOnDisk();
    return probe(relations) ? relations : undefined;
  });
}

describe('Relate Codes', function () {
  this.timeout(60_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<GroundedServices>('grounded-qda.grounded');
    assert.ok(extension, 'Grounded is not loaded');
    services = await extension.activate();
    picks = services.testHooks?.['relationPicks'] as RelationPicks;
    const views = services.testHooks?.['views'] as { codebook: CodebookTree; codebookDrop: CodebookDragAndDrop };
    assert.ok(picks && views, 'the relation commands and the views expose test hooks');
    tree = views.codebook;
    drop = views.codebookDrop;
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'no workspace folder');
    folder = vscode.Uri.joinPath(workspace.uri, `relations-it-${Date.now().toString(36)}`);
    root = fromVscodeUri(folder);
    await write(file('codebook.yaml'), CODEBOOK);
    await write(file('transcripts', 'P01.txt'), TRANSCRIPT);
    await write(file('grounded.yaml'), 'grounded: 1\ntranscripts: ["transcripts/*.txt"]\n');
    await waitFor('the test study', async () => (await services.studies.studyRoots()).includes(root));
    await services.studies.reload(root);
    // The active editor's study is the one the palette command acts on.
    await vscode.window.showTextDocument(file('transcripts', 'P01.txt'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  it('from the palette: from → type → to, typed and confirmed with Enter, writes the relation and lists it under both codes', async () => {
    await vscode.commands.executeCommand('workbench.action.quickOpen', '>Grounded: Relate Codes');
    await sleep(1000); // let the palette filter its list, as a person reads it first
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const first = await pickShowing('from which code');
    assert.equal(first.step, 1);
    assert.ok(
      first.items.some((item) => item.label === 'Hierarchy' && item.detail === 'Rank decides who speaks.'),
      'codes are listed with their definitions',
    );
    await typeAndEnter('from which code', 'hierar', 'Hierarchy');
    const types = await pickShowing('Relate "Hierarchy": how?');
    assert.deepEqual(
      types.items.map((item) => item.label),
      [
        'causes',
        'is condition for',
        'is consequence of',
        'is strategy for',
        'is part of',
        'is a',
        'contradicts',
        'associated with',
      ],
      'the default relation types, as their labels',
    );
    await typeAndEnter('Relate "Hierarchy": how?', 'causes', 'causes');
    const third = await pickShowing('which code?');
    assert.ok(!third.items.some((item) => item.label === 'Hierarchy'), 'a code is not offered to relate to itself');
    await typeAndEnter('which code?', 'silen', 'Silence');

    await relationOnDisk(
      (relations) => relations.some((r) => r.from === 'hierarchy' && r.type === 'causes' && r.to === 'silence'),
      'hierarchy causes silence in codebook.yaml',
    );
    await waitFor('the view to list the relation', async () =>
      (await relationLabels('hierarchy')).includes('causes → Silence'),
    );
    assert.deepEqual(await relationLabels('silence'), ['← Hierarchy causes']);
    const item = await tree.getTreeItem({ kind: 'code', id: 'hierarchy', study: root });
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'a related code can be opened');
    assert.match(String(item.tooltip), /Relations:\n {2}causes → Silence/);
  });

  it("from a code's menu in the Codebook view: only the type and the other code are asked", async () => {
    const running = vscode.commands.executeCommand('grounded.relateCodes', { kind: 'code', id: 'stress', study: root });
    await typeAndEnter('Relate "Stress": how?', 'associated', 'associated with');
    await typeAndEnter('which code?', 'peer', 'Peer support');
    await running;
    await relationOnDisk(
      (relations) =>
        relations.some((r) => r.from === 'stress' && r.type === 'associated-with' && r.to === 'peer-support'),
      'stress associated-with peer-support in codebook.yaml',
    );
    await waitFor('the undirected relation under both codes', async () =>
      (await relationLabels('peer-support')).includes('associated with — Stress'),
    );
    assert.ok((await relationLabels('stress')).includes('associated with — Peer support'));
  });

  it('Edit Relation Memo from the relation item: the memo is typed into the input box and saved', async () => {
    const node = { kind: 'relation', study: root, code: 'hierarchy', from: 'hierarchy', type: 'causes', to: 'silence' };
    const running = vscode.commands.executeCommand('grounded.editRelationMemo', node);
    const box = await waitFor('the memo input box', () => picks.showingInput);
    assert.match(box.title ?? '', /Hierarchy → causes → Silence/);
    box.value = 'Residents wait for the chief to speak first (P01, P07).';
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await running;
    const relations = await relationOnDisk(
      (all) => all.some((r) => r.from === 'hierarchy' && r.memo !== undefined),
      'the memo in codebook.yaml',
    );
    assert.equal(
      relations.find((r) => r.from === 'hierarchy')?.memo,
      'Residents wait for the chief to speak first (P01, P07).',
    );
    await waitFor('the memo beside the relation', async () => {
      await services.studies.reload(root);
      const item = await tree.getTreeItem(node as CodebookNode);
      return item.description === 'Residents wait for the chief to speak first (P01, P07).';
    });
  });

  it('Remove Relation from the relation item takes it out of codebook.yaml and the view', async () => {
    const node = {
      kind: 'relation',
      study: root,
      code: 'stress',
      from: 'stress',
      type: 'associated-with',
      to: 'peer-support',
    };
    await vscode.commands.executeCommand('grounded.removeRelation', node);
    await relationOnDisk((relations) => !relations.some((r) => r.from === 'stress'), 'the relation gone from the file');
    await waitFor('the view without it', async () => (await relationLabels('stress')).length === 0);
    assert.equal((await relationsOnDisk()).length, 1, 'the other relation stays');
  });

  it('dropping one code onto another offers Relate, which asks only the type', async () => {
    const original = drop.chooseAction;
    drop.chooseAction = async () => 'relate';
    try {
      const transfer = new vscode.DataTransfer();
      drop.handleDrag([{ kind: 'code', id: 'peer-support', study: root }], transfer);
      const token = new vscode.CancellationTokenSource().token;
      const dropping = drop.handleDrop({ kind: 'code', id: 'stress', study: root }, transfer, token);
      await typeAndEnter('Relate "Peer support": how?', 'strategy', 'is strategy for');
      await dropping;
    } finally {
      drop.chooseAction = original;
    }
    await relationOnDisk(
      (relations) =>
        relations.some((r) => r.from === 'peer-support' && r.type === 'is-strategy-for' && r.to === 'stress'),
      'peer-support is-strategy-for stress in codebook.yaml',
    );
  });

  it('Mark as Core Category from the menu marks the code in codebook.yaml and the view', async () => {
    await vscode.commands.executeCommand('grounded.markCoreCategory', { kind: 'code', id: 'silence', study: root });
    await waitFor('core: true in codebook.yaml', async () => {
      const text = decoder.decode(await vscode.workspace.fs.readFile(file('codebook.yaml')));
      const parsed = parseCodebook(root, text);
      return parsed.ok && parsed.value.codes.find((c) => c.id === 'silence')?.core === true;
    });
    await waitFor('the view to say so', async () => {
      await services.studies.reload(root);
      const item = await tree.getTreeItem({ kind: 'code', id: 'silence', study: root });
      return String(item.description).startsWith('core category');
    });
  });
});
