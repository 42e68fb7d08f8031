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
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      problem: problem(
        uri,
        error.line,
        error.column,
        'survey-encoding',
        `byte 0x${byte} at offset ${offset} is not valid UTF-8`,
        error.message,
      ),
    };
  }
}
