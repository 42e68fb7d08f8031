import * as vscode from 'vscode';
import { basenameUri, type Code, type Memo, type Study } from '../../../core/index';
import type { StudyService } from '../../study/study-service';
import { codeIcon } from '../../shared/code-icons';
import { toVscodeUri } from '../../platform/workspace-file-system';
import { shownStudies, studyLabel } from '../../shared/which-study';
import { firstWords } from '../text';

export interface MemoGroupNode {
  readonly kind: 'group';
  readonly group: 'study' | 'code';
  readonly study: string;
}
export interface StudyMemoNode {
  readonly kind: 'memo';
  readonly memo: Memo;
  readonly study: string;
}
export interface CodeMemoNode {
  readonly kind: 'codeMemo';
  readonly code: Code;
  readonly study: string;
}
export type MemoNode = MemoGroupNode | StudyMemoNode | CodeMemoNode;

/**
 * The Memos view: the study's memo files (memos/*.md, with the codes they are about) and the memos written
 * on codes in the codebook. Grounded only lists them; memos are the researcher's own Markdown.
 */
export class MemosTree implements vscode.TreeDataProvider<MemoNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<MemoNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly studies: StudyService) {
    this.subscription = studies.onDidChangeStudy(() => this.emitter.fire(undefined));
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }

  async getChildren(node?: MemoNode): Promise<MemoNode[]> {
    if (!node) {
      const shown = await shownStudies(this.studies);
      return shown.flatMap((study) => [
        ...(study.memos.length > 0 ? [{ kind: 'group', group: 'study', study: study.root } as const] : []),
        ...(study.codebook.codes.some((c) => c.memo)
          ? [{ kind: 'group', group: 'code', study: study.root } as const]
          : []),
      ]);
    }
    if (node.kind !== 'group') return [];
    const study = await this.studies.study(node.study);
    if (node.group === 'study') {
      return [...study.memos]
        .sort((a, b) => basenameUri(a.uri).localeCompare(basenameUri(b.uri)))
        .map((memo) => ({ kind: 'memo', memo, study: study.root }));
    }
    return study.codebook.codes
      .filter((code) => code.memo)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((code) => ({ kind: 'codeMemo', code, study: study.root }));
  }

  async getTreeItem(node: MemoNode): Promise<vscode.TreeItem> {
    const study = await this.studies.study(node.study);
    const several = (await shownStudies(this.studies)).length > 1;
    if (node.kind === 'group') {
      const count = node.group === 'study' ? study.memos.length : study.codebook.codes.filter((c) => c.memo).length;
      const item = new vscode.TreeItem(
        node.group === 'study' ? 'Memos' : 'Code memos',
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `memos:${node.group}:${study.root}`;
      item.description = [several ? studyLabel(study) : '', String(count)].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(node.group === 'study' ? 'notebook' : 'symbol-key');
      return item;
    }
    if (node.kind === 'memo') {
      const { memo } = node;
      const item = new vscode.TreeItem(memo.title, vscode.TreeItemCollapsibleState.None);
      item.id = `memo:${memo.uri}`;
      item.description = codeNames(study, memo.codes);
      item.iconPath = new vscode.ThemeIcon('note');
      item.resourceUri = toVscodeUri(memo.uri);
      item.tooltip = [
        memo.title,
        basenameUri(memo.uri),
        memo.codes.length > 0 ? `Codes: ${codeNames(study, memo.codes)}` : '',
        '',
        firstWords(stripFrontMatterHeading(memo.body, memo.title), 300),
      ]
        .filter((line, i) => i >= 3 || line !== '')
        .join('\n');
      item.command = { command: 'vscode.open', title: 'Open Memo', arguments: [toVscodeUri(memo.uri)] };
      item.contextValue = 'grounded.memo';
      return item;
    }
    const item = new vscode.TreeItem(node.code.name, vscode.TreeItemCollapsibleState.None);
    item.id = `codeMemo:${study.root}#${node.code.id}`;
    item.description = firstWords(node.code.memo ?? '', 60);
    item.iconPath = codeIcon(node.code);
    item.tooltip = `${node.code.name} (${node.code.id})\n\n${node.code.memo ?? ''}`;
    item.command = {
      command: 'grounded.openCodeMemo',
      title: 'Open Code Memo',
      arguments: [{ kind: 'code', id: node.code.id, study: study.root }],
    };
    item.contextValue = 'grounded.codeMemo';
    return item;
  }
}

function codeNames(study: Study, ids: readonly string[]): string {
  return ids.map((id) => study.codebook.codes.find((c) => c.id === id)?.name ?? id).join(', ');
}

/** The memo's text without its heading when the heading is the title (the tooltip shows the title already). */
function stripFrontMatterHeading(body: string, title: string): string {
  return body.replace(/^\s*#\s+(.+)\n/, (line, heading: string) => (heading.trim() === title ? '' : line));
}
