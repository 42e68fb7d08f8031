import { problem, type Problem } from '../problems';
import { basenameUri } from '../uri';
import type { TextDecodingError } from './canonical';

/** The problem for a file that is not UTF-8 text, placed at its first bad byte (line, column and byte offset). */
export function encodingProblem(uri: string, error: TextDecodingError): Problem {
  return problem(
    uri,
    error.line,
    error.column,
    'encoding',
    `${basenameUri(uri)}: invalid UTF-8 at line ${error.line}, column ${error.column} (byte ${error.byteOffset})`,
    error.message,
  );
}
