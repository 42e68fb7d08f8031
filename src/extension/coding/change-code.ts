import type { Coding } from '../../core/index';
import { pickCodes } from '../shared/code-picker';
import { chooseCoding } from '../shared/coding-choice';
import { idsForChoices, placeOf, requireKnownCodes, type CodingContext } from './coding-context';
import { commandArgs } from '../shared/register-command';
import { transcriptTarget } from '../shared/transcript-target';

/**
 * grounded.changeCode: gives the coding under the cursor another code (same passage, same id). A script
 * passes `{ uri, id (the coding), code }`.
 */
export function changeCode(context: CodingContext) {
  return async (arg?: unknown): Promise<Coding | undefined> => {
    const args = commandArgs(arg);
    const target = await transcriptTarget(context.services, args.uri());
    const chosen = await chooseCoding(target, args.string('id'), 'change');
    if (!chosen) return undefined;
    let code = args.string('code');
    if (code !== undefined) {
      requireKnownCodes(target.study, [code]);
    } else {
      const current = target.study.codebook.codes.find((c) => c.id === chosen.coding.code)?.name ?? chosen.coding.code;
      const choices = await pickCodes(target.study, {
        title: `Change code "${current}" to…`,
        allowCreate: true,
        exclude: new Set([chosen.coding.code]),
        recent: context.recent.get(target.study.root),
      });
      const ids = choices && (await idsForChoices(context, target.study, choices));
      code = ids?.[0];
      if (code === undefined) return undefined;
      await context.recent.note(target.study.root, [code]);
    }
    return context.actions.edit(
      placeOf(target, chosen.coding.by),
      chosen.coding,
      { code },
      `changing a coding from ${chosen.coding.code} to ${code}`,
    );
  };
}
