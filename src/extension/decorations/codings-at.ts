import type * as vscode from 'vscode';
import type { LiveCoding, LiveTranscript } from '../study/live-codings';

/**
 * The codings covering a position. A coding covers [start, end]: the caret right after the last coded
 * character still counts, as it does for the selection commands.
 */
export function codingsAt(entry: LiveTranscript, position: vscode.Position): LiveCoding[] {
  const offset = entry.text.toOffset(position);
  return entry.codings.filter(
    ({ coding }) => coding.start <= offset && offset <= coding.end && coding.start < coding.end,
  );
}
