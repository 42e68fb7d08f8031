import type { ParticipantCoverage } from './report-types';

/**
 * The words every prevalence figure is read against, shared by `grounded stats`, the reports and the
 * analysis panel so they all name the same denominator and give the same reasons for who is left out.
 */

type Coverage = Pick<ParticipantCoverage, 'notCoded' | 'withoutTranscript' | 'uncoded'>;

/** The commands (CLI and editor) that record "read, nothing applies" for a transcript. */
export const MARK_CODED_HINT =
  '`grounded mark --coded FILES…` (or `--all --by CODER`), in the editor "Grounded: Mark Transcript as Coded"';

/**
 * Who the denominator of code prevalence is: "coded participants" while uncoded transcripts are missing;
 * "interviewed participants" when `uncoded: absent` counts participants nobody coded as 0.
 */
export function denominatorNoun(coverage: Coverage): string {
  return coverage.uncoded === 'absent' && coverage.notCoded > 0 ? 'interviewed participants' : 'coded participants';
}

/** "10 of 25 coded participants". */
export function prevalenceOf(participants: number, total: number, coverage: Coverage): string {
  return `${participants} of ${total} ${denominatorNoun(coverage)}`;
}

const people = (n: number) => (n === 1 ? '1 participant' : `${n} participants`);

/**
 * Who is not in the denominator of code figures (or is in it as 0), why, and what to do: empty when every
 * participant of the analysis has coded transcripts. `coders` are the included coders, named in the reason.
 */
export function denominatorNotes(coverage: Coverage, coders: readonly string[]): string[] {
  const notes: string[] = [];
  const by = coders.length === 0 ? 'any coder' : coders.join(' or ');
  if (coverage.notCoded > 0 && coverage.uncoded === 'missing') {
    notes.push(
      `${people(coverage.notCoded)} left out as not coded: no sidecar by ${by} for their transcripts, so their codes are unknown. If those transcripts were read and nothing applies, mark them coded: ${MARK_CODED_HINT}. If every transcript has been read, \`analysis.uncoded: absent\` in grounded.yaml (or \`--uncoded absent\`) counts them as not having the codes.`,
    );
  }
  if (coverage.notCoded > 0 && coverage.uncoded === 'absent') {
    notes.push(
      `${people(coverage.notCoded)} with transcripts not coded by ${by} count as not having the codes (\`analysis.uncoded: absent\`); with \`--uncoded missing\` they are left out instead.`,
    );
  }
  if (coverage.withoutTranscript > 0) {
    notes.push(
      `${people(coverage.withoutTranscript)} without a transcript (survey only) left out of code figures under either \`analysis.uncoded\` setting: not interviewed is not "absent".`,
    );
  }
  return notes;
}
