import type { Sidecar } from '../../model';

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

/**
 * Bumped whenever what loadStudy derives from the same bytes, or how an entry stores it, changes; old
 * entries then never match. 2: quotes, prefixes and suffixes by reference to the text. 3: re-anchoring
 * flags every non-exact match (needs-review) instead of accepting a close one. 4: settings carry relation
 * types and codebooks relations and a core category.
 */
export const CACHE_FORMAT = 4;
const MAGIC = 'grounded-cache';

/** Key of the entry for a sidecar's bytes loaded against a transcript text (both by SHA-256). */
export function sidecarCacheKey(sidecarSha256: string, textHash: string): string {
  return `sidecar${CACHE_FORMAT}-${sidecarSha256}-${textHash.replace(/^sha256:/, '')}`;
}

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
  const header = headerDecoder.decode(bytes.subarray(0, newline)).split(' ');
  const body = bytes.subarray(newline + 1);
  if (
    header.length !== 4 ||
    header[0] !== MAGIC ||
    header[1] !== String(CACHE_FORMAT) ||
    header[2] !== key ||
    header[3] !== sha256(body)
  )
    return undefined;
  try {
    return JSON.parse(bodyDecoder.decode(body));
  } catch {
    return undefined;
  }
}

// Made once: a warm load decodes some 1,500 entries.
const headerDecoder = new TextDecoder();
const bodyDecoder = new TextDecoder('utf-8', { fatal: true });
