import { problem, type Problem } from '../problems';

/**
 * Git conflict markers. Scanned BEFORE parsing: a marker inside a quoted YAML scalar parses silently
 * and would be written back as data.
 */
const CONFLICT_MARKER = /^(<{7,}|={7,}|>{7,}|\|{7,})( |$)/;

export interface MarkerPosition {
  /** 1-based. */
  readonly line: number;
  readonly marker: string;
}

/**
 * The conflict-marker lines of a text. `<<<<<<<` and `>>>>>>>` lines always count; a `=======` or
 * `|||||||` line only inside a conflict block (after a `<<<<<<<`, or before a `>>>>>>>` whose opening line
 * was deleted), because outside one it is Markdown: a line of "=" underlines a heading (setext).
 */
export function findConflictMarkers(text: string): MarkerPosition[] {
  // Every conflict has an opening or a closing line, so a text with neither has none: the common case,
  // decided without splitting a whole transcript into lines.
  if (!text.includes('<<<<<<<') && !text.includes('>>>>>>>')) return [];
  const lines = text.split('\n');
  const markers = lines.map((line) => CONFLICT_MARKER.exec(line)?.[1]);
  // Whether the next opening or closing marker after each line closes a block.
  const closerAhead: boolean[] = new Array<boolean>(lines.length);
  let closes = false;
  for (let index = lines.length - 1; index >= 0; index--) {
    closerAhead[index] = closes;
    const marker = markers[index];
    if (marker?.startsWith('>')) closes = true;
    else if (marker?.startsWith('<')) closes = false;
  }
  const found: MarkerPosition[] = [];
  let open = false;
  markers.forEach((marker, index) => {
    if (marker === undefined) return;
    const angle = marker.startsWith('<') || marker.startsWith('>');
    if (angle || open || closerAhead[index]) found.push({ line: index + 1, marker });
    if (marker.startsWith('<')) open = true;
    else if (marker.startsWith('>')) open = false;
  });
  return found;
}

/** A problem at each conflict-marker line of a file (none when it has no conflict). */
export function conflictMarkerProblems(uri: string, text: string, hint: string): Problem[] {
  return findConflictMarkers(text).map((m) =>
    problem(uri, m.line, 1, 'conflict-marker', `git conflict marker "${m.marker}"`, hint),
  );
}
