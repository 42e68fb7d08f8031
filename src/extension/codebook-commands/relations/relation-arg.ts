import { type CodeRelation, relationsOf, type Study } from '../../../core/index';
import { UserError } from '../../shared/errors';
import { commandArgs } from '../../shared/register-command';
import { relationItems, type RelationPicks } from './relation-picks';

/**
 * The relation a command acts on: the Codebook view's relation item, a script's `{ from, type, to }`, or
 * one the person picks (those of the code a menu passed first). Undefined: cancelled.
 */
export async function chooseRelation(
  study: Study,
  arg: unknown,
  picks: RelationPicks,
  title: string,
): Promise<CodeRelation | undefined> {
  const args = commandArgs(arg);
  const item = args.viewItem('relation');
  const from = typeof item?.from === 'string' ? item.from : args.string('from');
  const type = typeof item?.type === 'string' ? item.type : args.string('type');
  const to = typeof item?.to === 'string' ? item.to : args.string('to');
  const relations = relationsOf(study.codebook);
  if (from !== undefined && type !== undefined && to !== undefined) {
    const found = relations.find((r) => r.from === from && r.type === type && r.to === to);
    if (!found) throw new UserError(`The codebook has no relation "${from}" ${type} "${to}" (any more).`);
    return found;
  }
  const code = args.viewItem('code')?.id;
  const items = relationItems(study, typeof code === 'string' ? code : undefined);
  if (items.length === 0)
    throw new UserError(
      typeof code === 'string'
        ? 'This code has no relations yet.'
        : 'The codebook has no relations yet: use Relate Codes… first.',
    );
  return (await picks.pick(items, { title, placeholder: 'Type to search relations and memos' }))?.relation;
}
