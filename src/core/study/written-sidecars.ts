import type { Sidecar } from '../model';
import { WrittenMemo } from '../persistence/parse-memo';
import { lineOfAsWritten, validateSidecarAgainstText } from '../sidecar/format';
import type { DerivedSidecar } from './cache/cache-entry';

/**
 * The sidecars this process just wrote, by their exact bytes and the hash of the transcript text they were
 * anchored to. A coding action reads its sidecar again before writing it (compare and swap), and the study's
 * reload right after it reads the file it just wrote: both find those bytes and take the sidecar from here
 * instead of decoding, parsing and checking 2,000 codings again. A few files: one person codes one transcript
 * at a time. Shared by every caller on purpose: an entry is a pure function of its key (URI, text hash, exact
 * bytes), so a caller can only ever get the value its own parse would give.
 */
const written = new WrittenMemo<Sidecar>(8);

/**
 * Sidecars known to need no re-anchoring against the text of a hash (every coding without a status quotes
 * its passage there). The sidecar a coding action writes comes back as the one the next action reads: checking
 * its 2,000 codings again on every coding would be most of the work of a coding.
 */
const anchoredTo = new WeakMap<Sidecar, string>();

export function rememberWritten(uri: string, textHash: string, bytes: Uint8Array, sidecar: Sidecar): void {
  written.set(uri, textHash, bytes, sidecar);
}

/** The sidecar written to `uri` as exactly these bytes, anchored to the text of `textHash`; undefined otherwise. */
export function recallWritten(uri: string, textHash: string, bytes: Uint8Array): Sidecar | undefined {
  return written.get(uri, textHash, bytes);
}

export function isAnchoredTo(sidecar: Sidecar, textHash: string): boolean {
  return anchoredTo.get(sidecar) === textHash;
}

export function markAnchoredTo(sidecar: Sidecar, textHash: string): void {
  anchoredTo.set(sidecar, textHash);
}

/**
 * What loading a sidecar's bytes against a transcript text derives (parse, check, re-anchor), when the bytes
 * are exactly what this process wrote for that very text: the sidecar written, with nothing to re-anchor and
 * the lines a parse would give. Undefined when loading must do the work: other bytes, another text, a sidecar
 * not known to be anchored there, or one whose parse would not give back the very same values.
 */
export function loadedAsWritten(
  uri: string,
  bytes: Uint8Array,
  textHash: string,
  textLength: number,
): DerivedSidecar | undefined {
  const sidecar = recallWritten(uri, textHash, bytes);
  if (sidecar === undefined || sidecar.textHash !== textHash || !isAnchoredTo(sidecar, textHash)) return undefined;
  const lineOf = lineOfAsWritten(sidecar);
  if (lineOf === undefined) return undefined;
  const parsed = { sidecar, lineOf };
  // Cheap, and what a load checks first: offsets past the end of the text are a broken file, never taken as read.
  if (validateSidecarAgainstText(uri, parsed, textLength, textHash).length > 0) return undefined;
  return { ...parsed, reanchored: false, mismatched: [] };
}
