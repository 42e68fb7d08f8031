import { PREFIX_LENGTH, SUFFIX_LENGTH, type Coding, type CodingStatus } from '../../model';
import type { OffsetMap } from '../../text/canonical';
import { decodeEntry, encodeEntry, type DerivedSidecar } from './cache-entry';

/**
 * A derived sidecar as the cache stores it: arrays (JSON.parse reads them several times faster than
 * objects) and, above all, no copy of the transcript. A coding's quote, prefix and suffix are almost
 * always the text at its offsets, and the entry's key holds the hash of that very text, so the entry
 * stores a flag instead of the strings and decoding slices them from the text again. That makes an
 * entry about a sixth of the sidecar: the bytes read, checksummed, decoded and parsed on a warm load
 * shrink alike, and the slices share the transcript's memory instead of holding copies.
 *
 * The codings are one flat array (no array per coding for JSON.parse to make and the GC to collect),
 * coding after coding: id, code, start, end, line, flags, then the literals whose flag bit is set, in bit
 * order; a clear QUOTE/PREFIX/SUFFIX bit means "the text at the offsets".
 */
const QUOTE = 1;
const PREFIX = 2;
const SUFFIX = 4;
const MEMO = 8;
const STATUS = 16;
const ALL_FLAGS = QUOTE | PREFIX | SUFFIX | MEMO | STATUS;

const FIXED = 6;

/** The payload of a derived sidecar loaded against `map`'s text; undefined when it does not fit the form (then it is not cached). */
export function derivedSidecarPayload(derived: DerivedSidecar, map: OffsetMap): unknown {
  const { sidecar } = derived;
  const flat: (string | number)[] = [];
  for (const coding of sidecar.codings) {
    const line = derived.lineOf.get(coding.id);
    if (line === undefined || coding.by !== sidecar.coder) return undefined;
    const { quote, prefix, suffix } = selectorAt(map, coding.start, coding.end) ?? {};
    const literals: [number, string | undefined][] = [
      [QUOTE, coding.quote !== quote ? coding.quote : undefined],
      [PREFIX, coding.prefix !== prefix ? coding.prefix : undefined],
      [SUFFIX, coding.suffix !== suffix ? coding.suffix : undefined],
      [MEMO, coding.memo],
      [STATUS, coding.status],
    ];
    const flagsAt = flat.push(coding.id, coding.code, coding.start, coding.end, line, 0) - 1;
    let flags = 0;
    for (const [bit, value] of literals) {
      if (value === undefined) continue;
      flags |= bit;
      flat.push(value);
    }
    flat[flagsAt] = flags;
  }
  if (derived.lineOf.size !== sidecar.codings.length) return undefined;
  const mismatched = derived.mismatched.flatMap((m) => [m.id, m.start, m.end]);
  return [sidecar.transcript, sidecar.coder, sidecar.textHash, derived.reanchored ? 1 : 0, mismatched, flat];
}

export function encodeDerivedSidecar(
  key: string,
  derived: DerivedSidecar,
  map: OffsetMap,
  sha256: (bytes: Uint8Array) => string,
): Uint8Array | undefined {
  const payload = derivedSidecarPayload(derived, map);
  return payload === undefined ? undefined : encodeEntry(key, payload, sha256);
}

/** The derived sidecar of an intact entry of this key, whose text is `map`'s; undefined for anything else. */
export function decodeDerivedSidecar(
  key: string,
  bytes: Uint8Array,
  map: OffsetMap,
  sha256: (bytes: Uint8Array) => string,
): DerivedSidecar | undefined {
  const payload = decodeEntry(key, bytes, sha256);
  return payload === undefined ? undefined : fromPayload(payload, map);
}

function fromPayload(data: unknown, map: OffsetMap): DerivedSidecar | undefined {
  if (!Array.isArray(data) || data.length !== 6) return undefined;
  const [transcript, coder, textHash, reanchored, flatMismatched, flat] = data as unknown[];
  if (
    typeof transcript !== 'string' ||
    typeof coder !== 'string' ||
    typeof textHash !== 'string' ||
    (reanchored !== 0 && reanchored !== 1)
  )
    return undefined;
  if (!Array.isArray(flatMismatched) || flatMismatched.length % 3 !== 0 || !Array.isArray(flat)) return undefined;
  const mismatched: { id: string; start: number; end: number }[] = [];
  for (let i = 0; i < flatMismatched.length; i += 3) {
    const id: unknown = flatMismatched[i];
    const start: unknown = flatMismatched[i + 1];
    const end: unknown = flatMismatched[i + 2];
    if (typeof id !== 'string' || !isOffset(start) || !isOffset(end)) return undefined;
    mismatched.push({ id, start, end });
  }
  const codings: Coding[] = [];
  const lineOf = new Map<string, number>();
  let ascending = true;
  let previousLine = 0;
  const cursor = { at: 0 };
  while (cursor.at < flat.length) {
    const line = flat[cursor.at + 4];
    const coding = codingAt(flat as readonly unknown[], cursor, coder, map);
    if (!coding) return undefined;
    codings.push(coding);
    lineOf.set(coding.id, line as number);
    if ((line as number) < previousLine) ascending = false;
    previousLine = line as number;
  }
  if (lineOf.size !== codings.length) return undefined;
  return {
    sidecar: { transcript, coder, textHash, codings },
    // lineOf was filled in file order, which is ascending line order; codings may have moved since.
    lineOf: ascending ? lineOf : new Map([...lineOf].sort((a, b) => a[1] - b[1])),
    reanchored: reanchored === 1,
    mismatched,
  };
}

/**
 * The coding whose fields start at flat[cursor.at], moving the cursor past it. Written for 100,000 calls
 * per warm load: no closures or result objects, and the text is sliced only for what is not stored.
 */
function codingAt(flat: readonly unknown[], cursor: { at: number }, coder: string, map: OffsetMap): Coding | undefined {
  const at = cursor.at;
  const id = flat[at];
  const code = flat[at + 1];
  const start = flat[at + 2];
  const end = flat[at + 3];
  const flags = flat[at + 5];
  if (
    typeof id !== 'string' ||
    typeof code !== 'string' ||
    !isOffset(start) ||
    !isOffset(end) ||
    !isOffset(flat[at + 4])
  )
    return undefined;
  if (typeof flags !== 'number' || (flags & ~ALL_FLAGS) !== 0) return undefined;
  let next = at + FIXED;
  let quote: string | undefined;
  let prefix: string | undefined;
  let suffix: string | undefined;
  let memo: string | undefined;
  let status: CodingStatus | undefined;
  // A set flag whose literal is missing or not a string (also past the end of `flat`) is a damaged entry.
  if (flags !== 0) {
    if ((flags & QUOTE) !== 0 && typeof (quote = flat[next++] as string) !== 'string') return undefined;
    if ((flags & PREFIX) !== 0 && typeof (prefix = flat[next++] as string) !== 'string') return undefined;
    if ((flags & SUFFIX) !== 0 && typeof (suffix = flat[next++] as string) !== 'string') return undefined;
    if ((flags & MEMO) !== 0 && typeof (memo = flat[next++] as string) !== 'string') return undefined;
    if ((flags & STATUS) !== 0) {
      const value = flat[next++];
      if (value !== 'needs-review' && value !== 'orphan') return undefined;
      status = value;
    }
  }
  if (quote === undefined || prefix === undefined || suffix === undefined) {
    const fromText = selectorAt(map, start, end);
    if (!fromText) return undefined;
    quote ??= fromText.quote;
    prefix ??= fromText.prefix;
    suffix ??= fromText.suffix;
  }
  cursor.at = next;
  return makeCoding(id, code, start, end, quote, prefix, suffix, coder, memo, status);
}

/** Object literals of one shape each (no spreads), in the key order parseSidecar builds. */
function makeCoding(
  id: string,
  code: string,
  start: number,
  end: number,
  quote: string,
  prefix: string,
  suffix: string,
  by: string,
  memo: string | undefined,
  status: CodingStatus | undefined,
): Coding {
  if (memo === undefined && status === undefined) return { id, code, start, end, quote, prefix, suffix, by };
  if (status === undefined) return { id, code, start, end, quote, prefix, suffix, by, memo: memo as string };
  if (memo === undefined) return { id, code, start, end, quote, prefix, suffix, by, status };
  return { id, code, start, end, quote, prefix, suffix, by, memo, status };
}

/** What quoteSelector gives for [start, end), or undefined when the range is not inside the text. */
function selectorAt(
  map: OffsetMap,
  start: number,
  end: number,
): { quote: string; prefix: string; suffix: string } | undefined {
  if (!(
    Number.isSafeInteger(start) &&
    Number.isSafeInteger(end) &&
    start >= 0 &&
    start <= end &&
    end <= map.codePointLength
  ))
    return undefined;
  // quoteSelector's slices, with each offset converted once.
  const from = map.toUtf16(start);
  const to = map.toUtf16(end);
  const { text } = map;
  return {
    quote: text.slice(from, to),
    prefix: text.slice(map.toUtf16(Math.max(0, start - PREFIX_LENGTH)), from),
    suffix: text.slice(to, map.toUtf16(Math.min(map.codePointLength, end + SUFFIX_LENGTH))),
  };
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
