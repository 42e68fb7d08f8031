import { canonicalize, decodeCanonical, TextDecodingError } from '../text/canonical';
import { TranscriptConversionError } from './conversion';

/**
 * The text of a caption or text file, LF line ends, no BOM. Accepts UTF-8 (with or without BOM) and UTF-16
 * with a BOM, as Windows tools write it; anything else that is not valid UTF-8 text is refused with where
 * the first bad byte is, since guessing a legacy encoding would silently change words.
 */
export function decodeSourceText(bytes: Uint8Array): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16 !== undefined) {
    try {
      return canonicalize(new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2)));
    } catch {
      throw new TranscriptConversionError(
        `it starts as ${utf16.toUpperCase()} text but has bytes that are not; save it as UTF-8`,
      );
    }
  }
  try {
    return decodeCanonical(bytes);
  } catch (error) {
    if (error instanceof TextDecodingError)
      throw new TranscriptConversionError(
        `not a text file: ${error.message} (line ${error.line}, column ${error.column}, byte ${error.byteOffset})`,
      );
    throw error;
  }
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
