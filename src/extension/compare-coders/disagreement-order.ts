/**
 * Which disagreement "next" and "previous" go to. Free of `vscode` (unit-tested in Node): the caller says
 * where the person is, either on a listed disagreement or at a position in a transcript.
 */

/** What ordering needs of a listed disagreement (a `ComparedDisagreement` has all of it). */
export interface Ordered {
  readonly key: string;
  readonly disagreement: { readonly transcript: string; readonly first?: Side; readonly second?: Side };
  readonly settlement: { readonly settled: boolean };
}

interface Side {
  readonly start: number;
}

/** On a listed disagreement, or at a code-point offset of a transcript (by its path). */
export type Whereabouts = { readonly key: string } | { readonly transcript: string; readonly offset: number };

export interface Step<T> {
  readonly to: T;
  /** Past the last (or before the first) open disagreement, so the search started over at the other end. */
  readonly wrapped: boolean;
}

/**
 * The next (or previous) open disagreement in reading order from where the person is, wrapping around at
 * the end like the editor's "next problem". Settled ones are skipped: they need no more discussion, and the
 * view still lists them. `transcripts` is the study's transcript order (paths), for a position in a transcript
 * that has no disagreement itself. Undefined when every disagreement is settled.
 */
export function stepFrom<T extends Ordered>(
  items: readonly T[],
  from: Whereabouts | undefined,
  direction: 1 | -1,
  transcripts: readonly string[],
): Step<T> | undefined {
  const open = items.map((item, index) => ({ item, index })).filter(({ item }) => !item.settlement.settled);
  if (open.length === 0) return undefined;
  const rank = new Map(transcripts.map((path, index) => [path, index]));
  const rankOf = (path: string) => rank.get(path) ?? transcripts.length;
  // A disagreement no longer listed (a coder changed it) gives no place to start from: start at an end.
  const at = from && 'key' in from ? items.findIndex((item) => item.key === from.key) : -1;
  const place = from && 'key' in from && at < 0 ? undefined : from;
  // Where an item lies relative to the person: negative before, positive after, in reading order.
  const versus = (item: T, index: number): number => {
    if (place === undefined) return direction;
    if ('key' in place) return index - at;
    return rankOf(item.disagreement.transcript) - rankOf(place.transcript) || startOf(item) - place.offset;
  };
  const ahead = open.filter(({ item, index }) => Math.sign(versus(item, index)) === direction);
  const found = direction === 1 ? ahead[0] : ahead[ahead.length - 1];
  if (found) return { to: found.item, wrapped: false };
  const around = direction === 1 ? open[0] : open[open.length - 1];
  return around ? { to: around.item, wrapped: place !== undefined } : undefined;
}

function startOf(item: Ordered): number {
  return Math.min(item.disagreement.first?.start ?? Infinity, item.disagreement.second?.start ?? Infinity);
}
