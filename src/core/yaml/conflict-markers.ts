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

export function findConflictMarkers(text: string): MarkerPosition[] {
  const found: MarkerPosition[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = CONFLICT_MARKER.exec(lines[index] as string);
    if (match) found.push({ line: index + 1, marker: match[1] as string });
  }
  return found;
}
