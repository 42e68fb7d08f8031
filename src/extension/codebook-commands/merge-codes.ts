import * as vscode from 'vscode';
import { codebookEdits, descendantsOf, mergeCodes as mergeInCore, sidecarUrisNow } from '../../core/index';
import { commandArgs } from '../shared/register-command';
import { reloadFresh } from '../shared/fresh-reload';
import { chooseCode, codebookStudy, requireAllSidecarsLoad, usageOf, type CodebookContext } from './codebook-context';

/**
 * grounded.mergeCodes: every coding of one code moves to another (duplicates on the same passage are
 * dropped), then the first code leaves the codebook; its children move under the second. A script passes
 * `{ from, into }` and is not asked to confirm.
 */
export function mergeCodes(context: CodebookContext) {
  return async (arg?: unknown): Promise<{ from: string; into: string; moved: number } | undefined> => {
    const args = commandArgs(arg);
    const study = await codebookStudy(context, arg);
    if (!study) return undefined;
    requireAllSidecarsLoad(study);
    const from = await chooseCode(
      context,
      study,
      args.string('from') ?? args.codeId(),
      'Merge which code (it will be removed)?',
    );
    if (!from) return undefined;
    const into = await chooseCode(
      context,
      study,
      args.string('into'),
      `Merge "${from.name}" into…`,
      descendantsOf(study.codebook, from.id),
    );
    if (!into) return undefined;
    codebookEdits.merge(study.codebook, from.id, into.id); // explains an impossible merge before any question
    if (!args.fromScript) {
      const usage = await usageOf(context, study, from.id);
      const go = 'Merge';
      const answer = await vscode.window.showWarningMessage(
        `Merge "${from.name}" into "${into.name}"?`,
        {
          modal: true,
          detail: `${usage.codings} coding(s) in ${usage.files} file(s) get the code "${into.name}", and "${from.name}" is removed from the codebook.`,
        },
        go,
      );
      if (answer !== go) return undefined;
    }
    const moved = await mergeInCore(
      context.fs,
      study.codebookUri,
      () => sidecarUrisNow(context.fs, study),
      from.id,
      into.id,
      study.codebook,
      study.settings.relationTypes,
    );
    await reloadFresh(
      context.services.studies,
      study.root,
      (loaded) => !loaded.codebook.codes.some((c) => c.id === from.id),
    );
    vscode.window.setStatusBarMessage(`Grounded: merged "${from.name}" into "${into.name}" (${moved} coding(s))`, 5000);
    return { from: from.id, into: into.id, moved };
  };
}
