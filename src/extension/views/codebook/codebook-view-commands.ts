import * as vscode from 'vscode';
import type { GroundedServices } from '../../services';
import { bindCommands, commandArgs } from '../../shared/register-command';
import { CODEBOOK_VIEW_COMMANDS } from '../commands';
import { addCode, addCodeInteractively, requireCodebook } from '../../shared/code-creation';
import { UserError } from '../../shared/errors';
import { runQuietly } from '../run-quietly';
import { reloadFresh } from '../../shared/fresh-reload';
import { whichStudy } from '../../shared/which-study';
import type { CodeNode } from './codebook-tree';

/** The code item of the Codebook view a menu passed, if it was one. */
function codeNode(arg: unknown): CodeNode | undefined {
  const item = commandArgs(arg).viewItem('code');
  return typeof item?.id === 'string' && typeof item.study === 'string'
    ? { kind: 'code', id: item.id, study: item.study }
    : undefined;
}

/**
 * The Codebook view's item and title actions. Item actions hand the code to the codebook and coding
 * commands (which own the edits and their checks); merge and delete pass the bare id so those commands
 * ask for confirmation as they do from the palette.
 */
export function registerCodebookViewCommands(
  services: GroundedServices,
  reveal: (node: CodeNode) => Promise<void>,
): void {
  const { context } = services;
  const forCode = (run: (node: CodeNode) => Thenable<unknown>) => async (arg?: unknown) => {
    const node = codeNode(arg);
    if (!node) throw new UserError('Run this from a code in the Codebook view.');
    await runQuietly(() => run(node));
  };
  const byId = (command: string) => forCode((node) => vscode.commands.executeCommand(command, node.id));
  const withStudy = (command: string) =>
    forCode((node) => vscode.commands.executeCommand(command, { id: node.id, study: node.study }));

  const newCode = async (arg: unknown, parentFromNode: boolean): Promise<string | undefined> => {
    const node = codeNode(arg);
    // From a code item, the script's fields do not apply.
    const args = commandArgs(node ? undefined : arg);
    const study = await whichStudy(services.studies, node?.study ?? args.study());
    if (!study) return undefined;
    requireCodebook(study);
    const parent = parentFromNode ? node?.id : args.string('parent');
    if (parent !== undefined && !study.codebook.codes.some((c) => c.id === parent))
      throw new UserError(`There is no code "${parent}" to put the new code under.`);
    const fs = services.editorAwareFs;
    let id: string | undefined;
    const scriptedName = args.string('name');
    const definition = args.string('definition');
    if (scriptedName !== undefined) {
      ({ id } = await addCode(fs, study, scriptedName, {
        ...(parent ? { parent } : {}),
        ...(definition ? { definition } : {}),
      }));
    } else {
      const parentName = parent === undefined ? undefined : study.codebook.codes.find((c) => c.id === parent)?.name;
      const names = new Set(study.codebook.codes.map((c) => c.name));
      const name = await vscode.window.showInputBox({
        title: parentName ? `New code under "${parentName}"` : 'New code',
        prompt: 'Name of the code (its id is made from the name and never changes)',
        validateInput: (value) =>
          value.trim() === ''
            ? 'A code needs a name'
            : names.has(value.trim())
              ? 'A code with this name exists already'
              : undefined,
      });
      if (name === undefined) return undefined;
      id = await addCodeInteractively(fs, study, name, parent ? { parent } : {});
    }
    if (id === undefined) return undefined;
    await reloadFresh(services.studies, study.root, (fresh) => fresh.codebook.codes.some((c) => c.id === id));
    await reveal({ kind: 'code', id, study: study.root });
    return id;
  };

  bindCommands(context, CODEBOOK_VIEW_COMMANDS, {
    newCode: (arg?: unknown) => newCode(arg, false),
    newChildCode: (arg?: unknown) => newCode(arg, true),
    codebookCodeSelection: forCode((node) =>
      vscode.commands.executeCommand('grounded.codeSelection', { codes: [node.id] }),
    ),
    codebookRename: withStudy('grounded.renameCode'),
    codebookRecolor: withStudy('grounded.recolorCode'),
    codebookRedefine: withStudy('grounded.redefineCode'),
    codebookMove: withStudy('grounded.moveCode'),
    // merge and delete get the bare id, so they ask for confirmation as from the palette
    codebookMerge: byId('grounded.mergeCodes'),
    codebookDelete: byId('grounded.deleteCode'),
    codebookRefresh: () => services.studies.reloadAll(),
  });
}
