import * as vscode from 'vscode';
import { codebookEdits, deleteCode as deleteInCore, relationsOfCode, sidecarUrisNow } from '../../core/index';
import { UserError } from '../shared/errors';
import { commandArgs } from '../shared/register-command';
import { reloadFresh } from '../shared/fresh-reload';
import { chooseCode, codebookStudy, requireAllSidecarsLoad, usageOf, type CodebookContext } from './codebook-context';

/**
 * grounded.deleteCode: removes a code from the codebook; its children move up. Refused while codings use
 * it, unless the person confirms deleting them too in a modal warning (or merges instead); likewise while
 * relations use it, unless the person confirms removing them. A script passes `{ id, force: true }` to delete
 * the codings too and `{ id, removeRelations: true }` to remove its relations.
 */
export function deleteCode(context: CodebookContext) {
  return async (arg?: unknown): Promise<{ deleted: string; codings: number; relations: number } | undefined> => {
    const args = commandArgs(arg);
    const study = await codebookStudy(context, arg);
    if (!study) return undefined;
    requireAllSidecarsLoad(study);
    const code = await chooseCode(context, study, args.codeId(), 'Delete which code?');
    if (!code) return undefined;
    let removeRelations = args.unknown('removeRelations') === true;
    const relations = relationsOfCode(study.codebook, code.id);
    if (relations.length > 0 && !removeRelations) {
      const refusal = `"${code.name}" is in ${relations.length} relation(s) with other codes: nothing was deleted. Remove them first, or confirm removing them with the code.`;
      if (args.fromScript) throw new UserError(refusal);
      const remove = 'Delete Code and Relations';
      const answer = await vscode.window.showWarningMessage(
        `"${code.name}" is in ${relations.length} relation(s) with other codes.`,
        { modal: true, detail: 'Deleting the code removes those relations (and their memos) from codebook.yaml too.' },
        remove,
      );
      if (answer !== remove) return undefined;
      removeRelations = true;
    }
    codebookEdits.remove(study.codebook, code.id, removeRelations);
    const usage = await usageOf(context, study, code.id);
    let force = args.unknown('force') === true;
    if (usage.codings > 0 && !force) {
      const refusal = `"${code.name}" is used by ${usage.codings} coding(s) in ${usage.files} file(s): nothing was deleted. Merge it into another code, or confirm deleting its codings too.`;
      if (args.fromScript) throw new UserError(refusal);
      const merge = 'Merge Into Another Code…';
      const remove = 'Delete Code and Codings';
      const answer = await vscode.window.showWarningMessage(
        `"${code.name}" is used by ${usage.codings} coding(s) in ${usage.files} file(s).`,
        {
          modal: true,
          detail: 'Deleting the code deletes those codings too. Merging keeps the passages coded with another code.',
        },
        merge,
        remove,
      );
      if (answer === merge) {
        await vscode.commands.executeCommand('grounded.mergeCodes', code.id);
        return undefined;
      }
      if (answer !== remove) return undefined;
      force = true;
    }
    const { codings: removed, relations: removedRelations } = await deleteInCore(
      context.fs,
      study.codebookUri,
      () => sidecarUrisNow(context.fs, study),
      code.id,
      usage.codings,
      force,
      study.codebook,
      removeRelations,
    );
    await reloadFresh(
      context.services.studies,
      study.root,
      (loaded) => !loaded.codebook.codes.some((c) => c.id === code.id),
    );
    vscode.window.setStatusBarMessage(
      `Grounded: deleted "${code.name}"${removed > 0 ? `, ${removed} coding(s)` : ''}${removedRelations.length > 0 ? `, ${removedRelations.length} relation(s)` : ''}`,
      5000,
    );
    return { deleted: code.id, codings: removed, relations: removedRelations.length };
  };
}
