import type { CoOccurrence } from './report-types';
import type { DataCoding, StudyData } from './study-data';

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
  const codes = data.codes;
  const n = codes.length;
  const related = relatedPairs(data);
  // The codes whose members include a coding's code: its own code and the categories above it.
  const containing = new Map<string, number[]>();
  codes.forEach((code, index) => {
    for (const member of code.members) {
      const list = containing.get(member);
      if (list) list.push(index);
      else containing.set(member, [index]);
    }
  });

  const overlaps = new Int32Array(n * n);
  const transcripts = new Map<number, Set<string>>();
  for (const group of sidecarGroups(data.codings, containing)) {
    group.sort((x, y) => x.coding.start - y.coding.start);
    for (let i = 0; i < group.length; i++) {
      const x = group[i] as DataCoding;
      for (let j = i + 1; j < group.length; j++) {
        const y = group[j] as DataCoding;
        if (y.coding.start >= x.coding.end) break; // sorted by start: no later coding begins inside x
        if (!(x.coding.start < y.coding.end && y.coding.start < x.coding.end)) continue;
        for (const p of containing.get(x.coding.code) as number[]) {
          for (const q of containing.get(y.coding.code) as number[]) {
            if (p === q || related[p * n + q] === 1) continue;
            const pair = p < q ? p * n + q : q * n + p;
            overlaps[pair] = (overlaps[pair] as number) + 1;
            let seen = transcripts.get(pair);
            if (!seen) transcripts.set(pair, (seen = new Set()));
            seen.add(x.transcript.path);
          }
        }
      }
    }
  }

  // Which coded participants have each code, as one flag per participant.
  const coded = data.records.filter((r) => r.codesKnown);
  const present = codes.map((code) => Uint8Array.from(coded, (r) => (r.present[code.id] === 1 ? 1 : 0)));
  const result: CoOccurrence[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (related[i * n + j] === 1) continue;
      const a = present[i] as Uint8Array;
      const b = present[j] as Uint8Array;
      let both = 0;
      let either = 0;
      for (let k = 0; k < a.length; k++) {
        both += (a[k] as number) & (b[k] as number);
        either += (a[k] as number) | (b[k] as number);
      }
      const pair = i * n + j;
      const count = overlaps[pair] as number;
      if (count === 0 && both === 0) continue;
      const ids = { a: (codes[i] as { id: string }).id, b: (codes[j] as { id: string }).id };
      result.push({
        ...ids,
        overlaps: count,
        overlapTranscripts: transcripts.get(pair)?.size ?? 0,
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

/** Codings that can overlap one another: same transcript, same coder; not orphaned; of a code in the list. */
function sidecarGroups(
  codings: readonly DataCoding[],
  containing: ReadonlyMap<string, readonly number[]>,
): DataCoding[][] {
  // By transcript, then coder: nested maps rather than a joined string key per coding (100,000 in a big study).
  // Only the groups matter, not their order: every count made from them is a sum.
  const byTranscript = new Map<string, Map<string, DataCoding[]>>();
  const groups: DataCoding[][] = [];
  for (const c of codings) {
    if (c.coding.status === 'orphan' || !containing.has(c.coding.code)) continue;
    let byCoder = byTranscript.get(c.transcript.path);
    if (!byCoder) byTranscript.set(c.transcript.path, (byCoder = new Map()));
    const group = byCoder.get(c.coder);
    if (group) group.push(c);
    else {
      const started = [c];
      byCoder.set(c.coder, started);
      groups.push(started);
    }
  }
  return groups;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
