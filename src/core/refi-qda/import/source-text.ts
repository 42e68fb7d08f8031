import { canonicalize, OffsetMap } from '../../text/canonical';

/**
 * The text of a REFI-QDA source, and the bridge between its positions and Grounded's offsets.
 *
 * REFI-QDA positions count the code points of the source text as stored: after decoding, without the BOM
 * (not a character), with CRLF counting two. Grounded's offsets count code points of the canonical text (LF
 * line ends). So a position is converted by subtracting the CRs of the CRLF pairs before it (a lone CR
 * becomes one LF and keeps its count).
 */
export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedSource {
  /** Decoded, BOM removed, line ends as stored. */
  readonly stored: string;
  readonly encoding: SourceEncoding;
  /** True when the bytes were not valid UTF-8 and were read as Windows-1252. */
  readonly guessed: boolean;
}

/**
 * Decodes a source file: UTF-8 unless a byte-order mark or the pattern of zero bytes says UTF-16 (exporters
 * that write UTF-16 do not always write a BOM: ASCII text then has a zero in every other byte). Bytes that are
 * neither are read as Windows-1252, the usual encoding of text files saved by Windows tools, and flagged.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const encoding = detectEncoding(bytes);
  if (encoding !== 'utf-8') return { stored: stripBom(decode(encoding, bytes)), encoding, guessed: false };
  try {
    return { stored: stripBom(decode('utf-8', bytes, true)), encoding, guessed: false };
  } catch {
    return { stored: decode('windows-1252', bytes), encoding: 'windows-1252', guessed: true };
  }
}

function detectEncoding(bytes: Uint8Array): SourceEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Without a BOM: zero bytes mostly at odd offsets is little-endian UTF-16 of Latin text, at even ones big-endian.
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (pairs > 0 && oddZeros > pairs / 4 && evenZeros === 0) return 'utf-16le';
  if (pairs > 0 && evenZeros > pairs / 4 && oddZeros === 0) return 'utf-16be';
  return 'utf-8';
}

function decode(encoding: SourceEncoding, bytes: Uint8Array, fatal = false): string {
  // ignoreBOM keeps the BOM in the text so that exactly one is removed, whatever the decoder does.
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A source's canonical text and the conversion of its stored positions to canonical offsets. */
export class SourcePositions {
  readonly canonical: string;
  readonly map: OffsetMap;
  /** Code-point length of the stored text: positions past it are outside the source. */
  readonly storedLength: number;
  /** Stored code-point positions of the CRs that CRLF pairs lose, ascending. */
  private readonly droppedCrs: readonly number[];

  constructor(stored: string) {
    this.canonical = canonicalize(stored);
    this.map = new OffsetMap(this.canonical);
    const dropped: number[] = [];
    let codePoint = 0;
    for (let i = 0; i < stored.length; i++) {
      const unit = stored.charCodeAt(i);
      if (unit === 0x0d && stored.charCodeAt(i + 1) === 0x0a) dropped.push(codePoint);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = stored.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
      codePoint++;
    }
    this.droppedCrs = dropped;
    this.storedLength = codePoint;
  }

  /** The canonical offset of a stored position (0 ≤ position ≤ storedLength). */
  toCanonical(position: number): number {
    let low = 0;
    let high = this.droppedCrs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.droppedCrs[mid] as number) < position) low = mid + 1;
      else high = mid;
    }
    return position - low;
  }
}
