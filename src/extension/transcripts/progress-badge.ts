import type { TranscriptProgress } from '../../core/index';

/** Explorer badges hold two characters at most. */
const BADGE_CAP = 99;

/** Coded by the person at the keyboard, with no coding in the transcript: "read, nothing applies". */
export const CODED_NOTHING_APPLIES = '✓';
/** Coded by someone else, not yet by the person at the keyboard: still on their list. */
export const CODED_BY_OTHERS_ONLY = '○';

/** What the explorer shows for one transcript, free of `vscode` (explorer-badges.ts turns it into a decoration). */
export interface ProgressBadge {
  /** Undefined: no badge (nobody has coded the transcript). */
  readonly badge?: string;
  readonly tooltip: string;
  /** Some codings need review: the badge is coloured as a warning. */
  readonly needsReview: boolean;
}

/**
 * The badge of a transcript, from `me`'s point of view (the coder the coding commands write as):
 *  - coded by me: the number of codings in it (everyone's), or ✓ when there are none (nothing applies);
 *  - coded by others only: ○ (still to do for me);
 *  - coded by nobody: no badge.
 * The tooltip names each coder with their number of codings, me first: "Coded by amara (12), jonas (0:
 * nothing applies)". Without a known coder (`me` undefined) a transcript coded by anyone counts as coded.
 */
export function progressBadge(progress: TranscriptProgress, review: number, me: string | undefined): ProgressBadge {
  const needsReview = review > 0;
  const reviewNote = needsReview ? `; ${review} need${review === 1 ? 's' : ''} review` : '';
  if (progress.codedBy.length === 0) return { tooltip: 'Not coded yet', needsReview };
  const coders =
    me !== undefined && progress.codedBy.includes(me)
      ? [me, ...progress.codedBy.filter((coder) => coder !== me)]
      : progress.codedBy;
  const who = coders.map((coder) => codedByNote(coder, progress.codings[coder] ?? 0)).join(', ');
  if (me !== undefined && !progress.codedBy.includes(me))
    return {
      badge: CODED_BY_OTHERS_ONLY,
      tooltip: `Not coded by ${me} yet; coded by ${who}${reviewNote}`,
      needsReview,
    };
  const total = progress.codedBy.reduce((sum, coder) => sum + (progress.codings[coder] ?? 0), 0);
  return {
    badge: total === 0 ? CODED_NOTHING_APPLIES : String(Math.min(total, BADGE_CAP)),
    tooltip: `Coded by ${who}${reviewNote}`,
    needsReview,
  };
}

function codedByNote(coder: string, codings: number): string {
  return `${coder} (${codings === 0 ? '0: nothing applies' : codings})`;
}
