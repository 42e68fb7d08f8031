import * as vscode from 'vscode';
import type { CodeRelation } from '../../../core/index';
import { commandArgs } from '../../shared/register-command';
import { relationSentence } from '../../shared/relation-text';
import { codebookStudy, type CodebookContext } from '../codebook-context';
import { chooseRelation } from './relation-arg';
import { saveRelationMemo } from './relation-edits';
import type { RelationPicks } from './relation-picks';

/**
 * grounded.editRelationMemo: why two codes relate, in the researcher's words. An empty memo removes it. A
 * script passes `{ study, from, type, to, memo }`.
 */
export function editRelationMemo(context: CodebookContext, picks: RelationPicks) {
  return async (arg?: unknown): Promise<CodeRelation | undefined> => {
    const study = await codebookStudy(context, arg);
    if (!study) return undefined;
    const relation = await chooseRelation(study, arg, picks, 'Edit the memo of which relation?');
    if (!relation) return undefined;
    const args = commandArgs(arg);
    const sentence = relationSentence(study.codebook, study.settings.relationTypes, relation);
    const memo =
      args.string('memo') ??
      (await picks.input({
        title: `Memo: ${sentence}`,
        prompt: 'Why these codes relate, and where the data shows it (empty: no memo)',
        value: relation.memo ?? '',
      }));
    if (memo === undefined) return undefined;
    const trimmed = memo.trim();
    await saveRelationMemo(context, study, relation, trimmed === '' ? undefined : trimmed);
    vscode.window.setStatusBarMessage(
      `Grounded: ${trimmed === '' ? 'removed the memo of' : 'saved the memo of'} ${sentence}`,
      5000,
    );
    const { memo: _old, ...rest } = relation;
    return trimmed === '' ? rest : { ...rest, memo: trimmed };
  };
}
