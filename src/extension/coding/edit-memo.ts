import * as vscode from 'vscode';
import type { Coding } from '../../core/index';
import { chooseCoding } from '../shared/coding-choice';
import { placeOf, type CodingContext } from './coding-context';
import { commandArgs } from '../shared/register-command';
import { transcriptTarget } from '../shared/transcript-target';

/**
 * grounded.editMemo: writes the memo of the coding under the cursor (prefilled; empty removes it). A script
 * passes `{ uri, id (the coding), memo ("" removes it) }`.
 */
export function editMemo(context: CodingContext) {
  return async (arg?: unknown): Promise<Coding | undefined> => {
    const args = commandArgs(arg);
    const target = await transcriptTarget(context.services, args.uri());
    const chosen = await chooseCoding(target, args.string('id'), 'write a memo for');
    if (!chosen) return undefined;
    let memo = args.string('memo');
    if (memo === undefined) {
      memo = await vscode.window.showInputBox({
        title: `Memo on the ${chosen.coding.code} coding`,
        prompt: 'Why this code here, doubts, links to other passages. Empty removes the memo.',
        value: chosen.coding.memo ?? '',
        ignoreFocusOut: true,
      });
      if (memo === undefined) return undefined;
    }
    return context.actions.edit(
      placeOf(target, chosen.coding.by),
      chosen.coding,
      { memo: memo.trim() },
      `editing a memo`,
    );
  };
}
