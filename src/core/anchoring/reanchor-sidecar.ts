import type { Coding, Sidecar } from '../model';
import { OffsetMap } from '../text/canonical';
import { anchorQuote, type AnchorMethod, type AnchorOptions, type AnchorStatus } from './anchor';
import { isCodingConsistent } from './coding-consistency';
import { quoteSelector } from './selector';

export { isCodingConsistent };

/** What re-anchoring did to one coding, for a summary to the user ("3 codings need review"). */
export interface ReanchorChange {
  readonly id: string;
  readonly from: { readonly start: number; readonly end: number };
  readonly to: { readonly start: number; readonly end: number };
  readonly status: AnchorStatus;
  readonly method: AnchorMethod;
}

/**
 * Re-anchors the codings of a sidecar against the transcript's canonical text. Never drops a coding: one
 * that cannot be placed keeps its old quote (the reviewer's evidence of what was coded) and is flagged.
 * When the text changed (another hash) every coding is re-anchored, flagged ones too, since a later edit
 * (an undo, a merge) may bring their text back. When the hash is the same, a coding without a status whose
 * quote is not the text at its offsets (a hand edit, or a git merge of one branch's transcript edit with
 * another branch's new coding) is re-anchored by its quote; the others are kept as they are.
 * `changes` lists every coding whose offsets, status or quote changed; the same sidecar object comes back
 * when nothing needed re-anchoring.
 */
export function reanchorSidecar(
  sidecar: Sidecar,
  text: string | OffsetMap,
  textHash: string,
  options?: AnchorOptions,
): { sidecar: Sidecar; changes: ReanchorChange[] } {
  const map = typeof text === 'string' ? new OffsetMap(text) : text;
  const sameText = sidecar.textHash === textHash;
  const needsAnchoring = (coding: Coding) =>
    !sameText || (coding.status === undefined && !isCodingConsistent(coding, map));
  if (sameText && !sidecar.codings.some(needsAnchoring)) return { sidecar, changes: [] };
  const changes: ReanchorChange[] = [];
  const codings = sidecar.codings.map((coding) => {
    if (!needsAnchoring(coding)) return coding;
    const result = anchorQuote(map, coding, options);
    const next = reanchoredCoding(coding, result, map);
    if (
      next.start !== coding.start ||
      next.end !== coding.end ||
      next.status !== coding.status ||
      next.quote !== coding.quote
    ) {
      const { status, method } = result;
      changes.push({
        id: coding.id,
        from: { start: coding.start, end: coding.end },
        to: { start: next.start, end: next.end },
        status,
        method,
      });
    }
    return next;
  });
  return { sidecar: { ...sidecar, textHash, codings: sortCodings(codings) }, changes };
}

function reanchoredCoding(coding: Coding, result: ReturnType<typeof anchorQuote>, map: OffsetMap): Coding {
  const { status: _old, ...rest } = coding;
  const at = { start: result.start, end: result.end };
  switch (result.status) {
    case 'anchored':
      return { ...rest, ...at, ...quoteSelector(map, at.start, at.end) };
    case 'needs-review':
      // Best-guess offsets, but the quote stays what the researcher coded until a person confirms.
      return { ...rest, ...at, status: 'needs-review' };
    case 'orphan':
      return { ...rest, ...at, status: 'orphan' };
  }
}

/** The sidecar's canonical order (model.ts): start, end, code, id. Deterministic for clean git diffs. */
export function sortCodings(codings: readonly Coding[]): Coding[] {
  return [...codings].sort(
    (a, b) => a.start - b.start || a.end - b.end || compareStrings(a.code, b.code) || compareStrings(a.id, b.id),
  );
}

/** Code-unit order, not locale order: the same on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
