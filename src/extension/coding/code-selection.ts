import { type Coding, sentenceSpan, trimSpan } from '../../core/index';
import { pickCodes } from '../shared/code-picker';
import { idsForChoices, placeOf, requireKnownCodes, type CodingContext } from './coding-context';
import { UserError } from '../shared/errors';
import { commandArgs } from '../shared/register-command';
import { selectedRanges, transcriptTarget, type TranscriptTarget } from '../shared/transcript-target';

/**
 * The ranges to code: a script's ranges as given; the editor's selections without stray edge spaces, and
 * for a bare cursor (when `cursorSentence`) the sentence it is in — so several cursors code several
 * sentences at once.
 */
export function rangesToCode(
  target: TranscriptTarget,
  scripted: readonly { start: number; end: number }[] | undefined,
  cursorSentence = true,
): { start: number; end: number }[] {
  const text = target.text.text;
  const ranges = scripted
    ? selectedRanges(target, scripted)
    : (target.editor?.selections ?? []).flatMap((selection) => {
        const range = target.text.fromRange(selection);
        if (range.end > range.start) return [trimSpan(text, range)];
        const sentence = cursorSentence ? sentenceSpan(text, range) : undefined;
        return sentence ? [sentence] : [];
      });
  const nonEmpty = ranges.filter((range) => range.end > range.start);
  if (nonEmpty.length === 0)
    throw new UserError(
      cursorSentence
        ? 'Select the passage to code, or put the cursor in a sentence (several selections or cursors are coded together).'
        : 'Select the words to code first.',
    );
  return nonEmpty;
}

/** Codes every selection with the given codes, notes them as recently used, returns the new codings. */
export async function codeRanges(
  context: CodingContext,
  target: TranscriptTarget,
  ranges: readonly { start: number; end: number }[],
  codes: readonly string[],
  label: string,
): Promise<Coding[] | undefined> {
  const coder = await context.services.coder.coderId();
  if (!coder) return undefined;
  const additions = ranges.flatMap((range) => codes.map((code) => ({ code, start: range.start, end: range.end })));
  return context.actions.add(placeOf(target, coder), additions, label);
}

/** grounded.codeSelection: pick one or more codes (or create one) and code the selection(s). */
export function codeSelection(context: CodingContext) {
  return async (arg?: unknown): Promise<Coding[] | undefined> => {
    // A script passes { uri, ranges (code points; default: the selections), codes (ids; skip the picker) }.
    const args = commandArgs(arg);
    const target = await transcriptTarget(context.services, args.uri());
    const ranges = rangesToCode(target, args.spans('ranges'));
    const scriptedCodes = args.strings('codes');
    let codes = scriptedCodes ? [...scriptedCodes] : undefined;
    if (codes) {
      requireKnownCodes(target.study, codes);
    } else {
      const choices = await pickCodes(target.study, {
        title: ranges.length > 1 ? `Code ${ranges.length} selections` : 'Code selection',
        canPickMany: true,
        allowCreate: true,
        recent: context.recent.get(target.study.root),
      });
      if (!choices) return undefined;
      codes = await idsForChoices(context, target.study, choices);
      if (!codes) return undefined;
    }
    if (codes.length === 0) return undefined;
    const added = await codeRanges(context, target, ranges, codes, `coding with ${codes.join(', ')}`);
    await context.recent.note(target.study.root, codes);
    return added;
  };
}
