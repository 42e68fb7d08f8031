// The Grounded views in a real VS Code, on the example study (the runner opens a copy of it): the
// providers are read through the extension's test hooks, commands run with arguments that bypass pickers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedServices } from '../../src/extension/services';
import type { CodebookTree, CodebookNode } from '../../src/extension/views/codebook/codebook-tree';
import type { CodebookDragAndDrop } from '../../src/extension/views/codebook/codebook-drop';
import { CODEBOOK_MIME } from '../../src/extension/views/codebook/codebook-drop';
import type { CodingsTree } from '../../src/extension/views/codings/codings-tree';
import type { RetrieveResult, RetrieveTree } from '../../src/extension/views/retrieve/retrieve-tree';
import type { MemosTree, MemoNode } from '../../src/extension/views/memos/memos-tree';
import type { Study } from '../../src/core/study/study';
import { allCodings, descendantsOf } from '../../src/core/study/study';
import { parseCodebook } from '../../src/core/codebook/format';
import { parseMemo } from '../../src/core/memos/format';
import { fromVscodeUri } from '../../src/extension/platform/workspace-file-system';

interface ViewHooks {
  codebook: CodebookTree;
  codebookDrop: CodebookDragAndDrop;
  codings: CodingsTree;
  retrieve: RetrieveTree;
  memos: MemosTree;
  treeViews: Record<'codebookView' | 'codingsView' | 'retrieveView' | 'memosView', vscode.TreeView<unknown>>;
}

const decoder = new TextDecoder();
let services: GroundedServices;
let views: ViewHooks;
let folder: vscode.Uri;
let root: string;

function file(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(folder, ...parts);
}

async function read(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

async function until<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function study(): Promise<Study> {
  return services.studies.study(root);
}

/** The example study's codes as the view lists them (other test files may add studies beside it). */
async function codebookRoots(): Promise<CodebookNode[]> {
  const top = await views.codebook.getChildren();
  const own = top.find((node) => node.kind === 'study' && node.study === root);
  return own ? views.codebook.getChildren(own) : top;
}

async function parentInCodebookFile(id: string): Promise<string | undefined> {
  const parsed = parseCodebook(root, await read(file('codebook.yaml')));
  assert.ok(parsed.ok, 'codebook.yaml does not parse');
  return parsed.value.codes.find((c) => c.id === id)?.parent;
}

/** Survey answers of the example, read straight from the CSV (plain: no quoted cells). */
async function surveyColumn(column: string): Promise<Map<string, string>> {
  const [header, ...rows] = (await read(file('survey.csv')))
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const index = header!.indexOf(column);
  return new Map(rows.map((cells) => [cells[0]!, cells[index]!]));
}

function participantsOf(result: RetrieveResult | undefined): string[] {
  return (result?.groups ?? []).map((group) => group.transcript.participant ?? group.transcript.path);
}

describe('views', function () {
  // Several tests wait for full reloads of the 44-transcript example study.
  this.timeout(60_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<GroundedServices>('grounded-qda.grounded');
    assert.ok(extension, 'Grounded is not loaded');
    services = await extension.activate();
    views = services.testHooks?.['views'] as ViewHooks;
    assert.ok(views, 'the views feature exposes no test hooks');
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'no workspace folder');
    folder = workspace.uri;
    root = fromVscodeUri(folder);
    await until(async () => (await services.studies.studyRoots()).includes(root), 'the example study to be found');
    await services.studies.reload(root);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // What the runner's final screenshot (--screenshots) shows: the container beside a coded transcript.
    await vscode.commands.executeCommand('workbench.view.extension.grounded');
    await vscode.window.showTextDocument(file('transcripts', 'P07.txt'), { preview: false });
    await vscode.commands.executeCommand('grounded.retrieveQuotes', { code: 'barriers', study: root });
  });

  it('the Grounded container in the activity bar shows the Codebook, Codings, Retrieve and Memos views', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.grounded');
    const { codebookView, codingsView, retrieveView, memosView } = views.treeViews;
    await until(
      () => codebookView.visible && codingsView.visible && retrieveView.visible && memosView.visible,
      'the four views to show',
    );
  });

  describe('Codebook', () => {
    it('lists the example codebook as categories and codes, with codings · participants counts', async () => {
      const loaded = await study();
      const nodes = await codebookRoots();
      const topLevel = loaded.codebook.codes.filter((c) => c.parent === undefined);
      assert.deepEqual(nodes.map((n) => (n.kind === 'code' ? n.id : '?')).sort(), topLevel.map((c) => c.id).sort());
      const barriers = nodes.find((n) => n.kind === 'code' && n.id === 'barriers');
      assert.ok(barriers);
      const children = await views.codebook.getChildren(barriers);
      assert.deepEqual(
        children.map((n) => (n.kind === 'code' ? n.id : '?')).sort(),
        loaded.codebook.codes
          .filter((c) => c.parent === 'barriers')
          .map((c) => c.id)
          .sort(),
      );
      // A category counts its sub-codes' codings and the distinct participants behind them.
      const ids = descendantsOf(loaded.codebook, 'barriers');
      const codings = allCodings(loaded).filter(({ coding }) => ids.has(coding.code));
      const participants = new Set(codings.map(({ transcript }) => transcript.participant));
      assert.ok(codings.length > 0);
      const item = await views.codebook.getTreeItem(barriers);
      assert.equal(item.label, 'Barriers');
      assert.equal(item.description, `${codings.length} codings · ${participants.size} participants`);
      assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      const leaf = await views.codebook.getTreeItem(
        children.find((n) => n.kind === 'code' && n.id === 'barriers-time')!,
      );
      assert.equal(leaf.label, 'Time pressure');
      assert.ok(
        leaf.iconPath instanceof vscode.Uri && leaf.iconPath.scheme === 'data',
        'a colour swatch as a data: URI',
      );
      assert.ok(
        decoder
          .decode(Uint8Array.from(atob(leaf.iconPath.path.split(',')[1]!), (c) => c.charCodeAt(0)))
          .includes('#e98183'),
      );
      assert.match(String(leaf.tooltip), /lack of time on either side/);
      assert.equal(leaf.contextValue, 'grounded.code');
    });

    it('drag and drop: onto empty space moves a code to the top level, onto a code moves it under that code', async () => {
      const node = { kind: 'code', id: 'barriers-time', study: root } as const;
      const drag = (nodes: readonly CodebookNode[]) => {
        const transfer = new vscode.DataTransfer();
        views.codebookDrop.handleDrag(nodes, transfer);
        return transfer;
      };
      const token = new vscode.CancellationTokenSource().token;
      const original = views.codebookDrop.chooseAction;
      try {
        await views.codebookDrop.handleDrop(undefined, drag([node]), token);
        assert.equal(await parentInCodebookFile('barriers-time'), undefined);
        assert.ok(
          (await codebookRoots()).some((n) => n.kind === 'code' && n.id === 'barriers-time'),
          'the view lists it at the top',
        );

        const asked: string[] = [];
        views.codebookDrop.chooseAction = async (_study, dragged, target) => {
          asked.push(`${dragged.map((d) => d.id).join(',')}→${target.id}`);
          return 'move';
        };
        await views.codebookDrop.handleDrop({ kind: 'code', id: 'career', study: root }, drag([node]), token);
        assert.deepEqual(asked, ['barriers-time→career']);
        assert.equal(await parentInCodebookFile('barriers-time'), 'career');
        // Back where it was, for the other tests.
        await views.codebookDrop.handleDrop({ kind: 'code', id: 'barriers', study: root }, drag([node]), token);
        assert.equal(await parentInCodebookFile('barriers-time'), 'barriers');
      } finally {
        views.codebookDrop.chooseAction = original;
      }
    });

    it('drag and drop: a code dropped on another and merged leaves the codebook; a code cannot go under itself', async () => {
      const id = await vscode.commands.executeCommand<string>('grounded.newCode', {
        name: 'Scratch code for merging',
        parent: 'career',
        study: root,
      });
      assert.equal(id, 'scratch-code-for-merging');
      assert.equal(await parentInCodebookFile(id), 'career');
      const transfer = new vscode.DataTransfer();
      views.codebookDrop.handleDrag([{ kind: 'code', id, study: root }], transfer);
      assert.ok(transfer.get(CODEBOOK_MIME));
      const original = views.codebookDrop.chooseAction;
      let asked = 0;
      views.codebookDrop.chooseAction = async () => {
        asked++;
        return 'merge';
      };
      try {
        const token = new vscode.CancellationTokenSource().token;
        await views.codebookDrop.handleDrop({ kind: 'code', id: 'career-promotion', study: root }, transfer, token);
        const parsed = parseCodebook(root, await read(file('codebook.yaml')));
        assert.ok(parsed.ok);
        assert.ok(!parsed.value.codes.some((c) => c.id === id), 'the merged code is still in the codebook');
        // A category dropped on its own child: nothing to ask, nothing changes.
        const careerTransfer = new vscode.DataTransfer();
        views.codebookDrop.handleDrag([{ kind: 'code', id: 'career', study: root }], careerTransfer);
        await views.codebookDrop.handleDrop(
          { kind: 'code', id: 'career-promotion', study: root },
          careerTransfer,
          token,
        );
        assert.equal(asked, 1);
        assert.equal(await parentInCodebookFile('career'), undefined);
      } finally {
        views.codebookDrop.chooseAction = original;
      }
    });
  });

  describe('Codings in the current transcript', () => {
    it('lists the active transcript’s codings in order, and an item selects its passage', async () => {
      const editor = await vscode.window.showTextDocument(file('transcripts', 'P07.txt'), { preview: false });
      await until(() => views.codings.shown === editor.document, 'the view to follow the editor');
      const expected = (await study()).transcripts
        .find((t) => t.path === 'transcripts/P07.txt')!
        .sidecars.flatMap((s) => s.sidecar.codings);
      const nodes = await until(async () => {
        const listed = await views.codings.getChildren();
        return listed.length === expected.length ? listed : undefined;
      }, 'the codings of P07');
      const starts = nodes.map((n) => n.live.coding.start);
      assert.deepEqual(
        starts,
        [...starts].sort((a, b) => a - b),
      );
      const node = nodes[3]!;
      const item = views.codings.getTreeItem(node);
      const code = (await study()).codebook.codes.find((c) => c.id === node.live.coding.code);
      assert.equal(item.label, code?.name);
      assert.match(String(item.description), new RegExp(`^${node.live.coding.by} · `));
      assert.equal(item.command?.command, 'grounded.revealCoding');

      // From another editor: the command opens P07 again and selects the passage.
      await vscode.window.showTextDocument(file('transcripts', 'P08.txt'), { preview: false });
      await until(() => views.codings.shown?.uri.path.endsWith('/P08.txt'), 'the view to follow to P08');
      const range = await vscode.commands.executeCommand<vscode.Range>(
        item.command!.command,
        ...(item.command!.arguments ?? []),
      );
      const active = vscode.window.activeTextEditor;
      assert.ok(active && active.document.uri.path.endsWith('/P07.txt'), 'P07 is active again');
      assert.ok(active.selection.isEqual(new vscode.Selection(range.start, range.end)));
      assert.equal(active.document.getText(active.selection), node.live.coding.quote);
    });

    it('lists the codings of a transcript opened for the first time, after it turns to the transcript language', async () => {
      // As a person does it: open a transcript not opened before, then the Grounded container. Opening it
      // switches the plain-text document to the transcript language, which VS Code reports as the document
      // closed and reopened while its editor stays active: the view must keep showing it.
      const uri = file('transcripts', 'P12.txt');
      assert.ok(
        !vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()),
        'P12.txt is already open, so its language was switched before this test: use a transcript no test opens',
      );
      // Through the workbench, as Quick Open does: the document and its editor reach the extension together.
      // (`showTextDocument(uri)` opens the document first, so its language changes before any editor shows it.)
      await vscode.commands.executeCommand('vscode.open', uri);
      const editor = await until(
        () =>
          vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()
            ? vscode.window.activeTextEditor
            : undefined,
        'P12 in the active editor',
      );
      await vscode.commands.executeCommand('workbench.view.extension.grounded');
      await until(() => editor.document.languageId === 'transcript', 'P12 in the transcript language');
      const expected = (await study()).transcripts
        .find((t) => t.path === 'transcripts/P12.txt')!
        .sidecars.flatMap((s) => s.sidecar.codings);
      assert.ok(expected.length > 0, 'the example codes P12');
      await until(
        async () =>
          views.codings.shown === editor.document && (await views.codings.getChildren()).length === expected.length,
        `the view to list P12's ${expected.length} codings (it shows ${views.codings.shown?.uri.path ?? 'no transcript'})`,
      );
      assert.equal(views.treeViews.codingsView.description, `P12 · ${expected.length}`);
    });

    it('follows new codings live', async () => {
      const editor = await vscode.window.showTextDocument(file('transcripts', 'P07.txt'), { preview: false });
      await until(() => views.codings.shown === editor.document, 'the view to show P07');
      const before = (await views.codings.getChildren()).length;
      await vscode.workspace
        .getConfiguration('grounded')
        .update('coder', 'viewtester', vscode.ConfigurationTarget.Workspace);
      const text = editor.document.getText();
      const at = text.indexOf('mentor');
      editor.selection = new vscode.Selection(
        editor.document.positionAt(at),
        editor.document.positionAt(at + 'mentor'.length),
      );
      await vscode.commands.executeCommand('grounded.codeSelection', { codes: ['barriers-time'] });
      try {
        await until(
          async () => (await views.codings.getChildren()).length === before + 1,
          'the new coding in the view',
        );
        const mine = (await views.codings.getChildren()).filter((n) => n.live.coding.by === 'viewtester');
        assert.equal(mine.length, 1);
      } finally {
        await vscode.workspace.fs.delete(file('transcripts', 'P07.viewtester.codes.yaml'));
        await vscode.workspace
          .getConfiguration('grounded')
          .update('coder', undefined, vscode.ConfigurationTarget.Workspace);
        await services.studies.reload(root);
      }
    });
  });

  describe('Retrieve', () => {
    after(async () => {
      await vscode.commands.executeCommand('grounded.retrieve.clearFilters');
    });

    it('lists every quote of a code and its sub-codes, grouped by transcript, each jumping to its place', async () => {
      const result = await vscode.commands.executeCommand<RetrieveResult>('grounded.retrieveQuotes', {
        code: 'barriers',
        study: root,
      });
      const loaded = await study();
      const ids = descendantsOf(loaded.codebook, 'barriers');
      const expected = allCodings(loaded).filter(({ coding }) => ids.has(coding.code));
      assert.equal(result.quotes, expected.length);
      assert.equal(new Set(participantsOf(result)).size, new Set(expected.map((e) => e.transcript.participant)).size);
      assert.ok(
        result.groups.some((g) => g.quotes.some((q) => q.located.coding.code !== 'barriers')),
        'sub-codes are included',
      );
      const groups = await views.retrieve.getChildren();
      assert.equal(groups.length, result.groups.length);
      const quotes = await views.retrieve.getChildren(groups[0]);
      const quote = quotes[0]!;
      assert.equal(quote.kind, 'quote');
      const item = views.retrieve.getTreeItem(quote);
      const range = await vscode.commands.executeCommand<vscode.Range>(
        item.command!.command,
        ...(item.command!.arguments ?? []),
      );
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.equal(fromVscodeUri(editor.document.uri), quote.kind === 'quote' ? quote.located.transcript.uri : '');
      assert.equal(editor.document.getText(range), quote.kind === 'quote' ? quote.located.coding.quote : '');
    });

    it('filters by survey answers (gender = female) and by coder', async () => {
      const all = await vscode.commands.executeCommand<RetrieveResult>('grounded.retrieveQuotes', {
        code: 'barriers',
        study: root,
      });
      const female = await vscode.commands.executeCommand<RetrieveResult>('grounded.retrieve.filter', {
        column: 'gender',
        values: ['female'],
      });
      const gender = await surveyColumn('gender');
      const listed = participantsOf(female);
      assert.ok(listed.length > 0, 'no female participant has a barriers quote');
      for (const participant of listed) assert.equal(gender.get(participant), 'female', `${participant} is listed`);
      const expectedFemale = participantsOf(all).filter((p) => gender.get(p) === 'female');
      assert.deepEqual(listed, expectedFemale);
      assert.ok(female.quotes < all.quotes);
      // The example's survey (2 KB) is parsed on the host: a worker would start slower than the parse. Larger
      // surveys are parsed in a worker (unit tests, with a real worker, and the host-lag benchmark).
      assert.equal(services.surveys.lastParsed, 'here (small)');

      const roles = await vscode.commands.executeCommand<RetrieveResult>('grounded.retrieve.filter', {
        column: 'role',
        values: ['resident', 'chief'],
      });
      const role = await surveyColumn('role');
      for (const participant of participantsOf(roles)) {
        assert.equal(gender.get(participant), 'female');
        assert.ok(
          ['resident', 'chief'].includes(role.get(participant) ?? ''),
          `${participant} is a ${role.get(participant)}`,
        );
      }

      const jonas = await vscode.commands.executeCommand<RetrieveResult>('grounded.retrieve.filterCoders', {
        coders: ['jonas'],
      });
      assert.ok(jonas.groups.every((g) => g.quotes.every((q) => q.located.coding.by === 'jonas')));
      const cleared = await vscode.commands.executeCommand<RetrieveResult>('grounded.retrieve.clearFilters');
      assert.equal(cleared.quotes, all.quotes);
    });

    it('refuses a column the survey does not have', async () => {
      await vscode.commands.executeCommand('grounded.retrieveQuotes', { code: 'barriers', study: root });
      await assert.rejects(
        async () => vscode.commands.executeCommand('grounded.retrieve.filter', { column: 'shoe_size', values: ['42'] }),
        /no column "shoe_size"/,
      );
    });
  });

  describe('Memos', () => {
    async function memoNodes(): Promise<MemoNode[]> {
      const groups = (await views.memos.getChildren()).filter((g) => g.kind === 'group' && g.study === root);
      return (await Promise.all(groups.map((g) => views.memos.getChildren(g)))).flat();
    }

    it('lists the example memos with their codes, and the code memos of the codebook', async () => {
      const nodes = await memoNodes();
      const titles = nodes.flatMap((n) => (n.kind === 'memo' ? [n.memo.title] : []));
      assert.ok(titles.includes('Rejecting the assigned mentor as an act of agency'), titles.join(' | '));
      assert.equal(
        titles.length,
        (await vscode.workspace.fs.readDirectory(file('memos'))).filter(([name]) => name.endsWith('.md')).length,
      );
      const memo = nodes.find((n) => n.kind === 'memo' && n.memo.title === 'From one mentor to a mentoring team')!;
      const item = await views.memos.getTreeItem(memo);
      assert.match(String(item.description), /Mentoring team/i);
      assert.equal(item.command?.command, 'vscode.open');
      const codeMemos = nodes.filter((n) => n.kind === 'codeMemo');
      assert.ok(codeMemos.length > 0, 'the example codebook has code memos');
      const codeMemo = codeMemos[0]!;
      const codeItem = await views.memos.getTreeItem(codeMemo);
      await vscode.commands.executeCommand(codeItem.command!.command, ...(codeItem.command!.arguments ?? []));
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor && editor.document.uri.path.endsWith('/codebook.yaml'));
      assert.match(editor.document.lineAt(editor.selection.active.line).text, /^\s*memo:/);
    });

    it('"New memo" writes memos/<date>-<slug>.md with front matter and lists it', async () => {
      const uri = await vscode.commands.executeCommand<string>('grounded.newMemo', {
        title: 'Time, again: who notices?',
        codes: ['barriers-time', 'wellbeing-burnout'],
        study: root,
        open: false,
      });
      try {
        assert.match(uri, /\/memos\/\d{4}-\d{2}-\d{2}-time-again-who-notices\.md$/);
        const text = await read(vscode.Uri.parse(uri));
        const parsed = parseMemo(uri, text, 'fallback');
        assert.ok(parsed.ok);
        assert.equal(parsed.value.title, 'Time, again: who notices?');
        assert.deepEqual(parsed.value.codes, ['barriers-time', 'wellbeing-burnout']);
        assert.match(text, /^date: \d{4}-\d{2}-\d{2}$/m);
        await until(
          async () => (await memoNodes()).some((n) => n.kind === 'memo' && n.memo.uri === uri),
          'the new memo to be listed (after the watcher’s reload)',
          40_000,
        );
        // The same title again gets a new file, never the first one overwritten.
        const second = await vscode.commands.executeCommand<string>('grounded.newMemo', {
          title: 'Time, again: who notices?',
          codes: [],
          study: root,
          open: false,
        });
        try {
          assert.notEqual(second, uri);
          assert.match(second, /-2\.md$/);
        } finally {
          await vscode.workspace.fs.delete(vscode.Uri.parse(second));
        }
      } finally {
        await vscode.workspace.fs.delete(vscode.Uri.parse(uri));
      }
    });
  });
});
