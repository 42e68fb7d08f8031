import { problem, type Problem, type Study } from '../core/index';
import { LineIndex } from './line-index';

/**
 * Codings whose quote is not the text at their offsets although the sidecar claims the current text hash.
 * The loader trusts the offsets when the hash matches (it only checks they are in range), so a hand-edited
 * or badly merged sidecar would otherwise pass unnoticed and retrieve the wrong passage.
 */
export function quoteMismatches(study: Study): Problem[] {
  const problems: Problem[] = [];
  for (const transcript of study.transcripts) {
    if (transcript.sidecars.length === 0) continue;
    const lines = new LineIndex(transcript.text);
    for (const { uri, sidecar, lineOf } of transcript.sidecars) {
      for (const coding of sidecar.codings) {
        if (coding.status !== undefined) continue; // flagged codings keep their old quote on purpose
        if (lines.slice(coding.start, coding.end) === coding.quote) continue;
        problems.push(
          problem(
            uri,
            lineOf.get(coding.id) ?? 0,
            5,
            'quote-mismatch',
            `coding ${coding.id} (${coding.code}): the text at ${coding.start}–${coding.end} is not its quote`,
            'fix start/end, or delete the textHash line so Grounded re-anchors the coding by its quote',
          ),
        );
      }
    }
  }
  return problems;
}
