import { Buffer, isAscii, isUtf8, transcode } from 'node:buffer';

/**
 * Strict UTF-8 decoding (loadStudy's `utf8` option) over Node's native code: the same strings as
 * TextDecoder('utf-8', { fatal: true, ignoreBOM: true }), ≈ 1.7× as fast on the non-ASCII text of
 * transcripts (Node 20's TextDecoder builds strings one code point at a time; ICU's converter plus a
 * UTF-16 copy does not). simdutf validates first, so the converter only ever sees valid UTF-8 and
 * never substitutes anything.
 */
export function nodeUtf8(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // ASCII is Latin-1: one copy into a one-byte string.
  if (isAscii(buffer)) return buffer.toString('latin1');
  if (!isUtf8(buffer)) throw new TypeError('The encoded data was not valid for encoding utf-8');
  return transcode(buffer, 'utf8', 'utf16le').toString('utf16le');
}
