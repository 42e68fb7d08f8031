import * as vscode from 'vscode';
import { encodeUtf8, joinUri } from '../../../core/index';
import type { GroundedServices } from '../../services';
import { codesInTreeOrder, categoryLabel } from '../../shared/code-tree';
import { codeIcon } from '../../shared/code-icons';
import { UserError } from '../../shared/errors';
import { toVscodeUri } from '../../platform/workspace-file-system';
import { bindCommands, commandArgs } from '../../shared/register-command';
import { whichStudy } from '../../shared/which-study';
import { MEMO_COMMANDS } from '../commands';
import { localDate, memoFileName, memoText } from './memo-file';

/** How many "-2", "-3" … suffixes to try before giving up on a free memo file name. */
const MAX_NAME_ATTEMPTS = 50;

/** grounded.newMemo and grounded.openCodeMemo. */
export function registerMemoCommands(services: GroundedServices): void {
  const { context } = services;

  /** A script passes { title, codes, study, open } (open: false writes the file without opening it). */
  const newMemo = async (arg?: unknown): Promise<string | undefined> => {
    const given = commandArgs(arg);
    // From a code in the Codebook view: a memo about that code.
    const codeItemId = given.viewItem('code')?.id;
    const fromCode = typeof codeItemId === 'string' ? codeItemId : undefined;
    const args = commandArgs(fromCode === undefined ? arg : undefined);
    const study = await whichStudy(services.studies, given.study());
    if (!study) return undefined;
    const scriptedTitle = args.string('title');
    const scriptedCodes = args.unknown('codes');
    const title =
      scriptedTitle !== undefined
        ? scriptedTitle.trim()
        : (
            await vscode.window.showInputBox({
              title: 'New memo',
              prompt: 'Title of the memo',
              placeHolder: 'e.g. Rejecting the assigned mentor as agency',
              validateInput: (v) => (v.trim() ? undefined : 'A memo needs a title'),
            })
          )?.trim();
    if (!title) return undefined;
    let codes = Array.isArray(scriptedCodes)
      ? scriptedCodes.map(String)
      : fromCode !== undefined
        ? [fromCode]
        : undefined;
    if (codes === undefined) {
      const picked = await vscode.window.showQuickPick(
        codesInTreeOrder(study.codebook).map(({ code, path }) => ({
          label: code.name,
          description: categoryLabel(path) || undefined,
          iconPath: codeIcon(code),
          id: code.id,
        })),
        {
          title: `Codes "${title}" is about (optional: Enter without ticking any for none)`,
          canPickMany: true,
          matchOnDescription: true,
        },
      );
      if (!picked) return undefined;
      codes = picked.map((p) => p.id);
    }
    const unknown = codes.filter((id) => !study.codebook.codes.some((c) => c.id === id));
    if (unknown.length > 0) throw new UserError(`Not in the codebook: ${unknown.join(', ')}`);
    const date = localDate();
    const folder = joinUri(study.root, study.settings.memos);
    if (study.outside?.includes(folder))
      throw new UserError(
        `The memo folder "${study.settings.memos}" leads outside the study folder through a symbolic link; Grounded does not write there.`,
      );
    let uri: string | undefined;
    for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS && uri === undefined; attempt++) {
      const candidate = joinUri(folder, memoFileName(date, title, attempt));
      if ((await services.fs.stat(candidate)) === undefined) uri = candidate;
    }
    if (uri === undefined)
      throw new UserError(`There are already ${MAX_NAME_ATTEMPTS} memos named like "${title}" today.`);
    await services.fs.writeFile(uri, encodeUtf8(memoText(title, codes, date)));
    // No reload here: the file watcher's reload lists the memo, and nothing waits for it (a study load is the
    // slowest thing Grounded does).
    if (args.unknown('open') !== false) {
      const editor = await vscode.window.showTextDocument(toVscodeUri(uri), { preview: false });
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
    }
    return uri;
  };

  const openCodeMemo = async (arg?: unknown): Promise<void> => {
    const args = commandArgs(arg);
    const [id, root] = [args.string('id'), args.study()];
    if (id === undefined || root === undefined) throw new UserError('grounded.openCodeMemo needs { id, study }.');
    const study = await whichStudy(services.studies, root);
    if (!study) return;
    const document = await vscode.workspace.openTextDocument(toVscodeUri(study.codebookUri));
    const line = codeLine(document.getText(), id);
    const position = new vscode.Position(line, 0);
    const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  bindCommands(context, MEMO_COMMANDS, { newMemo, openCodeMemo });
}

/** 0-based line of a code's `memo:` key in codebook.yaml (else of its `- id:` line, else the top). */
export function codeLine(text: string, id: string): number {
  const lines = text.split(/\r?\n/);
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const idLine = new RegExp(`^\\s*-\\s*id:\\s*(["']?)${escaped}\\1\\s*(#.*)?$`);
  const start = lines.findIndex((line) => idLine.test(line));
  if (start < 0) return 0;
  for (
    let i = start + 1;
    i < lines.length && !/^\s*-\s/.test(lines[i] as string) && /^\s/.test(lines[i] as string);
    i++
  ) {
    if (/^\s*memo:/.test(lines[i] as string)) return i;
  }
  return start;
}
