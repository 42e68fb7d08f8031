import * as vscode from 'vscode';
import type { Code, Study } from '../../../core/index';
import type { StudyService } from '../../study/study-service';
import type { BlindCoding } from '../../study/blind-coding';
import { codeIcon } from '../../shared/code-icons';
import { toVscodeUri } from '../../platform/workspace-file-system';
import { shownStudies, studyLabel } from '../../shared/which-study';
import { codeStats, statsText, type CodeStats } from './code-stats';
import { relationLines, relationNodes, relationTreeItem, type RelationNode } from './relation-items';

export type { RelationNode };

/** A study, shown as a top-level node only when the workspace holds several. */
export interface StudyNode {
  readonly kind: 'study';
  readonly study: string;
}

/** A code of a study's codebook. `id`/`study` are what the codebook commands read from an argument. */
export interface CodeNode {
  readonly kind: 'code';
  readonly id: string;
  readonly study: string;
}

export type CodebookNode = StudyNode | CodeNode | RelationNode;

interface StudyView {
  readonly study: Study;
  readonly stats: ReadonlyMap<string, CodeStats>;
  readonly children: ReadonlyMap<string | undefined, readonly Code[]>;
}

/**
 * The Codebook view: categories and their codes, with colour swatches and how often each is used.
 * Elements are plain {kind, id, study} records so menus can hand them to commands and drag and drop can
 * carry them; everything else is looked up in the study when an item is drawn.
 */
export class CodebookTree implements vscode.TreeDataProvider<CodebookNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CodebookNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** Per loaded Study object: a reload makes a new one, so stale counts are never shown. */
  private views = new WeakMap<Study, StudyView>();
  private readonly subscriptions: vscode.Disposable[];
  private treeView: vscode.TreeView<CodebookNode> | undefined;

  constructor(
    private readonly studies: StudyService,
    private readonly blind: BlindCoding,
  ) {
    this.subscriptions = [
      studies.onDidChangeStudy(() => this.refresh()),
      // The counts are of the visible coders' codings: recount when blind coding is turned on or off.
      blind.onDidChange(() => {
        this.views = new WeakMap();
        this.refresh();
      }),
    ];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.emitter.dispose();
  }

  attach(view: vscode.TreeView<CodebookNode>): void {
    this.treeView = view;
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: CodebookNode): Promise<CodebookNode[]> {
    if (!node) {
      const shown = await shownStudies(this.studies);
      this.explainBroken(shown);
      if (shown.length === 1) return this.codeNodes(shown[0] as Study, undefined);
      return shown.map((study) => ({ kind: 'study', study: study.root }));
    }
    if (node.kind === 'relation') return [];
    const study = await this.studies.study(node.study);
    if (node.kind === 'study') return this.codeNodes(study, undefined);
    return [...this.codeNodes(study, node.id), ...relationNodes(study, node.id)];
  }

  async getTreeItem(node: CodebookNode): Promise<vscode.TreeItem> {
    const study = await this.studies.study(node.study);
    if (node.kind === 'study') {
      const item = new vscode.TreeItem(studyLabel(study), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `study:${study.root}`;
      item.iconPath = new vscode.ThemeIcon('folder-library');
      item.description = `${study.codebook.codes.length} codes`;
      item.tooltip = study.root;
      item.contextValue = 'grounded.study';
      return item;
    }
    if (node.kind === 'relation') return relationTreeItem(study, node);
    const view = this.view(study);
    const code = study.codebook.codes.find((c) => c.id === node.id);
    const hasChildren = (view.children.get(node.id)?.length ?? 0) > 0;
    // Sub-codes are the tree and show at once; a code's relations are one click away, to keep the codebook compact.
    const hasRelations = relationNodes(study, node.id).length > 0;
    const item = new vscode.TreeItem(
      code?.name ?? node.id,
      hasChildren
        ? vscode.TreeItemCollapsibleState.Expanded
        : hasRelations
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `code:${study.root}#${node.id}`;
    const stats = view.stats.get(node.id);
    item.description = code?.core ? `core category · ${statsText(stats)}` : statsText(stats);
    item.iconPath = code ? codeIcon(code) : new vscode.ThemeIcon('tag');
    item.tooltip = code ? tooltipOf(code, stats, hasChildren, relationLines(study, node.id)) : node.id;
    item.contextValue = hasChildren ? 'grounded.code.category' : 'grounded.code';
    // A click lists the code's quotes across transcripts (constant comparison).
    item.command = { command: 'grounded.retrieveQuotes', title: 'Retrieve Quotes', arguments: [node] };
    item.accessibilityInformation = { label: `${code?.name ?? node.id}, ${statsText(stats)}` };
    return item;
  }

  async getParent(node: CodebookNode): Promise<CodebookNode | undefined> {
    if (node.kind === 'study') return undefined;
    if (node.kind === 'relation') return { kind: 'code', id: node.code, study: node.study };
    const study = await this.studies.study(node.study);
    const parent = study.codebook.codes.find((c) => c.id === node.id)?.parent;
    if (parent !== undefined && study.codebook.codes.some((c) => c.id === parent))
      return { kind: 'code', id: parent, study: study.root };
    const shown = await shownStudies(this.studies);
    return shown.length > 1 ? { kind: 'study', study: study.root } : undefined;
  }

  /** A codebook that does not load lists no codes; the view says why and where instead of looking empty. */
  private explainBroken(shown: readonly Study[]): void {
    if (!this.treeView) return;
    const broken = shown.filter((study) => !study.codebookLoaded);
    const first = broken[0]?.problems.find((p) => p.uri === broken[0]?.codebookUri && p.severity === 'error');
    this.treeView.message =
      broken.length === 0
        ? undefined
        : first
          ? `${vscode.workspace.asRelativePath(toVscodeUri(first.uri))}:${first.line}:${first.column} does not load: ${first.message}. Fix it to see the codes (see the Problems panel).`
          : 'The codebook does not load: see the Problems panel.';
  }

  private codeNodes(study: Study, parent: string | undefined): CodeNode[] {
    return (this.view(study).children.get(parent) ?? []).map((code) => ({
      kind: 'code',
      id: code.id,
      study: study.root,
    }));
  }

  private view(study: Study): StudyView {
    let view = this.views.get(study);
    if (!view) {
      view = { study, stats: codeStats(this.blind.view(study)), children: childrenOf(study.codebook.codes) };
      this.views.set(study, view);
    }
    return view;
  }
}

/** Codes by parent id, siblings by name. A parent missing from the codebook would hide a code: it goes to the top. */
function childrenOf(codes: readonly Code[]): Map<string | undefined, Code[]> {
  const known = new Set(codes.map((c) => c.id));
  const children = new Map<string | undefined, Code[]>();
  for (const code of codes) {
    const parent =
      code.parent !== undefined && known.has(code.parent) && code.parent !== code.id ? code.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  return children;
}

/** Plain text (never Markdown): code names, definitions and memos are the researcher's own words. */
function tooltipOf(code: Code, stats: CodeStats | undefined, category: boolean, relations: string[]): string {
  const lines = [`${code.name} (${code.id})`, `${statsText(stats)}${category ? ', sub-codes included' : ''}`];
  if (code.core) lines.push('Core category');
  if (code.definition) lines.push('', code.definition);
  if (code.memo) lines.push('', `Memo: ${code.memo}`);
  if (relations.length > 0) lines.push('', 'Relations:', ...relations.map((line) => `  ${line}`));
  return lines.join('\n');
}
