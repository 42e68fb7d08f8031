import { decodeCanonical, TextDecodingError } from '../text/canonical';
import { problem, type Problem } from '../problems';

/**
 * Canonical text of a CSV file (BOM stripped, CRLF and CR → LF, so line numbers match every editor), or a
 * problem that names the first byte that is not UTF-8 with its line and column: Excel's "CSV" (not
 * "CSV UTF-8") writes Windows-1252, and the user needs to know where the first accented letter is.
 */
export function decodeSurveyText(uri: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  try {
    return { text: decodeCanonical(bytes) };
  } catch (error) {
    if (!(error instanceof TextDecodingError)) throw error;
    const offset = error.byteOffset;
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
    const column = [...before].length + 1;
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      problem: problem(
        uri,
        line,
        column,
        'survey-encoding',
        `byte 0x${byte} at offset ${offset} is not valid UTF-8`,
        error.message,
      ),
    };
  }
}
