import * as vscode from 'vscode';
import { codingsAt, nextCodingStart } from '../../core/index';
import type { CodingContext } from './coding-context';
import { UserError } from '../shared/errors';
import { commandArgs } from '../shared/register-command';
import { transcriptTarget } from '../shared/transcript-target';

/**
 * grounded.nextCoding / previousCoding / nextCodingSameCode: moves the cursor to the start of the next
 * (previous) coding, wrapping around, and reveals it. Returns the new code-point offset. A script passes
 * `{ uri, code }` (code: for nextCodingSameCode, the code to follow; default: the code under the cursor).
 */
export function navigateCodings(context: CodingContext, direction: 'next' | 'previous', sameCode: boolean) {
  return async (arg?: unknown): Promise<number | undefined> => {
    const args = commandArgs(arg);
    const target = await transcriptTarget(context.services, args.uri());
    const editor = target.editor ?? (await vscode.window.showTextDocument(target.document));
    const cursor = target.text.toOffset(editor.selection.active);
    let codings = target.codings.map((live) => live.coding);
    if (sameCode) {
      const code = args.string('code') ?? codingsAt(codings, { start: cursor, end: cursor })[0]?.code;
      if (code === undefined)
        throw new UserError('Put the cursor on a coded passage to go to the next passage with the same code.');
      codings = codings.filter((coding) => coding.code === code);
    }
    const start = nextCodingStart(codings, cursor, direction);
    if (start === undefined) {
      void vscode.window.showInformationMessage('This transcript has no codings yet.');
      return undefined;
    }
    const position = target.text.toPosition(start);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return start;
  };
}
