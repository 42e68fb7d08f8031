import type { StudyData } from './study-data';

/**
 * Facts of every coding of data.codings as small integers, one typed array each, read in one pass over the
 * codings. The per-code loops of a report then read these instead of following each coding to its object,
 * its code's string and its transcript: a big study's 100,000 codings lie scattered in memory, and visiting
 * them code by code costs a cache miss per visit.
 */
export interface CodingColumns {
  /** Index in data.codes of the code the coding is of (its own code, not a category above it); -1: none. */
  readonly code: Int32Array;
  /** Index of the coding's transcript path among the distinct paths of data.codings. */
  readonly transcript: Int32Array;
  /** How many distinct transcript paths data.codings has. */
  readonly transcripts: number;
}

/** The columns of data.codings, worked out once per StudyData (a value: its codings never change). */
export function codingColumns(data: StudyData): CodingColumns {
  let columns = computed.get(data);
  if (columns === undefined) computed.set(data, (columns = computeColumns(data)));
  return columns;
}

const computed = new WeakMap<StudyData, CodingColumns>();

function computeColumns(data: StudyData): CodingColumns {
  // The first code of an id, as Array.prototype.findIndex would give (code ids are unique in a report).
  const codeIndex = new Map<string, number>();
  data.codes.forEach((code, index) => {
    if (!codeIndex.has(code.id)) codeIndex.set(code.id, index);
  });
  const pathIndex = new Map<string, number>();
  const code = new Int32Array(data.codings.length);
  const transcript = new Int32Array(data.codings.length);
  data.codings.forEach((c, i) => {
    code[i] = codeIndex.get(c.coding.code) ?? -1;
    const path = c.transcript.path;
    let at = pathIndex.get(path);
    if (at === undefined) pathIndex.set(path, (at = pathIndex.size));
    transcript[i] = at;
  });
  return { code, transcript, transcripts: pathIndex.size };
}
