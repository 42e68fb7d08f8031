import type { Coding, CodingStatus, Sidecar } from '../model';

/**
 * What loading one sidecar against one transcript text derives, and what the cache keeps of it: the
 * expensive part (parse, validation, the quote check, re-anchoring). The cheap, context-dependent part
 * (problems that name the file's URI, codes missing from the codebook) is recomputed on every load, so
 * an entry depends on nothing but the sidecar's bytes and the transcript's text.
 */
export interface DerivedSidecar {
  /** The sidecar with offsets valid for the current text. */
  readonly sidecar: Sidecar;
  readonly lineOf: ReadonlyMap<string, number>;
  readonly reanchored: boolean;
  /** Codings whose quote was not the text at their offsets although the hash matched (as read). */
  readonly mismatched: readonly { readonly id: string; readonly start: number; readonly end: number }[];
}

/** Bumped whenever what loadStudy derives from the same bytes changes; old entries then never match. */
export const CACHE_FORMAT = 1;
const MAGIC = 'grounded-cache';

/** Key of the entry for a sidecar's bytes loaded against a transcript text (both by SHA-256). */
export function sidecarCacheKey(sidecarSha256: string, textHash: string): string {
  return `sidecar${CACHE_FORMAT}-${sidecarSha256}-${textHash.replace(/^sha256:/, '')}`;
}

type CodingRow = [string, string, number, number, string, string, string, number] | [string, string, number, number, string, string, string, number, string | null, CodingStatus | null];

/**
 * An entry is a header line (magic, format, key, SHA-256 of the payload) and a JSON payload. The checksum
 * makes a truncated, bit-flipped or hand-edited entry a miss instead of wrong data; the key in the header
 * catches an entry stored under the wrong name.
 */
export function encodeEntry(key: string, payload: unknown, sha256: (bytes: Uint8Array) => string): Uint8Array {
  const body = new TextEncoder().encode(JSON.stringify(payload));
  const header = new TextEncoder().encode(`${MAGIC} ${CACHE_FORMAT} ${key} ${sha256(body)}\n`);
  const bytes = new Uint8Array(header.length + body.length);
  bytes.set(header, 0);
  bytes.set(body, header.length);
  return bytes;
}

/** The payload of an intact entry of this key, or undefined for anything else. */
export function decodeEntry(key: string, bytes: Uint8Array, sha256: (bytes: Uint8Array) => string): unknown {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0 || newline > 400) return undefined;
  const header = new TextDecoder().decode(bytes.subarray(0, newline)).split(' ');
  const body = bytes.subarray(newline + 1);
  if (header.length !== 4 || header[0] !== MAGIC || header[1] !== String(CACHE_FORMAT) || header[2] !== key || header[3] !== sha256(body)) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return undefined;
  }
}

/**
 * A derived sidecar as arrays, which JSON.parse reads several times faster than objects. Undefined for a
 * sidecar that does not fit the compact form (it is then simply not cached).
 */
export function derivedSidecarPayload(derived: DerivedSidecar): unknown {
  const { sidecar } = derived;
  const rows: CodingRow[] = [];
  for (const coding of sidecar.codings) {
    const line = derived.lineOf.get(coding.id);
    if (line === undefined || coding.by !== sidecar.coder) return undefined;
    const base = [coding.id, coding.code, coding.start, coding.end, coding.quote, coding.prefix, coding.suffix, line] as const;
    rows.push(coding.memo === undefined && coding.status === undefined ? [...base] : [...base, coding.memo ?? null, coding.status ?? null]);
  }
  if (derived.lineOf.size !== rows.length) return undefined;
  const mismatched = derived.mismatched.flatMap((m) => [m.id, m.start, m.end]);
  return [sidecar.transcript, sidecar.coder, sidecar.textHash, derived.reanchored ? 1 : 0, mismatched, rows];
}

export function encodeDerivedSidecar(key: string, derived: DerivedSidecar, sha256: (bytes: Uint8Array) => string): Uint8Array | undefined {
  const payload = derivedSidecarPayload(derived);
  return payload === undefined ? undefined : encodeEntry(key, payload, sha256);
}

export function decodeDerivedSidecar(key: string, bytes: Uint8Array, sha256: (bytes: Uint8Array) => string): DerivedSidecar | undefined {
  const payload = decodeEntry(key, bytes, sha256);
  return payload === undefined ? undefined : fromPayload(payload);
}

function fromPayload(data: unknown): DerivedSidecar | undefined {
  if (!Array.isArray(data) || data.length !== 6) return undefined;
  const [transcript, coder, textHash, reanchored, flatMismatched, rows] = data as unknown[];
  if (typeof transcript !== 'string' || typeof coder !== 'string' || typeof textHash !== 'string' || (reanchored !== 0 && reanchored !== 1)) return undefined;
  if (!Array.isArray(flatMismatched) || flatMismatched.length % 3 !== 0 || !Array.isArray(rows)) return undefined;
  const mismatched: { id: string; start: number; end: number }[] = [];
  for (let i = 0; i < flatMismatched.length; i += 3) {
    const [id, start, end] = flatMismatched.slice(i, i + 3) as unknown[];
    if (typeof id !== 'string' || !isOffset(start) || !isOffset(end)) return undefined;
    mismatched.push({ id, start, end });
  }
  const codings: Coding[] = [];
  const lines: [string, number][] = [];
  for (const row of rows as unknown[]) {
    const coding = codingOf(row, coder);
    if (!coding) return undefined;
    codings.push(coding);
    lines.push([coding.id, (row as CodingRow)[7]]);
  }
  // lineOf was filled in file order, which is ascending line order.
  lines.sort((a, b) => a[1] - b[1]);
  const lineOf = new Map(lines);
  if (lineOf.size !== codings.length) return undefined;
  return { sidecar: { transcript, coder, textHash, codings }, lineOf, reanchored: reanchored === 1, mismatched };
}

function codingOf(row: unknown, coder: string): Coding | undefined {
  if (!Array.isArray(row) || (row.length !== 8 && row.length !== 10)) return undefined;
  const [id, code, start, end, quote, prefix, suffix, line, memo, status] = row as unknown[];
  if (typeof id !== 'string' || typeof code !== 'string' || !isOffset(start) || !isOffset(end) || typeof quote !== 'string' || typeof prefix !== 'string' || typeof suffix !== 'string' || !isOffset(line)) return undefined;
  if (row.length === 10) {
    if (memo !== null && typeof memo !== 'string') return undefined;
    if (status !== null && status !== 'needs-review' && status !== 'orphan') return undefined;
    if (memo === null && status === null) return undefined;
  }
  // Same key order as parseSidecar builds.
  return {
    id, code, start, end, quote, prefix, suffix, by: coder,
    ...(typeof memo === 'string' ? { memo } : {}),
    ...(status === 'needs-review' || status === 'orphan' ? { status } : {}),
  };
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
