/** What Mark Transcript as Coded / Not Coded did, by file name (free of `vscode`, so it is unit-tested). */
export interface MarkingOutcome {
  /** Which command ran: marking coded (true) or not coded (false). */
  readonly coded: boolean;
  readonly coder: string;
  /** Transcripts whose sidecar was created (coded) or removed (not coded). */
  readonly changed: readonly string[];
  /** Transcripts already in that state: nothing written. */
  readonly unchanged: readonly string[];
  /** Why a transcript was left as it was (a sidecar with codings, a file that does not load, a lock). */
  readonly refusals: readonly string[];
  /** Selected files that are no transcript of a study. */
  readonly notTranscripts: readonly string[];
}

/**
 * The status-bar line for what went through, and an error message when anything was refused or skipped (it
 * repeats what went through, so a multi-file run that is partly refused still says what it did).
 */
export function summarizeMarking(outcome: MarkingOutcome): { done?: string; error?: string } {
  const done = doneLine(outcome);
  const problems = [...outcome.refusals];
  if (outcome.notTranscripts.length > 0)
    problems.push(
      `${list(outcome.notTranscripts)} ${outcome.notTranscripts.length === 1 ? 'is' : 'are'} not a transcript of a study (see "transcripts" in grounded.yaml).`,
    );
  if (problems.length === 0) return done === undefined ? {} : { done };
  return { ...(done === undefined ? {} : { done }), error: [...(done ? [`${done}.`] : []), ...problems].join(' ') };
}

function doneLine({ coded, coder, changed, unchanged }: MarkingOutcome): string | undefined {
  const state = coded ? `coded by ${coder}` : `not coded by ${coder}`;
  const total = changed.length + unchanged.length;
  if (total === 0) return undefined;
  if (total === 1) {
    const [name] = [...changed, ...unchanged];
    if (changed.length === 1)
      return coded
        ? `${name} marked as ${state} (an empty sidecar: read, nothing applies)`
        : `${name} marked as ${state} (its empty sidecar was removed)`;
    return `${name} was already ${state}`;
  }
  const already =
    unchanged.length > 0 ? ` (${unchanged.length} already ${unchanged.length === 1 ? 'was' : 'were'})` : '';
  return `${total} transcripts marked as ${state}${already}`;
}

function list(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
