import { codingProgress, describeProgress, type Study } from '../../../core/index';

/** What the Codings view says about coding progress, free of `vscode` (codings-tree.ts shows it). */
export interface CodingsViewProgress {
  /** The view's message: the study's progress, "38 / 44 coded by amara, 10 / 44 by jonas". */
  readonly message: string;
  /** Appended to the view's description when the current coder has not coded the transcript shown. */
  readonly notCoded?: string;
}

/**
 * The study's coding progress, the current coder listed even before their first transcript, and whether
 * they have coded the transcript shown (a sidecar of theirs exists, an empty one included). Without a known
 * coder, the progress of those who have coded.
 */
export function codingsViewProgress(
  study: Study,
  transcriptUri: string,
  coder: string | undefined,
): CodingsViewProgress {
  const progress = codingProgress(study, coder === undefined ? [] : [coder]);
  const message = describeProgress(progress);
  if (coder === undefined) return { message };
  const shown = progress.transcripts.find((transcript) => transcript.uri === transcriptUri);
  return shown === undefined || shown.codedBy.includes(coder)
    ? { message }
    : { message, notCoded: `not coded by ${coder}` };
}
