import * as vscode from 'vscode';
import type { GroundedServices } from '../services';
import { toVscodeUri } from '../platform/workspace-file-system';
import { UserError } from '../shared/errors';
import { bindCommands, commandArgs } from '../shared/register-command';
import { REVEAL_CODING_COMMANDS } from './commands';

/** Where a coding is: its transcript and code-point offsets (as loaded), and its id to find it live. */
export interface CodingPlace {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly codingId?: string;
}

/**
 * grounded.revealCoding: opens the transcript and selects the coded passage. An open transcript may hold
 * unsaved edits, so the live offsets of the coding (by id) win over the ones loaded from disk.
 */
export function registerRevealCoding(services: GroundedServices): void {
  const revealCoding = async (arg?: unknown): Promise<vscode.Range> => {
    const args = commandArgs(arg);
    const [uri, start, end] = [args.string('uri'), args.number('start'), args.number('end')];
    if (uri === undefined || start === undefined || end === undefined)
      throw new UserError('grounded.revealCoding needs { uri, start, end }.');
    const codingId = args.string('codingId');
    const place: CodingPlace = { uri, start, end, ...(codingId === undefined ? {} : { codingId }) };
    const document = await vscode.workspace.openTextDocument(toVscodeUri(place.uri));
    const editor = await vscode.window.showTextDocument(document, { preview: true, preserveFocus: false });
    const live = services.live.get(document) ?? (await services.live.track(document));
    const current =
      place.codingId === undefined
        ? undefined
        : live?.codings.find((entry) => entry.coding.id === place.codingId)?.coding;
    const text = live?.text ?? services.texts.of(document);
    const range = text.toRange(current?.start ?? place.start, current?.end ?? place.end);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return range;
  };
  bindCommands(services.context, REVEAL_CODING_COMMANDS, { revealCoding });
}
