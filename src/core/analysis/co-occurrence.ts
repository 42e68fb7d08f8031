import type { CoOccurrence } from './report-types';
import type { DataCoding, StudyData } from './study-data';

/**
 * Co-occurrence of every pair of codes, skipping a code paired with its own ancestor (a category trivially
 * co-occurs with its children). Overlap: two codings by the same coder in the same transcript sharing at
 * least one character (orphaned codings have no trustworthy offsets and are left out). Participants: both
 * codes anywhere in the participant's coded transcripts; Jaccard = both / either.
 */
export function coOccurrence(data: StudyData): CoOccurrence[] {
  // Per code (a category with its sub-codes), its codings grouped by sidecar (transcript and coder), so
  // a pair only visits the sidecars where the first code occurs.
  const own = new Map<string, Map<string, DataCoding[]>>();
  for (const c of data.codings) {
    if (c.coding.status === 'orphan') continue;
    const key = `${c.transcript.path}\u0000${c.coder}`;
    let bySidecar = own.get(c.coding.code);
    if (!bySidecar) own.set(c.coding.code, (bySidecar = new Map()));
    const list = bySidecar.get(key);
    if (list) list.push(c);
    else bySidecar.set(key, [c]);
  }
  const ofCode = new Map(data.codes.map((code) => {
    const merged = new Map<string, DataCoding[]>();
    for (const member of code.members) {
      for (const [key, list] of own.get(member) ?? []) merged.set(key, [...(merged.get(key) ?? []), ...list]);
    }
    return [code.id, merged];
  }));
  const coded = data.records.filter((r) => r.coded);
  const result: CoOccurrence[] = [];
  data.codes.forEach((a, i) => {
    const aMembers = new Set(a.members);
    const aSidecars = ofCode.get(a.id) as Map<string, DataCoding[]>;
    for (const b of data.codes.slice(i + 1)) {
      if (aMembers.has(b.id) || b.members.includes(a.id)) continue;
      const bSidecars = ofCode.get(b.id) as Map<string, DataCoding[]>;
      let overlaps = 0;
      const transcripts = new Set<string>();
      for (const [key, as] of aSidecars) {
        const bs = bSidecars.get(key);
        if (!bs) continue;
        for (const x of as) {
          for (const y of bs) {
            if (x.coding.start < y.coding.end && y.coding.start < x.coding.end) {
              overlaps++;
              transcripts.add(x.transcript.path);
            }
          }
        }
      }
      const both = coded.filter((r) => r.present[a.id] === 1 && r.present[b.id] === 1).length;
      const either = coded.filter((r) => r.present[a.id] === 1 || r.present[b.id] === 1).length;
      if (overlaps === 0 && both === 0) continue;
      result.push({ a: a.id, b: b.id, overlaps, overlapTranscripts: transcripts.size, participants: both, participantsEither: either, jaccard: either === 0 ? null : both / either });
    }
  });
  return result.sort((x, y) => y.participants - x.participants || y.overlaps - x.overlaps || compare(x.a, y.a) || compare(x.b, y.b));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
