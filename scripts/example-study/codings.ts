import type { Coding } from '../../src/core/model';
import { quoteSelector } from '../../src/core/anchoring/selector';
import { OffsetMap } from '../../src/core/text/canonical';
import type { Span } from './markup';
import { Random } from './prng';

/**
 * Amara's coding memos: each goes on the first coding of `code` in the (`skip` + 1)-th transcript, in
 * participant order, that she coded with it.
 */
export const CODING_MEMOS: readonly { code: string; skip: number; memo: string }[] = [
  {
    code: 'structures-rejected',
    skip: 0,
    memo: 'Framed as relief, not failure. Compare with how faculty narrate rejecting a mentor years later.',
  },
  {
    code: 'structures-rejected',
    skip: 4,
    memo: 'Disengaging without telling anyone: no script exists for ending an assigned mentorship (hierarchy).',
  },
  {
    code: 'sponsorship-confusion',
    skip: 2,
    memo: 'Equates sponsor with funder. In vivo candidate: "a mentor who pays".',
  },
  {
    code: 'identity-double-standards',
    skip: 1,
    memo: 'Same behaviour, different label. Link to sponsorship: who gets "thought of" for nominations.',
  },
  {
    code: 'wellbeing-burnout',
    skip: 3,
    memo: 'Burnout talk follows the rejected mentor directly: nobody whose job it is to notice. Theoretical sampling: ask the next rejecters about check-ins.',
  },
  {
    code: 'training-skepticism',
    skip: 1,
    memo: 'Structural critique of training, not of mentoring itself. Keep apart from "doesn\'t need training".',
  },
  {
    code: 'structures-team',
    skip: 2,
    memo: 'Board-of-directors metaphor recurs; check whether it comes from a workshop (diffusion) or independently.',
  },
];

/** Sibling codes a second coder plausibly picks instead: the disagreements of the example. */
const CONFUSABLE: Readonly<Record<string, string>> = {
  'structures-informal': 'structures-peer',
  'structures-peer': 'structures-informal',
  'structures-team': 'structures-wants-more',
  'sponsorship-sponsored': 'sponsorship-advocacy',
  'sponsorship-advocacy': 'sponsorship-sponsored',
  'barriers-time': 'barriers-availability',
  'barriers-availability': 'barriers-time',
  'barriers-hierarchy': 'barriers-mismatch',
  'wellbeing-isolation': 'wellbeing-burnout',
  'identity-double-standards': 'identity-role-models',
  'identity-role-models': 'identity-concordance',
  'career-research': 'career-publications',
  'training-skills': 'training-wanting',
};

export function toCoding(random: Random, map: OffsetMap, coder: string, span: Span, memo?: string): Coding {
  const selector = quoteSelector(map, span.start, span.end);
  return {
    id: random.uuid(),
    code: span.code,
    start: span.start,
    end: span.end,
    ...selector,
    by: coder,
    ...(memo !== undefined ? { memo } : {}),
  };
}

/** Start of the paragraph (turn text after "Speaker: ") and its end, around a code-point offset. */
function turnBounds(chars: readonly string[], at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && chars[start - 1] !== '\n') start--;
  // Skip "[hh:mm:ss] Speaker: ".
  const line = chars.slice(start, Math.min(chars.length, start + 40)).join('');
  const head = /^\[\d\d:\d\d:\d\d\] [^:]+: /.exec(line);
  if (head) start += [...head[0]].length;
  let end = at;
  while (end < chars.length && chars[end] !== '\n') end++;
  return { start, end };
}

/** The whole answer (the turn's text after "Speaker: ") around a span: coders who code by turn. */
function toTurn(chars: readonly string[], span: Span): Span {
  const turn = turnBounds(chars, span.start);
  return { code: span.code, start: Math.min(turn.start, span.start), end: Math.max(turn.end, span.end) };
}

/** Sentence ends (offsets just after . ? !) strictly inside a span. */
function sentenceEnds(chars: readonly string[], span: Span): number[] {
  const ends: number[] = [];
  for (let i = span.start + 1; i < span.end - 1; i++) {
    if (/[.?!]/.test(chars[i - 1] ?? '') && chars[i] === ' ') ends.push(i);
  }
  return ends;
}

/** Drops the first sentence of a multi-sentence span, if there is one. */
function dropFirstSentence(chars: readonly string[], span: Span): Span {
  const ends = sentenceEnds(chars, span);
  return ends.length > 0 ? { code: span.code, start: (ends[0] as number) + 1, end: span.end } : span;
}

/** Drops the last sentence of a multi-sentence span, if there is one. */
function dropLastSentence(chars: readonly string[], span: Span): Span {
  const ends = sentenceEnds(chars, span);
  return ends.length > 0 ? { code: span.code, start: span.start, end: ends[ends.length - 1] as number } : span;
}

/** Extends a span over the next sentence of the same turn, if there is one. */
function addNextSentence(chars: readonly string[], span: Span): Span {
  const turn = turnBounds(chars, span.start);
  let end = span.end + 1;
  while (end < turn.end && !(/[.?!]/.test(chars[end - 1] ?? '') && (chars[end] === ' ' || chars[end] === '\n'))) end++;
  return { code: span.code, start: span.start, end: Math.min(end, turn.end) };
}

/**
 * The second coder's independent pass over the same passages: mostly the same codes, but his own
 * boundaries (often the whole answer, sometimes a sentence more or less), a few codes swapped for a
 * sibling, a few passages missed, and a few extra codings of his own.
 */
export function secondCoderSpans(random: Random, text: string, spans: readonly Span[]): Span[] {
  const chars = [...text];
  const result: Span[] = [];
  for (const span of spans) {
    const roll = random.next();
    if (roll < 0.1) continue; // missed
    let next: Span = span;
    if (roll < 0.18 && CONFUSABLE[span.code]) next = { ...span, code: CONFUSABLE[span.code] as string };
    const boundary = random.next();
    if (boundary < 0.15) next = toTurn(chars, next);
    else if (boundary < 0.22) next = dropFirstSentence(chars, next);
    else if (boundary < 0.29) next = dropLastSentence(chars, next);
    else if (boundary < 0.35) next = addNextSentence(chars, next);
    result.push(next);
  }
  // Extra codings: a second, sibling code on a passage he codes anyway.
  const extras = random.int(1, 3);
  for (let k = 0; k < extras && result.length > 0; k++) {
    const base = random.pick(result);
    const extra = CONFUSABLE[base.code];
    if (extra && !result.some((s) => s.code === extra && s.start === base.start && s.end === base.end)) {
      result.push({ ...base, code: extra });
    }
  }
  return dedupe(result);
}

export function dedupe(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.code}:${s.start}:${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
