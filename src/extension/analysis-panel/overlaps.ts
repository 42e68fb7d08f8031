import { buildStudyData, type DataCoding, type MergedSurvey, shorten, type Study } from '../../core/index';
import type { OverlapPair, QuoteRef, ReportRequestState } from '../../../webview/protocol';

/** Pairs the panel lists for one cell at most; the message says how many there are in all. */
export const OVERLAP_LIMIT = 200;

function quoteRef(c: DataCoding): QuoteRef {
  return {
    ...shorten(c.coding.quote),
    participant: c.participant,
    transcript: c.transcript.path,
    start: c.coding.start,
    end: c.coding.end,
    code: c.coding.code,
    codingId: c.coding.id,
    coder: c.coder,
  };
}

/**
 * The panel's request narrowed to one group of its grouping (a co-occurrence edge of that group's network):
 * the group as one more filter, which keeps exactly the participants the report puts in the group.
 */
export function withinGroup(request: ReportRequestState, by: string, group: string): ReportRequestState {
  return { ...request, filters: [...request.filters, { column: by, value: group }] };
}

/**
 * The overlapping codings behind a co-occurrence cell, by the same definition as the report's count
 * (src/core/analysis/co-occurrence.ts): one coding of each code (a category with its sub-codes), same
 * transcript and coder, sharing at least one character, orphans left out; with the report's coders and
 * filters. This retrieves codings; it computes no statistic.
 */
export function overlappingPairs(
  study: Study,
  survey: MergedSurvey | undefined,
  request: ReportRequestState,
  a: string,
  b: string,
  limit = OVERLAP_LIMIT,
): { pairs: OverlapPair[]; total: number } {
  const data = buildStudyData(study, survey, {
    ...(request.coders ? { coders: request.coders } : {}),
    filters: request.filters,
  });
  const membersOf = (id: string) => new Set(data.codes.find((code) => code.id === id)?.members ?? [id]);
  const aMembers = membersOf(a);
  const bMembers = membersOf(b);
  const bySidecar = new Map<string, { as: DataCoding[]; bs: DataCoding[] }>();
  for (const c of data.codings) {
    if (c.coding.status === 'orphan') continue;
    const inA = aMembers.has(c.coding.code);
    const inB = bMembers.has(c.coding.code);
    if (!inA && !inB) continue;
    const key = `${c.transcript.path}\u0000${c.coder}`;
    let entry = bySidecar.get(key);
    if (!entry) bySidecar.set(key, (entry = { as: [], bs: [] }));
    if (inA) entry.as.push(c);
    if (inB) entry.bs.push(c);
  }
  const pairs: OverlapPair[] = [];
  let total = 0;
  for (const { as, bs } of bySidecar.values()) {
    for (const x of as) {
      for (const y of bs) {
        if (x.coding.start < y.coding.end && y.coding.start < x.coding.end) {
          total++;
          if (pairs.length < limit) pairs.push({ a: quoteRef(x), b: quoteRef(y) });
        }
      }
    }
  }
  pairs.sort((p, q) =>
    p.a.transcript < q.a.transcript ? -1 : p.a.transcript > q.a.transcript ? 1 : p.a.start - q.a.start,
  );
  return { pairs, total };
}
