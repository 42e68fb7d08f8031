import * as vscode from 'vscode';
import type { CodeRelation } from '../../../core/index';
import { commandArgs } from '../../shared/register-command';
import { relationSentence } from '../../shared/relation-text';
import { codebookStudy, type CodebookContext } from '../codebook-context';
import { chooseRelation } from './relation-arg';
import { unrelate } from './relation-edits';
import type { RelationPicks } from './relation-picks';

/**
 * grounded.removeRelation: takes a relation out of the codebook. One with a memo asks first (the memo goes
 * with it); a script passes `{ study, from, type, to }` and is not asked.
 */
export function removeRelation(context: CodebookContext, picks: RelationPicks) {
  return async (arg?: unknown): Promise<CodeRelation | undefined> => {
    const study = await codebookStudy(context, arg);
    if (!study) return undefined;
    const relation = await chooseRelation(study, arg, picks, 'Remove which relation?');
    if (!relation) return undefined;
    const sentence = relationSentence(study.codebook, study.settings.relationTypes, relation);
    if (relation.memo && !commandArgs(arg).fromScript) {
      const remove = 'Remove';
      const answer = await vscode.window.showWarningMessage(
        `Remove the relation ${sentence}?`,
        { modal: true, detail: `Its memo goes with it: "${relation.memo}"` },
        remove,
      );
      if (answer !== remove) return undefined;
    }
    await unrelate(context, study, relation);
    vscode.window.setStatusBarMessage(`Grounded: removed ${sentence}`, 5000);
    return relation;
  };
}
