import type { Codebook } from '../model';
import { OffsetMap } from '../text/canonical';
import { QuoteLocator } from './locate-quote';
import type { Passage } from './passage';
import { MAX_RATIONALE, MAX_SUGGESTIONS } from './prompt';

/** A suggestion that passed every check: an exact stretch of the transcript and a code (or a new code's name). */
export interface CodeSuggestion {
  /** Id of a code in the codebook; absent when the model proposes a new code. */
  readonly code?: string;
  /** Name of a code the model proposes (no code of the codebook fits); set only when `code` is not. */
  readonly newCode?: string;
  /** Code-point offsets over the transcript's canonical text. */
  readonly start: number;
  readonly end: number;
  /** The transcript's own text at start–end (not the model's copy). */
  readonly quote: string;
  readonly rationale: string;
  /** The model that made it (SuggestionModel.id). */
  readonly model: string;
}

/** Why a suggestion, or a whole answer, was discarded. */
export const DISCARD_REASONS = [
  'too-long',
  'not-json',
  'shape',
  'unknown-code',
  'quote-not-found',
  'duplicate',
  'too-many',
  'rejected-before',
  'already-coded',
] as const;
export type DiscardReason = (typeof DISCARD_REASONS)[number];

export type DiscardCounts = Readonly<Partial<Record<DiscardReason, number>>>;

export interface ValidatedAnswer {
  readonly suggestions: readonly CodeSuggestion[];
  /** How many were discarded, by reason; a whole answer that is refused counts once. */
  readonly discarded: DiscardCounts;
}

const ITEM_KEYS = new Set(['code', 'newCode', 'quote', 'rationale']);
const MAX_NEW_CODE_NAME = 80;
const MAX_QUOTE = 5_000;
// Control and format characters (bidi overrides, zero-width…) have no place in a line shown to the researcher.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;

/**
 * Checks a model's answer strictly. The answer must be one JSON object `{"suggestions": [...]}` (a single code
 * fence around it is tolerated; any other prose refuses the whole answer, since which JSON in a chatty answer is
 * meant cannot be known). Each suggestion must have exactly the agreed keys, a code of the codebook (or a new
 * code's name), a one-line rationale, and a quote that is in the passage; anything else is discarded and
 * counted by reason. Nothing here writes anything: accepting is the researcher's act, elsewhere.
 */
export function validateAnswer(
  answer: string,
  passage: Passage,
  codebook: Codebook,
  model: string,
  truncated = false,
): ValidatedAnswer {
  const counts: Partial<Record<DiscardReason, number>> = {};
  const discard = (reason: DiscardReason, count = 1) => (counts[reason] = (counts[reason] ?? 0) + count);
  if (truncated) {
    discard('too-long');
    return { suggestions: [], discarded: counts };
  }
  const items = suggestionItems(answer);
  if (typeof items === 'string') {
    discard(items);
    return { suggestions: [], discarded: counts };
  }
  const map = passage.map ?? new OffsetMap(passage.text);
  const locator = new QuoteLocator(map.slice(passage.start, passage.end));
  const codeIds = new Set(codebook.codes.map((code) => code.id));
  const byName = new Map(codebook.codes.map((code) => [code.name.trim().toLowerCase(), code.id]));
  const seen = new Set<string>();
  const suggestions: CodeSuggestion[] = [];
  for (const item of items) {
    const shaped = shapeOf(item);
    if (!shaped) {
      discard('shape');
      continue;
    }
    // A "new" code that has the name of an existing one is that code.
    const code = shaped.code ?? byName.get((shaped.newCode as string).toLowerCase());
    if (code !== undefined && !codeIds.has(code)) {
      discard('unknown-code');
      continue;
    }
    // Past the limit nothing more is looked for: a flood of suggestions costs no more than the limit's worth.
    if (suggestions.length >= MAX_SUGGESTIONS) {
      discard('too-many');
      continue;
    }
    const found = locator.locate(shaped.quote);
    if (!found) {
      discard('quote-not-found');
      continue;
    }
    const start = passage.start + found.start;
    const end = passage.start + found.end;
    const key = `${code ?? '\u0000' + (shaped.newCode as string).toLowerCase()}\u0000${start}\u0000${end}`;
    if (seen.has(key)) {
      discard('duplicate');
      continue;
    }
    seen.add(key);
    suggestions.push({
      ...(code !== undefined ? { code } : { newCode: shaped.newCode as string }),
      start,
      end,
      quote: map.slice(start, end),
      rationale: shaped.rationale,
      model,
    });
  }
  return { suggestions, discarded: counts };
}

/** The answer's list of suggestions, or why the whole answer is refused. */
function suggestionItems(answer: string): readonly unknown[] | 'not-json' | 'shape' {
  const json = withoutFence(answer.trim());
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return 'not-json';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'shape';
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'suggestions') return 'shape';
  const list = (value as { suggestions: unknown }).suggestions;
  return Array.isArray(list) ? list : 'shape';
}

/** ```json … ``` around the whole answer, and nothing else, is unwrapped; anything else is left to fail. */
function withoutFence(text: string): string {
  const fenced = /^```[A-Za-z]*\n([\s\S]*)\n```$/.exec(text);
  return fenced && !(fenced[1] as string).includes('```') ? (fenced[1] as string) : text;
}

interface Shaped {
  readonly code?: string;
  readonly newCode?: string;
  readonly quote: string;
  readonly rationale: string;
}

function shapeOf(item: unknown): Shaped | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const record = item as Record<string, unknown>;
  if (Object.keys(record).some((key) => !ITEM_KEYS.has(key))) return undefined;
  const { code, newCode, quote, rationale } = record;
  if ((code === undefined) === (newCode === undefined)) return undefined;
  if (code !== undefined && (typeof code !== 'string' || code === '')) return undefined;
  if (typeof quote !== 'string' || quote.trim() === '' || quote.length > MAX_QUOTE) return undefined;
  if (typeof rationale !== 'string' || LINE_BREAK.test(rationale.trim())) return undefined;
  const line = oneLine(rationale);
  if (line === '' || [...line].length > MAX_RATIONALE) return undefined;
  if (newCode !== undefined) {
    if (typeof newCode !== 'string') return undefined;
    const name = oneLine(newCode);
    if (name === '' || [...name].length > MAX_NEW_CODE_NAME || name !== newCode.trim()) return undefined;
    return { newCode: name, quote, rationale: line };
  }
  return { code: code as string, quote, rationale: line };
}

/** Invisible characters removed and white space collapsed (line breaks inside are refused before this). */
function oneLine(text: string): string {
  return text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}
