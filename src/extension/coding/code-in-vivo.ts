import type { Coding } from '../../core/index';
import { addCode } from '../shared/code-creation';
import { codeRanges, rangesToCode } from './code-selection';
import type { CodingContext } from './coding-context';
import { UserError } from '../shared/errors';
import { commandArgs } from '../shared/register-command';
import { transcriptTarget } from '../shared/transcript-target';

/** In-vivo code names are the participant's words; past this many characters it is a quote, not a code. */
const MAX_NAME = 80;

/**
 * grounded.codeInVivo: the selected words become a code (name = the words, id = their slug) and the
 * passage is coded with it. Words that already name a code reuse it.
 */
export function codeInVivo(context: CodingContext) {
  return async (arg?: unknown): Promise<Coding[] | undefined> => {
    const args = commandArgs(arg);
    const target = await transcriptTarget(context.services, args.uri());
    const ranges = rangesToCode(target, args.spans('ranges'), false);
    const added: Coding[] = [];
    for (const range of ranges) {
      const name = target.text.map.slice(range.start, range.end).replace(/\s+/g, ' ').trim();
      if (!name) continue;
      if ([...name].length > MAX_NAME)
        throw new UserError(
          `In-vivo codes are a few of the participant's words; the selection has ${[...name].length} characters (at most ${MAX_NAME}).`,
        );
      // addCode reads the codebook fresh; the coding below reloads the study, codebook included.
      const { id } = await addCode(context.fs, target.study, name);
      const codings = await codeRanges(context, target, [range], [id], `in-vivo code "${name}"`);
      if (!codings) return undefined;
      added.push(...codings);
      await context.recent.note(target.study.root, [id]);
    }
    return added;
  };
}
