/**
 * The canonical text all offsets refer to: UTF-8 decoded, BOM stripped, CRLF and lone CR turned into LF.
 * Git may check a transcript out with CRLF on Windows and LF elsewhere; offsets over the canonical text are
 * the same on every machine. Offsets count Unicode code points (Python's str indices, R's substr), whereas
 * JavaScript strings and VS Code count UTF-16 code units: convert only at the edges, with the helpers here.
 */

// ignoreBOM: canonicalize strips exactly one BOM, as Python's utf-8-sig does (TextDecoder would strip another).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Bytes that are not text. `line` and `column` (1-based, column in code points) place the first bad byte
 * in the text before it as an editor shows it (a BOM is not a column; CRLF, CR and LF each end a line),
 * so a message can say where to look instead of only how many bytes in.
 */
export class TextDecodingError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(
    message: string,
    readonly byteOffset: number,
    bytes: Uint8Array,
  ) {
    super(message);
    ({ line: this.line, column: this.column } = lineColumnOfByte(bytes, byteOffset));
  }
}

/** Line and column of a byte offset, counted in the (valid) text before it. */
function lineColumnOfByte(bytes: Uint8Array, byteOffset: number): { line: number; column: number } {
  const before = canonicalize(utf8Lenient.decode(bytes.subarray(0, byteOffset)));
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: codePointLength(before.slice(lineStart)) + 1 };
}

/** Strict UTF-8 to string: throws on any invalid byte (a BOM is kept). Hosts may pass a faster one. */
export interface Utf8Decoder {
  (bytes: Uint8Array): string;
  /**
   * True when the decoder also throws NulBytesError for a zero byte in otherwise valid UTF-8, so that it
   * need not be looked for again (Node finds one with memchr, several times faster than a scan here).
   */
  readonly rejectsNul?: boolean;
}

/** Thrown by a decoder that `rejectsNul`: valid UTF-8 with a zero byte at `byteOffset`. */
export class NulBytesError extends Error {
  constructor(readonly byteOffset: number) {
    super('NUL byte');
  }
}

const NUL_MESSAGE =
  'the file contains NUL bytes: it is UTF-16 without a byte-order mark, or not a text file; save it as UTF-8';

export const strictUtf8: Utf8Decoder = (bytes) => utf8.decode(bytes);

/** Decodes UTF-8 (refusing invalid bytes and NUL, with the offset of the first bad byte) and canonicalizes. */
export function decodeCanonical(bytes: Uint8Array, decode: Utf8Decoder = strictUtf8): string {
  return decodeCanonicalFile(bytes, decode).text;
}

/**
 * decodeCanonical, also telling whether the bytes were already canonical (no BOM, no CR): then they are
 * the UTF-8 of the text and can be hashed as read instead of encoding the text again.
 */
export function decodeCanonicalFile(
  bytes: Uint8Array,
  decode: Utf8Decoder = strictUtf8,
): { text: string; bytesAreCanonical: boolean } {
  let decoded: string;
  try {
    decoded = decode(bytes);
  } catch (error) {
    if (error instanceof NulBytesError) throw new TextDecodingError(NUL_MESSAGE, error.byteOffset, bytes);
    throw new TextDecodingError(describeInvalidUtf8(bytes), firstInvalidUtf8Byte(bytes), bytes);
  }
  // NUL is valid UTF-8 but never text: an ASCII-only UTF-16 file without a BOM decodes to "H\0i\0".
  // Looked for in the bytes (in valid UTF-8 a zero byte is U+0000 and nothing else): a string search
  // for U+0000 in two-byte text stops at every ASCII character's zero high byte, and is twice as slow.
  const nul = decode.rejectsNul === true ? -1 : bytes.indexOf(0);
  if (nul >= 0) throw new TextDecodingError(NUL_MESSAGE, nul, bytes);
  const text = canonicalize(decoded);
  // canonicalize returns its argument when there is nothing to change (and the comparison is then O(1)).
  return { text, bytesAreCanonical: text === decoded };
}

/** Strips a BOM and normalizes line ends to LF. */
export function canonicalize(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

/** Byte offset of the first byte that is not valid UTF-8 (where the lenient decoder substitutes U+FFFD). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const lenient = utf8Lenient.decode(bytes);
  const replacement = lenient.indexOf('\uFFFD');
  return replacement < 0 ? 0 : new TextEncoder().encode(lenient.slice(0, replacement)).length;
}

function describeInvalidUtf8(bytes: Uint8Array): string {
  const hasUtf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return hasUtf16Bom
    ? 'the file is UTF-16; save it as UTF-8 (in VS Code: "Save with Encoding" → UTF-8)'
    : 'the file is not valid UTF-8 (Latin-1 or Windows-1252?); re-save it as UTF-8';
}

export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A surrogate pair: one code point outside the Basic Multilingual Plane in two UTF-16 units. */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Number of code points in a string (a lone surrogate counts as one). */
export function codePointLength(text: string): number {
  // The regular expression scans a big study's tens of MB about three times as fast as a charCodeAt loop,
  // and at once on text V8 stores one byte per character, which cannot hold a surrogate.
  let pairs = 0;
  SURROGATE_PAIR.lastIndex = 0;
  while (SURROGATE_PAIR.exec(text) !== null) pairs++;
  return text.length - pairs;
}

/**
 * Maps between code-point offsets and UTF-16 offsets of one text. O(1) for texts with no astral
 * characters (the common case); otherwise a binary search over the astral positions.
 */
export class OffsetMap {
  /** UTF-16 index of every high surrogate that starts an astral character, ascending. */
  readonly astralUnits: readonly number[];
  readonly codePointLength: number;

  /**
   * `astralUnits` skips the scan when they are known (a content-addressed cache keyed by the text's
   * hash): they must be exactly what the scan would find.
   */
  constructor(
    readonly text: string,
    astralUnits?: readonly number[],
  ) {
    this.astralUnits = astralUnits ?? scanAstralUnits(text);
    this.codePointLength = text.length - this.astralUnits.length;
  }

  /** UTF-16 offset of a code-point offset. */
  toUtf16(codePoint: number): number {
    // The k-th astral char (0-based) starts at code point astralUnits[k] - k.
    let low = 0;
    let high = this.astralUnits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.astralUnits[mid] as number) - mid < codePoint) low = mid + 1;
      else high = mid;
    }
    return codePoint + low;
  }

  /** Code-point offset of a UTF-16 offset (an offset inside a surrogate pair rounds down). */
  toCodePoint(utf16: number): number {
    let low = 0;
    let high = this.astralUnits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.astralUnits[mid] as number) < utf16 - 1) low = mid + 1;
      else high = mid;
    }
    // `low` astral chars start strictly before utf16 - 1; one starting at utf16 - 1 is cut in half.
    const cutInHalf = this.astralUnits[low] === utf16 - 1 ? 1 : 0;
    return utf16 - low - cutInHalf;
  }

  /** Substring by code-point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/**
 * Where each surrogate pair starts. A regular expression scans several times faster than a charCodeAt
 * loop (a warm load used to build a map per transcript: 35 M characters in a big study). Without the
 * u flag it matches code units, so a lone surrogate is skipped exactly as a loop would skip it.
 */
function scanAstralUnits(text: string): number[] {
  const units: number[] = [];
  const pairs = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
  for (let match = pairs.exec(text); match !== null; match = pairs.exec(text)) units.push(match.index);
  return units;
}

/** 1-based line and column (in code points) of a code-point offset, for messages. */
export function lineColumnAt(text: string, codePointOffset: number): { line: number; column: number } {
  const map = new OffsetMap(text);
  const utf16 = map.toUtf16(Math.min(codePointOffset, map.codePointLength));
  const before = text.slice(0, utf16);
  const lastNewline = before.lastIndexOf('\n');
  const line = before.length - before.replaceAll('\n', '').length + 1;
  return { line, column: codePointLength(before.slice(lastNewline + 1)) + 1 };
}
