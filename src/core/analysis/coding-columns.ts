import { hasInt32Offsets } from '../agreement/ranges';
import { codeNumbersOf, type DataCoding, type StudyData } from './study-data';

/**
 * Facts of every coding of data.codings as small integers, one typed array each, read in one pass over the
 * codings. The per-code loops and sweeps of a report then read these instead of following each coding to
 * its object and looking up its code's string: a big study's 100,000 codings lie scattered in memory, and
 * each string lookup compares a coding's own copy of the code id character by character.
 */
export interface CodingColumns {
  /** A number for every code id and every member of data.codes. */
  readonly codeKeys: ReadonlyMap<string, number>;
  /** codeKeys' number of the coding's code; -1 when it is neither a code nor a member of one. */
  readonly code: Int32Array;
  /** Index of the coding's transcript path among the distinct paths of data.codings, in order met. */
  readonly transcript: Int32Array;
  /** How many distinct transcript paths data.codings has. */
  readonly transcripts: number;
  /**
   * Each coding's start and end offsets: the sweeps over the codings compare them many times. As 32-bit integers
   * when every offset is one (every loaded study's: a text is shorter than 2^31 code points): read before the
   * sweeps are optimized, an Int32Array gives small integers where a Float64Array gives a number boxed on the heap
   * for each read.
   */
  readonly start: Int32Array | Float64Array;
  readonly end: Int32Array | Float64Array;
}

/** The columns of data.codings, worked out once per StudyData (a value: its codings never change). */
export function codingColumns(data: StudyData): CodingColumns {
  let columns = computed.get(data);
  if (columns === undefined) computed.set(data, (columns = computeColumns(data)));
  return columns;
}

const computed = new WeakMap<StudyData, CodingColumns>();

function computeColumns(data: StudyData): CodingColumns {
  const codeKeys = new Map<string, number>();
  const number = (id: string) => {
    if (!codeKeys.has(id)) codeKeys.set(id, codeKeys.size);
  };
  for (const code of data.codes) {
    number(code.id);
    code.members.forEach(number);
  }
  // Each coding's code key from its code's number: one lookup per code, not per coding.
  const numbers = codeNumbersOf(data);
  const keyOf = new Int32Array(numbers.ids.length);
  for (let n = 0; n < numbers.ids.length; n++) keyOf[n] = codeKeys.get(numbers.ids[n] as string) ?? -1;
  const pathIndex = new Map<string, number>();
  const code = new Int32Array(data.codings.length);
  const transcript = new Int32Array(data.codings.length);
  // A transcript's codings follow one another: its path is looked up once per run of them.
  let last: DataCoding['transcript'] | undefined;
  let at = -1;
  for (let i = 0; i < data.codings.length; i++) {
    const c = data.codings[i] as DataCoding;
    code[i] = keyOf[numbers.of[i] as number] as number;
    if (c.transcript !== last) {
      last = c.transcript;
      const path = last.path;
      let found = pathIndex.get(path);
      if (found === undefined) pathIndex.set(path, (found = pathIndex.size));
      at = found;
    }
    transcript[i] = at;
  }
  return { codeKeys, code, transcript, transcripts: pathIndex.size, ...offsetsOf(data.codings) };
}

/** The codings' offsets, as 32-bit integers when they all are one (see CodingColumns.start). */
function offsetsOf(codings: readonly DataCoding[]): {
  start: Int32Array | Float64Array;
  end: Int32Array | Float64Array;
} {
  const narrow = codings.every((c) => hasInt32Offsets(c.coding));
  const start = narrow ? new Int32Array(codings.length) : new Float64Array(codings.length);
  const end = narrow ? new Int32Array(codings.length) : new Float64Array(codings.length);
  for (let i = 0; i < codings.length; i++) {
    const coding = (codings[i] as DataCoding).coding;
    start[i] = coding.start;
    end[i] = coding.end;
  }
  return { start, end };
}
