import { QUOTE_LIMIT, type ReportQuote } from './report-types';
import { codingColumns } from './coding-columns';
import type { DataCoding, StudyData } from './study-data';

export const QUOTE_RULE =
  'Quotes come from distinct participants (one each). For each participant the coding is chosen, and participants ' +
  'are then ranked, by: agreed first (another coder coded an overlapping passage with the same code), then length ' +
  'closest to the median length of the candidate codings in the cell (typical rather than the longest or a fragment), ' +
  'then earliest in the transcript, then participant id. Orphaned codings are never quoted. Quotes longer than ' +
  `${QUOTE_LIMIT} characters are shortened at a word boundary.`;

/** Code-point length, the unit of every offset in Grounded (a lone surrogate counts as one, as iterating does). */
function length(text: string): number {
  return SURROGATE.test(text) ? text.length - (text.match(SURROGATE_PAIRS)?.length ?? 0) : text.length;
}

const SURROGATE = /[\uD800-\uDFFF]/;
const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
/** trim()'s whitespace is exactly \s (WhiteSpace and LineTerminator): a quote is blank unless this matches. */
const NOT_BLANK = /\S/;

/** Whether another coder coded an overlapping passage of the same transcript with the same code. */
export function agreedCodings(codings: readonly DataCoding[]): Set<DataCoding> {
  const agreed = new Set<DataCoding>();
  // By transcript, then code: nested maps rather than a joined string key per coding.
  const byTranscript = new Map<string, Map<string, DataCoding[]>>();
  for (const c of codings) {
    if (c.coding.status === 'orphan') continue;
    let byCode = byTranscript.get(c.transcript.path);
    if (!byCode) byTranscript.set(c.transcript.path, (byCode = new Map()));
    const list = byCode.get(c.coding.code);
    if (list) list.push(c);
    else byCode.set(c.coding.code, [c]);
  }
  for (const byCode of byTranscript.values()) {
    for (const list of byCode.values()) {
      for (const x of list) {
        if (list.some((y) => y.coder !== x.coder && x.coding.start < y.coding.end && y.coding.start < x.coding.end))
          agreed.add(x);
      }
    }
  }
  return agreed;
}

/**
 * agreedCodings of data.codings as one flag per coding (1: agreed), grouping the codings by the numbers of
 * their transcript and code (codingColumns) rather than by their strings. A coding of a code the report
 * does not know is left 0: no cell of the joint display lists it.
 */
export function agreedInData(data: StudyData): Uint8Array {
  const columns = codingColumns(data);
  const keys = columns.codeKeys.size;
  const codings = data.codings;
  const flags = new Uint8Array(codings.length);
  // Offsets (CodingColumns) and coders read once per coding, in order: the pairs below compare them many times.
  const { start, end } = columns;
  const coder = new Int32Array(codings.length);
  const coders = new Map<string, number>();
  // By group number (transcript × code key): a list per number rather than a map from it.
  const groups: (number[] | undefined)[] = new Array<number[] | undefined>(columns.transcripts * keys);
  codings.forEach((c, i) => {
    if (c.coding.status === 'orphan') return;
    const key = columns.code[i] as number;
    // A code no code of the report has or contains: the coding is in no cell, its flag is never read.
    if (key < 0) return;
    let by = coders.get(c.coder);
    if (by === undefined) coders.set(c.coder, (by = coders.size));
    coder[i] = by;
    const group = (columns.transcript[i] as number) * keys + key;
    const list = groups[group];
    if (list) list.push(i);
    else groups[group] = [i];
  });
  for (let g = 0; g < groups.length; g++) {
    const list = groups[g];
    if (list === undefined) continue;
    // Indexed loops: no iterator result per step before the code is optimized (a big study's every coding).
    for (let a = 0; a < list.length; a++) {
      const i = list[a] as number;
      const from = start[i] as number;
      const to = end[i] as number;
      for (let b = 0; b < list.length; b++) {
        const j = list[b] as number;
        if (coder[j] !== coder[i] && from < (end[j] as number) && (start[j] as number) < to) {
          flags[i] = 1;
          break;
        }
      }
    }
  }
  return flags;
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

/**
 * The median of the values, which it reorders: the middle value (or the mean of the two middle values) found by
 * selection, in linear time, instead of sorting every candidate length of a cell (a category's cell in a big study
 * has thousands). The values are quote lengths: whole numbers, never NaN, so the values found are the same
 * numbers a sort puts in the middle.
 */
export function medianInPlace(values: Float64Array): number {
  const n = values.length;
  const mid = Math.floor(n / 2);
  if (n % 2 === 1) return selectInPlace(values, mid);
  const lower = selectInPlace(values, mid - 1);
  // Selection leaves every value after position mid − 1 at least as large: the next in order is their least.
  let upper = values[mid] as number;
  for (let i = mid + 1; i < n; i++) if ((values[i] as number) < upper) upper = values[i] as number;
  return (lower + upper) / 2;
}

/**
 * The k-th smallest value (0-based), with the values reordered so that none before position k is larger and none
 * after it smaller. Three-way partitions: quote lengths repeat often.
 */
function selectInPlace(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = medianOfThree(values[low] as number, values[(low + high) >> 1] as number, values[high] as number);
    let less = low;
    let i = low;
    let greater = high;
    while (i <= greater) {
      const value = values[i] as number;
      if (value < pivot) {
        values[i] = values[less] as number;
        values[less] = value;
        less++;
        i++;
      } else if (value > pivot) {
        values[i] = values[greater] as number;
        values[greater] = value;
        greater--;
      } else i++;
    }
    if (k < less) high = less - 1;
    else if (k > greater) low = greater + 1;
    else return pivot;
  }
  return values[k] as number;
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

/** trim() would leave something: most quotes start with a visible ASCII character, the rest ask \S (trim's set). */
function isBlank(quote: string): boolean {
  const first = quote.charCodeAt(0);
  return !(first > 0x20 && first < 0x7f) && !NOT_BLANK.test(quote);
}

/**
 * What ranking needs of each coding, worked out once for all the cells of a joint display (a coding is in
 * its code's cells and in each of its categories'; a big study has 100,000 codings).
 */
export interface QuoteFacts {
  readonly codings: readonly DataCoding[];
  /** 1 when the coding may be quoted: not orphaned, a quote that is not blank. */
  readonly usable: Uint8Array;
  /** Code points of each usable coding's quote. */
  readonly length: Int32Array;
  readonly agreed: Uint8Array;
  /** Each coding's start offset (read once: ranking compares them often). */
  readonly start: Float64Array;
  /** No coding is in `codings` twice (the report's codings: then a cell's candidates need no de-duplication). */
  readonly distinct: boolean;
  /** A number for each coding's participant (the same number for the same id), below `participants`. */
  readonly participant: Int32Array;
  readonly participants: number;
}

export function quoteFacts(codings: readonly DataCoding[], agreed: ReadonlySet<DataCoding>): QuoteFacts {
  return quoteFactsOf(
    codings,
    Uint8Array.from(codings, (c) => (agreed.has(c) ? 1 : 0)),
    new Set(codings).size === codings.length,
  );
}

/**
 * quoteFacts with each coding's agreement given as flags (1: agreed), and whether no coding is in `codings`
 * twice.
 */
export function quoteFactsOf(codings: readonly DataCoding[], agreed: Uint8Array, distinct: boolean): QuoteFacts {
  const usable = new Uint8Array(codings.length);
  const lengths = new Int32Array(codings.length);
  const isAgreed = new Uint8Array(codings.length);
  const starts = new Float64Array(codings.length);
  const participant = new Int32Array(codings.length);
  const numbers = new Map<string, number>();
  // A participant's codings usually follow one another: their id is then looked up once.
  let lastId: string | undefined;
  let lastNumber = -1;
  codings.forEach((c, i) => {
    if (c.participant !== lastId) {
      lastId = c.participant;
      let number = numbers.get(lastId);
      if (number === undefined) numbers.set(lastId, (number = numbers.size));
      lastNumber = number;
    }
    participant[i] = lastNumber;
    starts[i] = c.coding.start;
    if (c.coding.status === 'orphan' || isBlank(c.coding.quote)) return;
    usable[i] = 1;
    lengths[i] = length(c.coding.quote);
    isAgreed[i] = agreed[i] as number;
  });
  return {
    codings,
    usable,
    length: lengths,
    agreed: isAgreed,
    start: starts,
    distinct,
    participant,
    participants: numbers.size,
  };
}

/** The most representative quotes among `candidates` (see QUOTE_RULE), at most `limit`. */
export function representativeQuotes(
  candidates: readonly DataCoding[],
  agreed: ReadonlySet<DataCoding>,
  limit: number,
): ReportQuote[] {
  return rankedQuotes(
    quoteFacts(candidates, agreed),
    candidates.map((_, i) => i),
    limit,
  );
}

/**
 * representativeQuotes over candidates given as ascending indices into `facts.codings` (their order is
 * the candidates' order).
 */
export function rankedQuotes(facts: QuoteFacts, candidates: readonly number[], limit: number): ReportQuote[] {
  const usable = candidates.filter((i) => facts.usable[i] === 1);
  if (usable.length === 0 || limit <= 0) return [];
  const codings = facts.codings;
  // Over distinct codings, as a map of them would be (representativeQuotes may be handed one twice).
  // Filled by index: Float64Array.from with a function steps through an iterator.
  let lengths = new Float64Array(usable.length);
  for (let k = 0; k < usable.length; k++) lengths[k] = facts.length[usable[k] as number] as number;
  if (!facts.distinct) {
    const distinct = new Map<DataCoding, number>();
    for (const i of usable) distinct.set(codings[i] as DataCoding, facts.length[i] as number);
    if (distinct.size !== usable.length) lengths = Float64Array.from(distinct.values());
  }
  const typical = medianInPlace(lengths);
  const rank = (i: number, j: number) => {
    const x = codings[i] as DataCoding;
    const y = codings[j] as DataCoding;
    return (
      (facts.agreed[j] as number) - (facts.agreed[i] as number) ||
      Math.abs((facts.length[i] as number) - typical) - Math.abs((facts.length[j] as number) - typical) ||
      (facts.start[i] as number) - (facts.start[j] as number) ||
      (x.participant < y.participant ? -1 : x.participant > y.participant ? 1 : 0) ||
      (x.coding.id < y.coding.id ? -1 : x.coding.id > y.coding.id ? 1 : 0) ||
      i - j // the order a stable sort of the candidates keeps
    );
  };
  // Each participant's best coding (the first it would have in a ranked list of all candidates), then the
  // best participants: the same quotes as ranking everything, with one comparison per candidate. By the
  // participant's number, not their id: the codings' objects are not visited (a cell of a category in a big
  // study has thousands of candidates). The order the best are found in does not matter: `rank` is a total order.
  const bestOf = new Int32Array(facts.participants).fill(-1);
  const best: number[] = [];
  for (let k = 0; k < usable.length; k++) {
    const i = usable[k] as number;
    const participant = facts.participant[i] as number;
    const before = bestOf[participant] as number;
    if (before === -1) {
      bestOf[participant] = best.length;
      best.push(i);
    } else if (rank(i, best[before] as number) < 0) best[before] = i;
  }
  return best
    .sort(rank)
    .slice(0, limit)
    .map((i) => quoteOf(codings[i] as DataCoding, facts.agreed[i] === 1));
}

function quoteOf(c: DataCoding, agreed: boolean): ReportQuote {
  return {
    ...shorten(c.coding.quote),
    participant: c.participant,
    transcript: c.transcript.path,
    start: c.coding.start,
    end: c.coding.end,
    code: c.coding.code,
    codingId: c.coding.id,
    coder: c.coder,
    agreed,
  };
}
