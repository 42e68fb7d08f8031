import * as vscode from 'vscode';
import type { Study } from '../../../core/study/study';
import type { GroundedServices } from '../../services';
import { registerCommand } from '../../shared/register-command';
import { addCode, addCodeInteractively, requireCodebook } from '../../shared/code-creation';
import { UserError } from '../../shared/errors';
import { toVscodeUri } from '../../platform/workspace-file-system';
import { runQuietly } from '../run-quietly';
import { reloadFresh } from '../../shared/fresh-reload';
import { shownStudies, studyLabel } from '../study-scope';
import type { CodebookNode, CodeNode } from './codebook-tree';

interface NewCodeArgs {
  readonly name: string;
  /** Parent code id (a category). */
  readonly parent: string;
  readonly definition: string;
  /** Any file or folder of the study. */
  readonly study: string;
}

function codeNode(arg: unknown): CodeNode | undefined {
  const node = arg as Partial<CodebookNode> | undefined;
  return node?.kind === 'code' && typeof node.id === 'string' && typeof node.study === 'string'
    ? (node as CodeNode)
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
  const forCode = (id: string, run: (node: CodeNode) => Thenable<unknown>) =>
    registerCommand(context, id, async (arg?: unknown) => {
      const node = codeNode(arg);
      if (!node) throw new UserError('Run this from a code in the Codebook view.');
      await runQuietly(() => run(node));
    });
  forCode('grounded.codebook.codeSelection', (node) =>
    vscode.commands.executeCommand('grounded.codeSelection', { codes: [node.id] }),
  );
  forCode('grounded.codebook.rename', (node) =>
    vscode.commands.executeCommand('grounded.renameCode', { id: node.id, study: node.study }),
  );
  forCode('grounded.codebook.recolor', (node) =>
    vscode.commands.executeCommand('grounded.recolorCode', { id: node.id, study: node.study }),
  );
  forCode('grounded.codebook.redefine', (node) =>
    vscode.commands.executeCommand('grounded.redefineCode', { id: node.id, study: node.study }),
  );
  forCode('grounded.codebook.move', (node) =>
    vscode.commands.executeCommand('grounded.moveCode', { id: node.id, study: node.study }),
  );
  forCode('grounded.codebook.merge', (node) => vscode.commands.executeCommand('grounded.mergeCodes', node.id));
  forCode('grounded.codebook.delete', (node) => vscode.commands.executeCommand('grounded.deleteCode', node.id));
  registerCommand(context, 'grounded.codebook.refresh', () => services.studies.reloadAll());

  const newCode = async (arg: unknown, parentFromNode: boolean): Promise<string | undefined> => {
    const node = codeNode(arg);
    const args = (node ? {} : typeof arg === 'object' && arg !== null ? arg : {}) as Partial<NewCodeArgs>;
    const study = await studyOf(services, node?.study ?? args.study);
    if (!study) return undefined;
    requireCodebook(study);
    const parent = parentFromNode ? node?.id : args.parent;
    if (parent !== undefined && !study.codebook.codes.some((c) => c.id === parent))
      throw new UserError(`There is no code "${parent}" to put the new code under.`);
    const fs = services.editorAwareFs;
    let id: string | undefined;
    if (typeof args.name === 'string') {
      ({ id } = await addCode(fs, study, args.name, {
        ...(parent ? { parent } : {}),
        ...(args.definition ? { definition: args.definition } : {}),
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
  registerCommand(context, 'grounded.newCode', (arg?: unknown) => newCode(arg, false));
  registerCommand(context, 'grounded.newChildCode', (arg?: unknown) => newCode(arg, true));
}

/** The study an argument names, the only study, or the one the person picks. */
export async function studyOf(services: GroundedServices, hint: string | undefined): Promise<Study | undefined> {
  if (hint !== undefined) {
    const study = await services.studies.studyFor(toVscodeUri(hint));
    if (!study) throw new UserError(`${hint} is not in a study of this workspace.`);
    return study;
  }
  const editor = vscode.window.activeTextEditor;
  // An untitled or virtual document (no file path) belongs to no study.
  const active =
    editor && !editor.document.isUntitled
      ? await services.studies.studyFor(editor.document.uri).catch(() => undefined)
      : undefined;
  const shown = await shownStudies(services.studies);
  if (active && shown.some((s) => s.root === active.root)) return active;
  if (shown.length === 1) return shown[0];
  if (shown.length === 0) {
    if (active) return active;
    throw new UserError('There is no Grounded study in this workspace: run "Grounded: Create a Study Here" first.');
  }
  const picked = await vscode.window.showQuickPick(
    shown.map((study) => ({
      label: studyLabel(study),
      description: vscode.workspace.asRelativePath(toVscodeUri(study.root)),
      study,
    })),
    { title: 'Which study?' },
  );
  return picked?.study;
}
