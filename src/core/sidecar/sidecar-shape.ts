import type { Sidecar } from '../model';

/**
 * What both sidecar readers — the full parser (format.ts) and the fast reader of our own layout
 * (canonical-parse.ts) — agree on. Kept apart from both so that neither imports the other's module.
 */

export const SIDECAR_VERSION = 1;

/**
 * Coder ids end up in file names: lowercase letters of any script and digits, with "-" and "_" between
 * words (coderIdFrom makes one from a name). Nothing a file system refuses, and no "." (it separates the
 * coder from the transcript's stem in the file name).
 */
export const CODER_ID = /^[\p{Ll}\p{Lm}\p{Lo}\p{N}][\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}_-]*$/u;

/** What a sidecar parse gives besides the data: the line of each coding, for messages. */
export interface ParsedSidecar {
  readonly sidecar: Sidecar;
  /** 1-based line of each coding's first key, by coding id. */
  readonly lineOf: ReadonlyMap<string, number>;
}
