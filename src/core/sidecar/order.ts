import type { Coding } from '../model';

/** The one order of codings in a sidecar: by position, then code, then id, so output never depends on history. */
export function compareCodings(a: Coding, b: Coding): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.code, b.code) || compareStrings(a.id, b.id);
}

/** Code-unit order, independent of the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
