import * as vscode from 'vscode';
import { firstWords } from '../views/text';
import type { ComparedDisagreement, CompareCoders, Comparison } from './comparison';
import { FIRST_MARK, kindPhrase, SECOND_MARK, settlementPhrase } from './describe';
import { COMPARE_CODERS_COMMANDS } from './commands';

/** The view's id (package.json `views`). */
export const DISAGREEMENTS_VIEW = 'grounded.disagreements';

/** A transcript with disagreements, or one disagreement (menus receive these: `kind` marks a view item). */
export type DisagreementsNode =
  | { readonly kind: 'transcript'; readonly transcript: string }
  | { readonly kind: 'disagreement'; readonly key: string; readonly transcript: string };

/**
 * The Disagreements view: every disagreement of the two coders compared, transcript by transcript in reading
 * order (line, code, what differs, the quote), resolved ones marked with what the consensus kept. A click
 * shows the passage in its transcript.
 */
export class DisagreementsTree implements vscode.TreeDataProvider<DisagreementsNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<DisagreementsNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private view: vscode.TreeView<DisagreementsNode> | undefined;
  /** The same node object per key while a comparison is shown, so the view can reveal and select it. */
  private nodes = new Map<string, DisagreementsNode>();

  constructor(private readonly compare: CompareCoders) {
    this.disposables.push(compare.onDidChange(() => this.refresh()));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  attach(view: vscode.TreeView<DisagreementsNode>): void {
    this.view = view;
    this.describe();
  }

  /** The node of a listed disagreement (to reveal it in the view). */
  nodeOf(key: string): DisagreementsNode | undefined {
    return this.nodes.get(key);
  }

  getChildren(node?: DisagreementsNode): DisagreementsNode[] {
    const comparison = this.compare.comparison;
    if (!comparison || node?.kind === 'disagreement') return [];
    if (!node) {
      const transcripts = [...new Set(comparison.disagreements.map((d) => d.disagreement.transcript))];
      return transcripts.map((transcript) => this.node(`transcript:${transcript}`, { kind: 'transcript', transcript }));
    }
    return comparison.disagreements
      .filter((d) => d.disagreement.transcript === node.transcript)
      .map((d) => this.node(d.key, { kind: 'disagreement', key: d.key, transcript: node.transcript }));
  }

  getParent(node: DisagreementsNode): DisagreementsNode | undefined {
    return node.kind === 'disagreement' ? this.nodes.get(`transcript:${node.transcript}`) : undefined;
  }

  getTreeItem(node: DisagreementsNode): vscode.TreeItem {
    const comparison = this.compare.comparison;
    if (node.kind === 'transcript') return this.transcriptItem(node.transcript, comparison);
    const item = comparison?.disagreements.find((d) => d.key === node.key);
    return item && comparison ? disagreementItem(item, comparison) : new vscode.TreeItem('(gone)');
  }

  private transcriptItem(transcript: string, comparison: Comparison | undefined): vscode.TreeItem {
    const all = comparison?.disagreements.filter((d) => d.disagreement.transcript === transcript) ?? [];
    const settled = all.filter((d) => d.settlement.settled).length;
    const item = new vscode.TreeItem(
      transcript.slice(transcript.lastIndexOf('/') + 1),
      vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = `transcript:${transcript}`;
    item.description = `${all.length - settled} open${settled > 0 ? `, ${settled} resolved` : ''}`;
    item.tooltip = `${transcript}: ${all.length} disagreement${all.length === 1 ? '' : 's'}, ${settled} resolved`;
    item.iconPath = new vscode.ThemeIcon(settled === all.length ? 'pass' : 'file');
    item.contextValue = 'grounded.disagreement.transcript';
    return item;
  }

  private node(key: string, fresh: DisagreementsNode): DisagreementsNode {
    const known = this.nodes.get(key);
    if (known) return known;
    this.nodes.set(key, fresh);
    return fresh;
  }

  private refresh(): void {
    const keys = new Set(this.compare.comparison?.disagreements.map((d) => d.key));
    for (const [key, node] of this.nodes)
      if (node.kind === 'disagreement' ? !keys.has(key) : !this.compare.comparison) this.nodes.delete(key);
    this.describe();
    this.emitter.fire(undefined);
  }

  private describe(): void {
    if (!this.view) return;
    const comparison = this.compare.comparison;
    if (!comparison) {
      this.view.description = undefined;
      this.view.message = undefined;
      return;
    }
    const { first, second, disagreements } = comparison;
    const settled = disagreements.filter((d) => d.settlement.settled).length;
    this.view.description = `${FIRST_MARK} ${first} · ${SECOND_MARK} ${second} · ${settled} / ${disagreements.length} resolved`;
    this.view.message =
      disagreements.length === 0
        ? `${first} and ${second} agree on every segment of the ${comparison.compared.size} transcript(s) both coded.`
        : undefined;
  }
}

function disagreementItem(item: ComparedDisagreement, comparison: Comparison): vscode.TreeItem {
  const { disagreement: d, settlement } = item;
  const { first, second } = comparison;
  const code = comparison.study.codebook.codes.find((c) => c.id === d.code);
  const resolved = settlementPhrase(settlement, first, second);
  const quote = (d.first ?? d.second)?.quote ?? '';
  const tree = new vscode.TreeItem(`line ${d.line} · ${code?.name ?? d.code}`, vscode.TreeItemCollapsibleState.None);
  tree.id = item.key;
  tree.description = `${resolved ? `✓ ${resolved}` : kindPhrase(d, first, second)} · ${firstWords(quote, 50)}`;
  tree.tooltip = tooltipOf(item, comparison, code?.name ?? d.code);
  tree.iconPath = settlement.settled
    ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
    : new vscode.ThemeIcon(
        d.kind === 'boundary' ? 'arrow-both' : d.kind === 'first-only' ? 'arrow-left' : 'arrow-right',
      );
  tree.contextValue = `grounded.disagreement.${d.kind}${settlement.settled ? '.resolved' : ''}`;
  tree.command = {
    command: COMPARE_CODERS_COMMANDS.showDisagreement.id,
    title: 'Show Disagreement',
    arguments: [{ key: item.key }],
  };
  return tree;
}

function tooltipOf(item: ComparedDisagreement, comparison: Comparison, codeName: string): vscode.MarkdownString {
  const { disagreement: d, settlement } = item;
  const { first, second, consensus } = comparison;
  const markdown = new vscode.MarkdownString();
  markdown.appendText(`${codeName} — ${d.transcript}, line ${d.line}: ${kindPhrase(d, first, second)}\n\n`);
  for (const [mark, coder, side] of [
    [FIRST_MARK, first, d.first],
    [SECOND_MARK, second, d.second],
  ] as const) {
    markdown.appendText(
      side
        ? `${mark} ${coder} (${side.start}–${side.end}): “${firstWords(side.quote, 200)}”\n\n`
        : `${mark} ${coder}: —\n\n`,
    );
  }
  const resolved = settlementPhrase(settlement, first, second);
  markdown.appendText(
    resolved ? `Resolved in ${consensus}: ${resolved}` : `Not resolved yet (consensus coder: ${consensus})`,
  );
  return markdown;
}
