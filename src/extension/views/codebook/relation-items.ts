import * as vscode from 'vscode';
import { relationsOf, type Study } from '../../../core/index';
import { isDirected, relationFrom, relationSentence } from '../../shared/relation-text';

/** A relation between two codes, listed under `code` (one of its ends). `from`/`type`/`to` name it for the relation commands. */
export interface RelationNode {
  readonly kind: 'relation';
  readonly study: string;
  readonly code: string;
  readonly from: string;
  readonly type: string;
  readonly to: string;
}

/** The relations listed under a code: every relation with the code at either end, in the codebook's order. */
export function relationNodes(study: Study, code: string): RelationNode[] {
  return relationsOf(study.codebook)
    .filter((r) => r.from === code || r.to === code)
    .map((r) => ({ kind: 'relation', study: study.root, code, from: r.from, type: r.type, to: r.to }));
}

/** A code's relations as the tooltip lists them ("causes → Silence", "← Hierarchy causes"). */
export function relationLines(study: Study, code: string): string[] {
  const types = study.settings.relationTypes;
  return relationsOf(study.codebook)
    .filter((r) => r.from === code || r.to === code)
    .map((r) => relationFrom(study.codebook, types, r, code) + (r.memo ? ` (${r.memo})` : ''));
}

/** A relation under one of its codes: read from that code, its memo beside it (plain text: the researcher's words). */
export function relationTreeItem(study: Study, node: RelationNode): vscode.TreeItem {
  const types = study.settings.relationTypes;
  const relation = relationsOf(study.codebook).find(
    (r) => r.from === node.from && r.type === node.type && r.to === node.to,
  );
  const shown = relation ?? { from: node.from, type: node.type, to: node.to };
  const item = new vscode.TreeItem(relationFrom(study.codebook, types, shown, node.code));
  item.id = `relation:${study.root}#${node.code}|${node.from}|${node.type}|${node.to}`;
  item.iconPath = new vscode.ThemeIcon(
    !isDirected(types, node.type) ? 'arrow-both' : node.from === node.code ? 'arrow-right' : 'arrow-left',
  );
  if (relation?.memo) item.description = relation.memo.split('\n')[0];
  const sentence = relationSentence(study.codebook, types, shown);
  item.tooltip = relation?.memo ? `${sentence}\n\nMemo: ${relation.memo}` : `${sentence}\n\nNo memo yet.`;
  item.contextValue = 'grounded.relation';
  item.accessibilityInformation = { label: `Relation: ${sentence}${relation?.memo ? `. Memo: ${relation.memo}` : ''}` };
  return item;
}
