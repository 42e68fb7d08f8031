import type { Coding } from '../../core/index';
import { chooseCoding } from '../shared/coding-choice';
import { placeOf, type CodingContext } from './coding-context';
import { commandArgs } from '../shared/register-command';
import { transcriptTarget } from '../shared/transcript-target';

/**
 * grounded.removeCoding: removes the coding under the cursor (asking which when several overlap). A script
 * passes `{ uri, id (the coding) }`.
 */
export function removeCoding(context: CodingContext) {
  return async (arg?: unknown): Promise<Coding[] | undefined> => {
    const args = commandArgs(arg);
    const target = await transcriptTarget(context.services, args.uri());
    const chosen = await chooseCoding(target, args.string('id'), 'remove');
    if (!chosen) return undefined;
    // The coding lives in its coder's sidecar, which may be another coder's.
    return context.actions.remove(
      placeOf(target, chosen.coding.by),
      new Set([chosen.coding.id]),
      `removing a ${chosen.coding.code} coding`,
    );
  };
}
