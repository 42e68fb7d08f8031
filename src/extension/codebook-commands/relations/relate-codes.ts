import * as vscode from 'vscode';
import type { CodeRelation, Study } from '../../../core/index';
import { UserError } from '../../shared/errors';
import { commandArgs } from '../../shared/register-command';
import { relationSentence } from '../../shared/relation-text';
import { codebookStudy, type CodebookContext } from '../codebook-context';
import { codeItems, typeItems, type RelationPicks } from './relation-picks';
import { relate } from './relation-edits';

/**
 * grounded.relateCodes: three quick picks, from → type → to, each typed into and answered with Enter. From
 * the Codebook view's menu the code is the "from"; a drop of one code onto another gives both codes, so
 * only the type is asked. A script passes `{ study, from, type, to, memo? }` and is asked nothing.
 */
export function relateCodes(context: CodebookContext, picks: RelationPicks) {
  return async (arg?: unknown): Promise<CodeRelation | undefined> => {
    const args = commandArgs(arg);
    const study = await codebookStudy(context, arg);
    if (!study) return undefined;
    const types = study.settings.relationTypes;
    if (types.length === 0)
      throw new UserError(
        'grounded.yaml lists no relation types: add some under relationTypes, or remove the key for the default set.',
      );
    const viewCode = args.viewItem('code')?.id;
    const fromId = args.string('from') ?? (typeof viewCode === 'string' ? viewCode : undefined);
    const from =
      fromId !== undefined
        ? codeOf(study, fromId)
        : (
            await picks.pick(codeItems(study), {
              title: 'Relate Codes: from which code?',
              placeholder: 'Type to search codes and definitions',
              step: { at: 1, of: 3 },
            })
          )?.code;
    if (!from) return undefined;
    const typeId =
      args.string('type') ??
      (
        await picks.pick(typeItems(types, from.name), {
          title: `Relate "${from.name}": how?`,
          placeholder: 'Type to search the relation types',
          step: { at: 2, of: 3 },
        })
      )?.type.id;
    if (typeId === undefined) return undefined;
    if (!types.some((t) => t.id === typeId))
      throw new UserError(`"${typeId}" is not a relation type of this study (${types.map((t) => t.id).join(', ')}).`);
    const toId = args.string('to');
    const to =
      toId !== undefined
        ? codeOf(study, toId)
        : (
            await picks.pick(codeItems(study, new Set([from.id])), {
              title: `"${from.name}" ${typeId}… which code?`,
              placeholder: 'Type to search codes and definitions',
              step: { at: 3, of: 3 },
            })
          )?.code;
    if (!to) return undefined;
    const memo = args.string('memo');
    const relation: CodeRelation = { from: from.id, type: typeId, to: to.id, ...(memo ? { memo } : {}) };
    await relate(context, study, relation);
    vscode.window.setStatusBarMessage(`Grounded: related ${relationSentence(study.codebook, types, relation)}`, 5000);
    return relation;
  };
}

function codeOf(study: Study, id: string) {
  const code = study.codebook.codes.find((c) => c.id === id);
  if (!code) throw new UserError(`There is no code "${id}" in the codebook.`);
  return code;
}
