import { transcriptPassages, turnSpan, type Passage } from '../../core/index';
import { UserError } from '../shared/errors';
import { selectedRanges, type TranscriptTarget } from '../shared/transcript-target';

export type SuggestionScope = 'selection' | 'turn' | 'transcript';

/** The passages a suggestion command asks about, in the editor's current text. */
export function passagesFor(target: TranscriptTarget, scope: SuggestionScope): Passage[] {
  const { text } = target.text;
  const base = { transcript: target.transcript.path, text, map: target.text.map };
  if (scope === 'transcript')
    return transcriptPassages(target.transcript.path, text).map((p) => ({ ...p, map: target.text.map }));
  if (scope === 'selection') {
    const ranges = selectedRanges(target);
    if (ranges.length === 0)
      throw new UserError('Select a passage first: Suggest Codes for Selection asks about the selected text only.');
    return ranges.map((range) => ({ ...base, ...range }));
  }
  const cursor = target.editor?.selection.active;
  const offset = cursor ? target.text.toOffset(cursor) : 0;
  const turn = turnSpan(text, { start: offset, end: offset });
  if (!turn) throw new UserError('Put the cursor in a speaker turn first (a blank line is in no turn).');
  return [{ ...base, ...turn }];
}
