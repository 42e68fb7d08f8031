import { QUOTE_LIMIT, type ReportQuote } from './report-types';
import type { DataCoding } from './study-data';

export const QUOTE_RULE =
  'Quotes come from distinct participants (one each). For each participant the coding is chosen, and participants ' +
  'are then ranked, by: agreed first (another coder coded an overlapping passage with the same code), then length ' +
  'closest to the median length of the candidate codings in the cell (typical rather than the longest or a fragment), ' +
  'then earliest in the transcript, then participant id. Orphaned codings are never quoted. Quotes longer than ' +
  `${QUOTE_LIMIT} characters are shortened at a word boundary.`;

/** Code-point length, the unit of every offset in Grounded. */
function length(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Whether another coder coded an overlapping passage of the same transcript with the same code. */
export function agreedCodings(codings: readonly DataCoding[]): Set<DataCoding> {
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
      if (list.some((y) => y.coder !== x.coder && x.coding.start < y.coding.end && y.coding.start < x.coding.end)) agreed.add(x);
    }
  }
  return agreed;
}

/** Shortens to QUOTE_LIMIT code points, at the last space within the final fifth when there is one. */
export function shorten(text: string): { text: string; truncated: boolean } {
  const points = [...text.trim()];
  if (points.length <= QUOTE_LIMIT) return { text: points.join(''), truncated: false };
  const head = points.slice(0, QUOTE_LIMIT).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= (QUOTE_LIMIT * 4) / 5 ? head.slice(0, space) : head;
  return { text: cut.trimEnd(), truncated: true };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The most representative quotes among `candidates` (see QUOTE_RULE), at most `limit`. */
export function representativeQuotes(candidates: readonly DataCoding[], agreed: ReadonlySet<DataCoding>, limit: number): ReportQuote[] {
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
  return [...best.values()].sort(rank).slice(0, limit).map((c) => ({
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
