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
  // The count of a whole study is the longest stretch of a load without file reads between: `pause` lets the
  // caller's event loop run between transcripts.
  const index: IdIndex = { uses: new Map(), shared: 0 };
  for (const transcript of transcripts) {
    if (pause) await pause();
    forEachId(transcript, (id) => count(index, id));
  }
  idIndexes.set(transcripts, index);
  return index.shared === 0 ? [] : placesOfShared(root, transcripts);
}

/**
 * The same for a study in which `replaced` transcripts (the study's objects) became `reloaded` ones, keeping
 * the rest: the ids of the study before are counted already, so only the changed sidecars' ids are counted
 * again — a reload after one coding in a study of 100,000 codings, not a pass over all of them. Without a
 * count of `before` (made by the load or reload that built it) it counts everything.
 */
export async function sharedCodingIdProblemsAfterReload(
  root: string,
  before: readonly StudyTranscript[],
  replaced: readonly StudyTranscript[],
  reloaded: readonly StudyTranscript[],
  after: readonly StudyTranscript[],
  pause?: () => Promise<void>,
): Promise<Problem[]> {
  const index = idIndexes.get(before);
  if (index === undefined) return sharedCodingIdProblems(root, after, pause);
  // The count moves to the study after: reloading the one before again counts from scratch.
  idIndexes.delete(before);
  for (const transcript of replaced) forEachId(transcript, (id) => uncount(index, id));
  for (const transcript of reloaded) forEachId(transcript, (id) => count(index, id));
  idIndexes.set(after, index);
  return index.shared === 0 ? [] : placesOfShared(root, after);
}

/** How many codings use each id, and how many ids more than one uses (almost always none). */
interface IdIndex {
  readonly uses: Map<string, number>;
  shared: number;
}

/** By a study's list of transcripts (a loaded study is a value: its list never changes). */
const idIndexes = new WeakMap<readonly StudyTranscript[], IdIndex>();

function forEachId(transcript: StudyTranscript, visit: (id: string) => void): void {
  for (const loaded of transcript.sidecars) for (const coding of loaded.sidecar.codings) visit(coding.id);
}

function count(index: IdIndex, id: string): void {
  const uses = (index.uses.get(id) ?? 0) + 1;
  index.uses.set(id, uses);
  if (uses === 2) index.shared++;
}

function uncount(index: IdIndex, id: string): void {
  const uses = (index.uses.get(id) ?? 0) - 1;
  if (uses <= 0) index.uses.delete(id);
  else index.uses.set(id, uses);
  if (uses === 1) index.shared--;
}

/** A problem at each place of each id used more than once (gathered only when there is one). */
function placesOfShared(root: string, transcripts: readonly StudyTranscript[]): Problem[] {
  const seen = new Set<string>();
  let shared: Set<string> | undefined;
  for (const transcript of transcripts) {
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
