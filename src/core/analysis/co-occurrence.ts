import type { CoOccurrence } from './report-types';
import { codingColumns, type CodingColumns } from './coding-columns';
import type { ParticipantRecord, StudyData } from './study-data';

/**
 * Co-occurrence of every pair of codes, skipping a code paired with its own ancestor (a category trivially
 * co-occurs with its children). Overlap: two codings by the same coder in the same transcript sharing at
 * least one character (orphaned codings have no trustworthy offsets and are left out). Participants: both
 * codes anywhere in the participant's coded transcripts; Jaccard = both / either.
 *
 * Computed in one sweep per sidecar rather than per pair of codes (48 codes, 100,000 codings: 1,128 pairs
 * each visiting the codings of both codes was two seconds): the overlapping pairs of codings are found
 * once, sorted by start, and each is credited to every pair of codes that contain its two codes. Two
 * codes that are not each other's ancestor share no member, so a pair of codings is credited to a pair
 * of codes at most once, exactly as counting codings of the one against codings of the other does.
 */
export function coOccurrence(data: StudyData): CoOccurrence[] {
  const sweep = overlapSweep(data, undefined, 0);
  return pairsOf(
    data,
    sweep.related,
    data.records.filter((r) => r.codesKnown),
    sweep.pooled,
  );
}

/**
 * Overlapping pairs of codings counted by pair of codes (index p·n + q, p < q), and the transcripts they
 * are in. The sweep visits a transcript's sidecars one after the other, so a pair's transcripts are counted
 * without a set: a new one is a transcript other than the last one the pair was credited in.
 */
export interface PairOverlaps {
  readonly overlaps: Int32Array;
  readonly transcripts: Int32Array;
  /** 1 + the number of the last transcript the pair was credited in (0: none yet). */
  readonly lastTranscript: Int32Array;
}

function emptyOverlaps(n: number): PairOverlaps {
  return { overlaps: new Int32Array(n * n), transcripts: new Int32Array(n * n), lastTranscript: new Int32Array(n * n) };
}

function credit(into: PairOverlaps, pair: number, transcript: number): void {
  into.overlaps[pair] = (into.overlaps[pair] as number) + 1;
  if (into.lastTranscript[pair] !== transcript + 1) {
    into.lastTranscript[pair] = transcript + 1;
    into.transcripts[pair] = (into.transcripts[pair] as number) + 1;
  }
}

/**
 * The overlap counts of every pair of codes, pooled and, when `levelOf` gives each coding's group (an index
 * below `levels`, or -1 for none), within each group: a pair of codings counts for a group when both are
 * the group's, which is what sweeping the group's codings alone would find.
 */
export function overlapSweep(
  data: StudyData,
  levelOf: Int32Array | undefined,
  levels: number,
): { related: Uint8Array; pooled: PairOverlaps; byLevel: PairOverlaps[] } {
  const codes = data.codes;
  const n = codes.length;
  const related = relatedPairs(data);
  const columns = codingColumns(data);
  // By code key: the codes whose members include it (a coding's own code and the categories above it).
  const containing = Array.from({ length: columns.codeKeys.size }, (): number[] => []);
  codes.forEach((code, index) => {
    for (const member of code.members) (containing[columns.codeKeys.get(member) as number] as number[]).push(index);
  });

  const pooled = emptyOverlaps(n);
  const byLevel = Array.from({ length: levels }, () => emptyOverlaps(n));
  // Offsets read once per coding (CodingColumns), rather than per comparison through each coding object.
  const { start, end } = columns;
  const groups = sidecarGroups(data, columns, containing);
  groups.forEach((sidecars, transcript) => {
    for (const group of sidecars) {
      // Stable: codings starting at the same offset keep their order, as sorting the codings would.
      group.sort((x, y) => (start[x] as number) - (start[y] as number));
      for (let i = 0; i < group.length; i++) {
        const x = group[i] as number;
        const xEnd = end[x] as number;
        const ofX = containing[columns.code[x] as number] as number[];
        for (let j = i + 1; j < group.length; j++) {
          const y = group[j] as number;
          if ((start[y] as number) >= xEnd) break; // sorted by start: no later coding begins inside x
          if (!((start[x] as number) < (end[y] as number) && (start[y] as number) < xEnd)) continue;
          const level = levelOf !== undefined && levelOf[x] === levelOf[y] ? (levelOf[x] as number) : -1;
          const ofY = containing[columns.code[y] as number] as number[];
          for (let a = 0; a < ofX.length; a++) {
            const p = ofX[a] as number;
            for (let b = 0; b < ofY.length; b++) {
              const q = ofY[b] as number;
              if (p === q || related[p * n + q] === 1) continue;
              const pair = p < q ? p * n + q : q * n + p;
              credit(pooled, pair, transcript);
              if (level >= 0) credit(byLevel[level] as PairOverlaps, pair, transcript);
            }
          }
        }
      }
    }
  });
  return { related, pooled, byLevel };
}

/** The co-occurrence rows of counted overlaps, with participants (both, either) among `coded`. */
export function pairsOf(
  data: StudyData,
  related: Uint8Array,
  coded: readonly ParticipantRecord[],
  counted: PairOverlaps,
): CoOccurrence[] {
  const codes = data.codes;
  const n = codes.length;
  // Which coded participants have each code, as one bit per participant: a pair's participants with both
  // codes and with either are counted 32 at a time (1,128 pairs of 48 codes, four times in a report).
  const words = Math.ceil(coded.length / 32);
  const present = codes.map((code) => {
    const bits = new Int32Array(words);
    for (let k = 0; k < coded.length; k++)
      if ((coded[k] as ParticipantRecord).present[code.id] === 1)
        bits[k >>> 5] = (bits[k >>> 5] as number) | (1 << (k & 31));
    return bits;
  });
  const result: CoOccurrence[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (related[i * n + j] === 1) continue;
      const a = present[i] as Int32Array;
      const b = present[j] as Int32Array;
      let both = 0;
      let either = 0;
      for (let w = 0; w < words; w++) {
        both += bitCount((a[w] as number) & (b[w] as number));
        either += bitCount((a[w] as number) | (b[w] as number));
      }
      const pair = i * n + j;
      const count = counted.overlaps[pair] as number;
      if (count === 0 && both === 0) continue;
      const ids = { a: (codes[i] as { id: string }).id, b: (codes[j] as { id: string }).id };
      result.push({
        ...ids,
        overlaps: count,
        overlapTranscripts: counted.transcripts[pair] as number,
        participants: both,
        participantsEither: either,
        jaccard: either === 0 ? null : both / either,
      });
    }
  }
  return result.sort(
    (x, y) => y.participants - x.participants || y.overlaps - x.overlaps || compare(x.a, y.a) || compare(x.b, y.b),
  );
}

/** related[i·n + j] = 1 when codes i and j are one and the same or one is among the other's members. */
function relatedPairs(data: StudyData): Uint8Array {
  const codes = data.codes;
  const n = codes.length;
  const related = new Uint8Array(n * n);
  const members = codes.map((code) => new Set(code.members));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (
        i === j ||
        (members[i] as Set<string>).has((codes[j] as { id: string }).id) ||
        (members[j] as Set<string>).has((codes[i] as { id: string }).id)
      )
        related[i * n + j] = 1;
    }
  }
  return related;
}

/**
 * Codings that can overlap one another, as indices into data.codings: same transcript, same coder; not
 * orphaned; of a code some code contains. Grouped by transcript, then coder.
 */
function sidecarGroups(
  data: StudyData,
  columns: CodingColumns,
  containing: readonly (readonly number[])[],
): number[][][] {
  // Only the groups matter, not their order: every count made from them is a sum.
  const byCoder = Array.from({ length: columns.transcripts }, () => new Map<string, number[]>());
  data.codings.forEach((c, index) => {
    const key = columns.code[index] as number;
    if (key < 0 || (containing[key] as readonly number[]).length === 0 || c.coding.status === 'orphan') return;
    const coders = byCoder[columns.transcript[index] as number] as Map<string, number[]>;
    const group = coders.get(c.coder);
    if (group) group.push(index);
    else coders.set(c.coder, [index]);
  });
  return byCoder.map((coders) => [...coders.values()]);
}

/** The number of bits set in a 32-bit integer. */
export function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
