import type { FileSystemPort, Study } from '../../core/index';
import type { GroundedServices } from '../services';
import type { CodingActions, CodingPlace } from './coding-actions';
import type { RecentCodes } from './recent-codes';
import type { UndoStack } from '../shared/undo-stack';
import type { TranscriptTarget } from '../shared/transcript-target';
import { addCodeInteractively } from '../shared/code-creation';
import type { CodeChoice } from '../shared/code-picker';
import { UserError } from '../shared/errors';

/** What every coding command shares. */
export interface CodingContext {
  readonly services: GroundedServices;
  /** Routes open Grounded files through their editors (see EditorAwareFileSystem). */
  readonly fs: FileSystemPort;
  readonly actions: CodingActions;
  readonly recent: RecentCodes;
  readonly undo: UndoStack;
}

export function placeOf(target: TranscriptTarget, coder: string): CodingPlace {
  return { study: target.study, transcript: target.text, coder };
}

/**
 * Code ids for picked choices, creating the new ones (asking for a definition). Undefined: cancelled.
 * No reload here: the coding that follows reloads the study once, codebook included.
 */
export async function idsForChoices(
  context: CodingContext,
  study: Study,
  choices: readonly CodeChoice[],
): Promise<string[] | undefined> {
  const ids: string[] = [];
  for (const choice of choices) {
    if ('id' in choice) {
      ids.push(choice.id);
      continue;
    }
    const id = await addCodeInteractively(context.fs, study, choice.newName);
    if (id === undefined) return undefined;
    ids.push(id);
  }
  return [...new Set(ids)];
}

/** Code ids a script passed must be in the codebook: a typo would otherwise create codings of no code. */
export function requireKnownCodes(study: Study, ids: readonly string[]): void {
  const known = new Set(study.codebook.codes.map((code) => code.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new UserError(
      `Not in the codebook: ${unknown.join(', ')}. Add the code first (or pick "Create new code" in Grounded: Code Selection).`,
    );
}
