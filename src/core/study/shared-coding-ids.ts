import { problem, type Problem } from '../problems';
import { relativeUri } from '../uri';
import type { StudyTranscript } from './study';

/** The kind of the problems below: the partial reload recomputes them over the whole study. */
export const SHARED_CODING_ID = 'duplicate-coding-id';

/**
 * A coding id used in more than one sidecar (a sidecar copied by hand, a bad merge): both codings load, but
 * whatever finds a coding by its id (removing it, a memo, a jump from the analysis) may act on the wrong
 * one. Reported at each place, naming the others. Within one sidecar the parser already refuses it.
 */
export async function sharedCodingIdProblems(
  root: string,
  transcripts: readonly StudyTranscript[],
  pause?: () => Promise<void>,
): Promise<Problem[]> {
  // One pass that only remembers ids (100,000 codings in a big study, almost never a shared id); the places
  // are gathered only for the ids found twice. It is the longest stretch of a load without file reads between.
  const seen = new Set<string>();
  let shared: Set<string> | undefined;
  for (const transcript of transcripts) {
    if (pause) await pause();
    for (const loaded of transcript.sidecars) {
      for (const coding of loaded.sidecar.codings) {
        if (seen.size === seen.add(coding.id).size) (shared ??= new Set()).add(coding.id);
      }
    }
  }
  if (shared === undefined) return [];
  const places = new Map<string, { uri: string; line: number }[]>();
  for (const transcript of transcripts) {
    for (const loaded of transcript.sidecars) {
      for (const coding of loaded.sidecar.codings) {
        if (!shared.has(coding.id)) continue;
        const place = { uri: loaded.uri, line: loaded.lineOf.get(coding.id) ?? 0 };
        const at = places.get(coding.id);
        if (at) at.push(place);
        else places.set(coding.id, [place]);
      }
    }
  }
  const problems: Problem[] = [];
  for (const [id, at] of places) {
    for (const place of at) {
      const others = at
        .filter((other) => other !== place)
        .map((other) => `${relativeUri(root, other.uri) ?? other.uri}:${other.line}`);
      problems.push(
        problem(
          place.uri,
          place.line,
          place.line > 0 ? 5 : 0,
          SHARED_CODING_ID,
          `coding id "${id}" is also used in ${others.join(', ')}`,
          'give one of the codings a new id (any string not used elsewhere); both codings are kept',
          'warning',
        ),
      );
    }
  }
  return problems;
}
