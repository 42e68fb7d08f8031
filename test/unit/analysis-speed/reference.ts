/**
 * The report's code summary, co-occurrence and joint display as first written: straightforward, one pass per pair of
 * codes and per cell. Kept as the reference the faster versions in src/core/analysis must equal exactly
 * (speed.test.ts). Not used by the product.
 */
import type { SurveyColumn } from '../../../src/core/survey/index';
import { columnLevels, labelOf } from '../../../src/core/analysis/levels';
import { groupData } from '../../../src/core/analysis/group-data';
import { QUOTE_RULE, shorten } from '../../../src/core/analysis/quotes';
import type {
  CoOccurrence,
  CodeByGroup,
  CodeSummary,
  GroupCoOccurrence,
  JointDisplay,
  ReportQuote,
} from '../../../src/core/analysis/report-types';
import { wilsonInterval } from '../../../src/core/stats/index';
import type { DataCoding, StudyData } from '../../../src/core/analysis/study-data';

/** Co-occurrence within each group: the pooled reference over each group's own study data. */
export function referenceCoOccurrenceByGroup(data: StudyData, by: SurveyColumn): GroupCoOccurrence[] {
  return groupData(data, by).map((group) => ({
    level: group.level,
    participants: group.data.records.filter((r) => r.codesKnown).length,
    pairs: referenceCoOccurrence(group.data),
  }));
}

/**
 * Co-occurrence of every pair of codes, skipping a code paired with its own ancestor (a category trivially
 * co-occurs with its children). Overlap: two codings by the same coder in the same transcript sharing at
 * least one character (orphaned codings have no trustworthy offsets and are left out). Participants: both
 * codes anywhere in the participant's coded transcripts; Jaccard = both / either.
 */
export function referenceCoOccurrence(data: StudyData): CoOccurrence[] {
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
  const ofCode = new Map(
    data.codes.map((code) => {
      const merged = new Map<string, DataCoding[]>();
      for (const member of code.members) {
        for (const [key, list] of own.get(member) ?? []) merged.set(key, [...(merged.get(key) ?? []), ...list]);
      }
      return [code.id, merged];
    }),
  );
  const coded = data.records.filter((r) => r.codesKnown);
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
      result.push({
        a: a.id,
        b: b.id,
        overlaps,
        overlapTranscripts: transcripts.size,
        participants: both,
        participantsEither: either,
        jaccard: either === 0 ? null : both / either,
      });
    }
  });
  return result.sort(
    (x, y) => y.participants - x.participants || y.overlaps - x.overlaps || compare(x.a, y.a) || compare(x.b, y.b),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Codes × groups: each cell the code's prevalence in the group (from `byGroup`) and up to `quotesPerCell`
 * representative quotes from participants of that group.
 */
export function referenceJointDisplay(
  data: StudyData,
  by: SurveyColumn,
  byGroup: readonly CodeByGroup[],
  quotesPerCell: number,
): JointDisplay {
  const agreed = referenceAgreedCodings(data.codings);
  const groupOf = new Map(data.records.map((r) => [r.id, labelOf(by, r.values)]));
  const groups = byGroup[0]?.groups.map((g) => g.level) ?? columnLevels(by);
  const rows = data.codes.map((code, i) => {
    const members = new Set(code.members);
    const ofCode = data.codings.filter((c) => members.has(c.coding.code));
    const prevalence = byGroup[i] as CodeByGroup;
    return {
      code: code.id,
      name: code.name,
      depth: code.depth,
      cells: prevalence.groups.map((g) => ({
        ...g,
        quotes: referenceQuotes(
          ofCode.filter((c) => groupOf.get(c.participant) === g.level),
          agreed,
          quotesPerCell,
        ),
      })),
    };
  });
  return { by: by.name, groups, rows, quoteRule: QUOTE_RULE };
}

/** Code-point length, the unit of every offset in Grounded. */
function length(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The most representative quotes among `candidates` (see QUOTE_RULE), at most `limit`. */
function referenceQuotes(
  candidates: readonly DataCoding[],
  agreed: ReadonlySet<DataCoding>,
  limit: number,
): ReportQuote[] {
  const usable = candidates.filter((c) => c.coding.status !== 'orphan' && c.coding.quote.trim() !== '');
  if (usable.length === 0 || limit <= 0) return [];
  const lengths = new Map(usable.map((c) => [c, length(c.coding.quote)]));
  const typical = median([...lengths.values()]);
  const distance = (c: DataCoding) => Math.abs((lengths.get(c) as number) - typical);
  const rank = (x: DataCoding, y: DataCoding) =>
    Number(agreed.has(y)) - Number(agreed.has(x)) ||
    distance(x) - distance(y) ||
    x.coding.start - y.coding.start ||
    (x.participant < y.participant ? -1 : x.participant > y.participant ? 1 : 0) ||
    (x.coding.id < y.coding.id ? -1 : x.coding.id > y.coding.id ? 1 : 0);
  const best = new Map<string, DataCoding>();
  for (const c of [...usable].sort(rank)) if (!best.has(c.participant)) best.set(c.participant, c);
  return [...best.values()]
    .sort(rank)
    .slice(0, limit)
    .map((c) => ({
      ...shorten(c.coding.quote),
      participant: c.participant,
      transcript: c.transcript.path,
      start: c.coding.start,
      end: c.coding.end,
      code: c.coding.code,
      codingId: c.coding.id,
      coder: c.coder,
      agreed: agreed.has(c),
    }));
}

export function referenceSummarizeCodes(data: StudyData, confidence = 0.95): CodeSummary[] {
  const coded = data.records.filter((r) => r.codesKnown);
  return data.codes.map((code) => {
    const members = new Set(code.members);
    const codings = data.codings.filter((c) => members.has(c.coding.code));
    const participants = coded.filter((r) => r.present[code.id] === 1).length;
    const total = coded.length;
    return {
      id: code.id,
      name: code.name,
      parent: code.parent,
      depth: code.depth,
      inCodebook: code.inCodebook,
      category: code.category,
      codings: codings.length,
      ownCodings: codings.filter((c) => c.coding.code === code.id).length,
      transcripts: new Set(codings.map((c) => c.transcript.path)).size,
      participants,
      total,
      proportion: total === 0 ? null : participants / total,
      ci: wilsonInterval(participants, total, confidence),
    };
  });
}

/** Whether another coder coded an overlapping passage of the same transcript with the same code. */
function referenceAgreedCodings(codings: readonly DataCoding[]): Set<DataCoding> {
  const agreed = new Set<DataCoding>();
  const byTranscriptCode = new Map<string, DataCoding[]>();
  for (const c of codings) {
    if (c.coding.status === 'orphan') continue;
    const key = `${c.transcript.path}\u0000${c.coding.code}`;
    const list = byTranscriptCode.get(key);
    if (list) list.push(c);
    else byTranscriptCode.set(key, [c]);
  }
  for (const list of byTranscriptCode.values()) {
    for (const x of list) {
      if (list.some((y) => y.coder !== x.coder && x.coding.start < y.coding.end && y.coding.start < x.coding.end))
        agreed.add(x);
    }
  }
  return agreed;
}
