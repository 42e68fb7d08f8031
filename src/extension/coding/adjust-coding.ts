import * as vscode from 'vscode';
import { type Coding, sentenceSpan, type Span, trimSpan, turnSpan } from '../../core/index';
import { chooseCoding, shorten } from '../shared/coding-choice';
import { placeOf, type CodingContext } from './coding-context';
import { UserError } from '../shared/errors';
import { commandArgs } from '../shared/register-command';
import { transcriptTarget, type TranscriptTarget } from '../shared/transcript-target';

const ADJUST_TO = ['selection', 'sentence', 'turn'] as const;
type AdjustTo = (typeof ADJUST_TO)[number];

const LABELS: Record<AdjustTo, string> = {
  selection: 'to the selection',
  sentence: 'to the sentence',
  turn: 'to the speaker turn',
};

/**
 * grounded.adjustCoding: moves a coding's bounds to the selection, its sentence(s) or its speaker turn(s). For a
 * coding that needs review it is also the confirmation: the new (or the same) bounds take their quote from the
 * text and the flag and the kept original words go. A script passes `{ uri, id (the coding), to, range }`
 * (range: for `to: 'selection'`, the new code-point range; default: the editor's selection).
 */
export function adjustCoding(context: CodingContext) {
  return async (arg?: unknown): Promise<Coding | undefined> => {
    const args = commandArgs(arg);
    const target = await transcriptTarget(context.services, args.uri());
    const chosen = await chooseCoding(target, args.string('id'), 'adjust');
    const range = args.span('range');
    if (!chosen) return undefined;
    const { coding } = chosen;
    let to = args.oneOf('to', ADJUST_TO);
    if (to === undefined) {
      const options = ADJUST_TO.flatMap((kind) => {
        const span = spanFor(target, coding, kind, range, false);
        return span
          ? [
              {
                label: `Adjust ${LABELS[kind]}`,
                detail: `“${shorten(target.text.map.slice(span.start, span.end), 120)}”`,
                to: kind,
              },
            ]
          : [];
      });
      const picked = await vscode.window.showQuickPick(options, {
        title: `Adjust the ${coding.code} coding “${shorten(coding.quote, 40)}”`,
      });
      if (!picked) return undefined;
      to = picked.to;
    }
    if (!Object.hasOwn(LABELS, to)) throw new UserError(`"to" must be one of ${Object.keys(LABELS).join(', ')}`);
    const span = spanFor(target, coding, to, range, true) as Span;
    // The same bounds change nothing, except for a flagged coding: there they are the person's confirmation
    // (the edit takes the quote from the text and clears the flag).
    if (span.start === coding.start && span.end === coding.end && coding.status === undefined) return coding;
    return context.actions.edit(
      placeOf(target, coding.by),
      coding,
      span,
      `adjusting a ${coding.code} coding ${LABELS[to]}`,
    );
  };
}

function spanFor(
  target: TranscriptTarget,
  coding: Coding,
  to: AdjustTo,
  range: Span | undefined,
  strict: boolean,
): Span | undefined {
  const text = target.text.text;
  let span: Span | undefined;
  if (to === 'selection') {
    const selection =
      range ?? (target.editor ? trimSpan(text, target.text.fromRange(target.editor.selection)) : undefined);
    span = selection && selection.end > selection.start ? selection : undefined;
    if (!span && strict) throw new UserError('Select the new extent of the coding first.');
    const unchanged = span !== undefined && span.start === coding.start && span.end === coding.end;
    if (unchanged && !strict && coding.status === undefined) return undefined;
  } else {
    span = to === 'sentence' ? sentenceSpan(text, coding) : turnSpan(text, coding);
    if (!span && strict)
      throw new UserError(`The coding is not inside a ${to === 'sentence' ? 'sentence' : 'speaker turn'}.`);
  }
  return span;
}
