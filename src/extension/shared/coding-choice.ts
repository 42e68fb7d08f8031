import * as vscode from 'vscode';
import { codingsAt } from '../../core/index';
import type { LiveCoding } from '../study/live-codings';
import { codeIcon } from './code-icons';
import { UserError } from './errors';
import type { TranscriptTarget } from './transcript-target';

/** A coding of the target by id (scripts), or the one under the cursor (asking when several overlap). */
export async function chooseCoding(
  target: TranscriptTarget,
  id: string | undefined,
  action: string,
): Promise<LiveCoding | undefined> {
  if (id !== undefined) {
    const found = target.codings.find((live) => live.coding.id === id);
    if (!found)
      throw new UserError(`There is no coding ${id} in ${vscode.workspace.asRelativePath(target.document.uri)}.`);
    return found;
  }
  const selection = target.editor?.selection;
  if (!selection) throw new UserError(`Put the cursor on a coded passage to ${action} its coding.`);
  const under = codingsAt(
    target.codings.map((live) => ({ live, start: live.coding.start, end: live.coding.end })),
    target.text.fromRange(selection),
  ).map((hit) => hit.live);
  if (under.length === 0) throw new UserError(`There is no coding under the cursor to ${action}.`);
  if (under.length === 1) return under[0];
  return pickCoding(target, under, `Which coding do you want to ${action}?`);
}

export async function pickCoding(
  target: TranscriptTarget,
  codings: readonly LiveCoding[],
  title: string,
): Promise<LiveCoding | undefined> {
  const items = codings.map((live) => codingItem(target, live));
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true });
  return picked?.live;
}

export function codingItem(target: TranscriptTarget, live: LiveCoding): vscode.QuickPickItem & { live: LiveCoding } {
  const code = target.study.codebook.codes.find((c) => c.id === live.coding.code);
  return {
    label: code?.name ?? live.coding.code,
    description: `“${shorten(live.coding.quote)}”`,
    detail: [live.coding.by, live.coding.memo ? `memo: ${shorten(live.coding.memo)}` : undefined, live.coding.status]
      .filter(Boolean)
      .join(' · '),
    iconPath: code ? codeIcon(code) : new vscode.ThemeIcon('warning'),
    live,
  };
}

export function shorten(text: string, length = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > length ? `${oneLine.slice(0, length - 1)}…` : oneLine;
}
