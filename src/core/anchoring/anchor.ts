import search from 'approx-string-match';
import { OffsetMap } from '../text/canonical';
import { findContextGap } from './context-probe';
import { snapToContext } from './snap-to-context';
import { contextSimilarity, wholeStringSimilarity } from './similarity';

/**
 * Re-anchoring of one W3C TextQuoteSelector + TextPositionSelector in a changed text, after the Hypothesis
 * client's match-quote: stored position → exact quote search → fuzzy search (approx-string-match, budget
 * min(256, quote length / 2)), each candidate scored 50·quote + 20·prefix + 20·suffix + 2·closeness.
 *
 * Unlike Hypothesis, which always takes the best candidate, a result must pass a test to count as anchored:
 * a coding silently moved onto the wrong passage, or onto words it was not coded on, is worse than one
 * flagged for review. Anchored means: the exact quote, with its stored prefix or its stored suffix unchanged
 * next to it (an identical sentence elsewhere is not the passage that was coded), and no rival elsewhere
 * that the evidence (quote + context) cannot tell apart. Anything else (a fuzzy match however close, an
 * exact copy out of its context) is kept as a best guess, 'needs-review', for a person to confirm; with
 * no candidate at all the coding is an 'orphan' at its old, clamped offsets.
 *
 * Additions to Hypothesis' search, each for a failure seen in transcripts:
 * - fuzzy matches are snapped to where their stored prefix/suffix are (the lowest-error substring often
 *   stops short of an inserted word);
 * - the fuzzy search looks near the old position first (cheap, and where most edits are);
 * - when the quote is missing, weak or out of context, the stored prefix and suffix are searched on their
 *   own: the text between them is a candidate (a rewritten quote), and nothing but spacing between them
 *   means the quote was deleted (→ orphan, not a weak look-alike elsewhere).
 */

export interface AnchorTarget {
  /** Old offsets, code points. */
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
}

export type AnchorStatus = 'anchored' | 'needs-review' | 'orphan';
export type AnchorMethod = 'position' | 'exact' | 'fuzzy' | 'none';

export interface AnchorResult {
  /** New offsets, code points, 0 ≤ start ≤ end ≤ text length. */
  readonly start: number;
  readonly end: number;
  readonly status: AnchorStatus;
  readonly method: AnchorMethod;
  /** Normalised candidate score, 0..1 (1 for an unchanged position, 0 for an orphan). */
  readonly score: number;
}

export interface AnchorOptions {
  /**
   * Least quote similarity (1 − edits / quote length) for a look-alike to count as the quote when the stored
   * prefix and suffix now touch (the quote was deleted): below it the coding is an orphan rather than a
   * best guess. Default 0.8: a fixed typo or a changed word in a sentence passes, a rewritten one does not.
   */
  readonly minQuoteSimilarity?: number;
  /**
   * How far ahead (in evidence, 0..1) the best candidate must be of any rival that does not overlap it.
   * Default 0.005, just under what one more agreeing character of 32-character context is worth
   * (20 / 32 / 90 ≈ 0.007): the rival must be distinguishable by at least one character of context.
   */
  readonly ambiguityMargin?: number;
  /** Cap of the fuzzy search's error budget (Hypothesis: 256; search cost grows with it). */
  readonly maxErrorsCap?: number;
}

/** Mean prefix/suffix similarity below which context disagrees: unrelated English windows score 0.2–0.4. */
const MIN_CONTEXT = 0.5;

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const EVIDENCE_TOTAL = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT;

/** A place the quote may now be, in UTF-16 code units of the text. */
interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly method: 'exact' | 'fuzzy';
  readonly quoteSimilarity: number;
  readonly contextSimilarity: number;
  /** The stored prefix is exactly the text before the candidate, or the stored suffix the text after it. */
  readonly contextKept: boolean;
  /** Quote and context agreement, 0..1, position left out (the part that tells candidates apart). */
  readonly evidence: number;
  /** Evidence plus closeness to the old position: the Hypothesis score, normalised. */
  readonly score: number;
}

export function anchorQuote(text: string | OffsetMap, target: AnchorTarget, options: AnchorOptions = {}): AnchorResult {
  const map = typeof text === 'string' ? new OffsetMap(text) : text;
  if (target.quote.length === 0) {
    if (isAtStoredPosition(map, target)) return anchoredAtPosition(target);
    return anchorEmptyQuote(map, target);
  }
  const hint = map.toUtf16(clamp(target.start, 0, map.codePointLength));
  const rate = candidateRater(map.text, target, hint);
  if (isAtStoredPosition(map, target)) {
    // The quote is still at its offsets; with its context gone on both sides it may be another copy that
    // an edit moved there, which the search below judges like any other.
    const here = rate({ start: hint, end: hint + target.quote.length, errors: 0 });
    if (here.contextKept) return anchoredAtPosition(target);
  }
  const minQuoteSimilarity = options.minQuoteSimilarity ?? 0.8;
  const isAccepted = (best: Candidate, all: readonly Candidate[]): boolean =>
    best.quoteSimilarity === 1 && best.contextKept && !hasRival(best, all, options.ambiguityMargin ?? 0.005);

  const budget = Math.min(options.maxErrorsCap ?? 256, Math.floor(target.quote.length / 2));
  // The fuzzy search reports one place several times (one per end offset), and snapping often maps them
  // to the same region: score each region once.
  const snappedRegions = new Map<string, Candidate>();
  const rateFuzzy = (match: Match): Candidate => {
    const snapped = snapToContext(map.text, match, target.prefix, target.suffix, budget);
    if (snapped.start === match.start && snapped.end === match.end) return rate(match);
    const key = `${snapped.start}:${snapped.end}`;
    const known = snappedRegions.get(key);
    if (known !== undefined) return known;
    const region = map.text.slice(snapped.start, snapped.end);
    const candidate = rate({ ...snapped, errors: -1 }, wholeStringSimilarity(region, target.quote));
    snappedRegions.set(key, candidate);
    return candidate;
  };

  let candidates = findExact(map.text, target.quote).map((match) => rate(match));
  if (candidates.length === 0) {
    // Most edits are local, and the fuzzy search costs O(budget / 32 · searched length): look near the old
    // position first, in the whole text only when nothing plausible is there. (No fuzzy match is accepted,
    // and the exact search above covered the whole text: further away there is only a better guess.)
    const near = nearWindow(hint, target.quote.length, map.text.length);
    candidates = fuzzySearch(map.text, target.quote, budget, near).map(rateFuzzy);
    const local = pickBest(candidates);
    const coversAll = near.start === 0 && near.end === map.text.length;
    const plausible =
      local !== undefined && local.quoteSimilarity >= minQuoteSimilarity && local.contextSimilarity >= MIN_CONTEXT;
    if (!coversAll && !plausible) {
      candidates = fuzzySearch(map.text, target.quote, budget, { start: 0, end: map.text.length }).map(rateFuzzy);
    }
  }
  let best = pickBest(candidates);
  if (best === undefined || !isAccepted(best, candidates) || best.contextSimilarity < MIN_CONTEXT) {
    // The quote is not convincingly there, or only out of its context (a verbatim copy elsewhere while the
    // original was edited in place?): ask where its context went, and let that place compete.
    const gap = findContextGap(map.text, target.quote, target.prefix, target.suffix, hint);
    const deleted = gap !== undefined && map.text.slice(gap.start, gap.end).trim() === '' && target.quote.trim() !== '';
    if (deleted && (best === undefined || best.quoteSimilarity < minQuoteSimilarity)) {
      // Prefix and suffix now touch (but for spacing): the quote was deleted; a weak look-alike elsewhere
      // is not it.
      return orphan(map, target);
    }
    if (gap !== undefined && !deleted) {
      const region = map.text.slice(gap.start, gap.end);
      candidates.push(
        rate({ start: gap.start, end: gap.end, errors: -1 }, wholeStringSimilarity(region, target.quote)),
      );
      best = pickBest(candidates);
    }
  }
  if (best === undefined) return orphan(map, target);
  return {
    start: map.toCodePoint(best.start),
    end: endToCodePoint(map, best.end),
    status: isAccepted(best, candidates) ? 'anchored' : 'needs-review',
    method: best.method,
    score: best.score,
  };
}

function anchoredAtPosition(target: AnchorTarget): AnchorResult {
  return { start: target.start, end: target.end, status: 'anchored', method: 'position', score: 1 };
}

function isAtStoredPosition(map: OffsetMap, target: AnchorTarget): boolean {
  const { start, end } = target;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > map.codePointLength)
    return false;
  if (map.slice(start, end) !== target.quote) return false;
  // An empty quote matches everywhere; only its unchanged context says it is still in place.
  if (target.quote.length > 0) return true;
  return (
    map.slice(Math.max(0, start - [...target.prefix].length), start) === target.prefix &&
    map.slice(end, Math.min(map.codePointLength, end + [...target.suffix].length)) === target.suffix
  );
}

/** Another candidate, elsewhere, that the evidence cannot tell apart from the best one. */
function hasRival(best: Candidate, all: readonly Candidate[], margin: number): boolean {
  return all.some((c) => c !== best && !overlaps(c, best) && c.evidence >= best.evidence - margin);
}

/** Overlapping candidates are one place found twice (the fuzzy search reports several ends per place). */
function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

interface Match {
  readonly start: number;
  readonly end: number;
  /** Edits between the quote and the text matched; −1 for a region found by other means. */
  readonly errors: number;
}

function findExact(text: string, quote: string): Match[] {
  const found: Match[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/** approx-string-match's lowest-error matches of `quote` within `range` of the text. */
function fuzzySearch(text: string, quote: string, maxErrors: number, range: { start: number; end: number }): Match[] {
  if (range.end <= range.start) return [];
  return search(text.slice(range.start, range.end), quote, maxErrors).map((m) => ({
    start: m.start + range.start,
    end: m.end + range.start,
    errors: m.errors,
  }));
}

/** Where a locally edited quote can be: its old place, with room for it to move or grow. */
const NEAR_SLACK = 1024;

function nearWindow(hint: number, quoteLength: number, textLength: number): { start: number; end: number } {
  return { start: Math.max(0, hint - NEAR_SLACK), end: Math.min(textLength, hint + 2 * quoteLength + NEAR_SLACK) };
}

function candidateRater(text: string, target: AnchorTarget, hint: number) {
  const length = Math.max(1, text.length);
  /** For a match with `errors` −1 (not from a quote search) the caller supplies the quote similarity. */
  return (match: Match, knownQuoteSimilarity?: number): Candidate => {
    const quoteSimilarity = knownQuoteSimilarity ?? 1 - match.errors / target.quote.length;
    // An empty stored context still gets a one-character window: whether text now precedes (or follows)
    // the candidate is what it has to say.
    const prefixWindow = text.slice(Math.max(0, match.start - Math.max(1, target.prefix.length)), match.start);
    const prefixSimilarity = contextSimilarity(prefixWindow, target.prefix);
    const suffixWindow = text.slice(match.end, match.end + Math.max(1, target.suffix.length));
    const suffixSimilarity = contextSimilarity(suffixWindow, target.suffix);
    const closeness = 1 - Math.abs(match.start - hint) / length;
    const weighted =
      QUOTE_WEIGHT * quoteSimilarity + PREFIX_WEIGHT * prefixSimilarity + SUFFIX_WEIGHT * suffixSimilarity;
    return {
      start: match.start,
      end: match.end,
      method: quoteSimilarity === 1 ? 'exact' : 'fuzzy',
      quoteSimilarity,
      contextSimilarity: (prefixSimilarity + suffixSimilarity) / 2,
      contextKept: prefixWindow === target.prefix || suffixWindow === target.suffix,
      evidence: weighted / EVIDENCE_TOTAL,
      score: (weighted + POSITION_WEIGHT * closeness) / (EVIDENCE_TOTAL + POSITION_WEIGHT),
    };
  };
}

function pickBest(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) if (best === undefined || c.score > best.score) best = c;
  return best;
}

/**
 * A zero-length coding has no text to look for, only context. Found again between its exact prefix and
 * suffix, it is a best guess (needs-review): a coding without text is something a person should look at.
 */
function anchorEmptyQuote(map: OffsetMap, target: AnchorTarget): AnchorResult {
  const context = target.prefix + target.suffix;
  if (context.length === 0) return orphan(map, target);
  const hint = map.toUtf16(clamp(target.start, 0, map.codePointLength));
  let best: number | undefined;
  for (let at = map.text.indexOf(context); at >= 0; at = map.text.indexOf(context, at + 1)) {
    const point = at + target.prefix.length;
    if (best === undefined || Math.abs(point - hint) < Math.abs(best - hint)) best = point;
  }
  if (best === undefined) return orphan(map, target);
  const offset = map.toCodePoint(best);
  const closeness = 1 - Math.abs(best - hint) / Math.max(1, map.text.length);
  const score = (PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT * closeness) / (EVIDENCE_TOTAL + POSITION_WEIGHT);
  return { start: offset, end: offset, status: 'needs-review', method: 'exact', score };
}

/** Nothing found: keep the old offsets, clamped into the text, so the coding survives for a person to fix. */
function orphan(map: OffsetMap, target: AnchorTarget): AnchorResult {
  const length = map.codePointLength;
  const start = clamp(Number.isFinite(target.start) ? Math.trunc(target.start) : 0, 0, length);
  const end = clamp(Number.isFinite(target.end) ? Math.trunc(target.end) : start, start, length);
  return { start, end, status: 'orphan', method: 'none', score: 0 };
}

/** A match may end between the halves of a surrogate pair; round up so the character stays whole. */
function endToCodePoint(map: OffsetMap, utf16End: number): number {
  const unit = map.text.charCodeAt(utf16End - 1);
  const splitsPair = unit >= 0xd800 && unit <= 0xdbff;
  return map.toCodePoint(splitsPair ? utf16End + 1 : utf16End);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
