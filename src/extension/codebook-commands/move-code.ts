import * as vscode from 'vscode';
import { type Code, descendantsOf } from '../../core/index';
import { codeIcon } from '../shared/code-icons';
import { categoryLabel, codesInTreeOrder } from '../shared/code-tree';
import { chooseCode, codebookStudy, updateCode, type CodebookContext } from './codebook-context';
import { commandArgs } from '../shared/register-command';

/** grounded.moveCode: puts a code under another code (a category, for axial coding) or at the top level. */
export function moveCode(context: CodebookContext) {
  return async (arg?: unknown): Promise<Code | undefined> => {
    const args = commandArgs(arg);
    const study = await codebookStudy(context, arg);
    if (!study) return undefined;
    const code = await chooseCode(context, study, args.codeId(), 'Move which code?');
    if (!code) return undefined;
    // `parent: null` moves the code to the top level.
    let parent = args.unknown('parent') === null ? null : args.string('parent');
    if (parent === undefined) {
      const below = descendantsOf(study.codebook, code.id);
      const items = [
        { label: '$(arrow-up) Top level', description: 'no category', parent: null as string | null },
        ...codesInTreeOrder(study.codebook)
          .filter(({ code: candidate }) => !below.has(candidate.id))
          .map(({ code: candidate, path }) => ({
            label: candidate.name,
            description: [categoryLabel(path), candidate.id === code.parent ? '(current)' : '']
              .filter(Boolean)
              .join(' '),
            iconPath: codeIcon(candidate),
            parent: candidate.id as string | null,
          })),
      ];
      const picked = await vscode.window.showQuickPick(items, {
        title: `Move "${code.name}" under…`,
        matchOnDescription: true,
      });
      if (!picked) return undefined;
      parent = picked.parent;
    }
    return updateCode(context, study, code.id, { parent: parent ?? null });
  };
}
