import type { Codebook, Coding } from '../model';
import type { Passage } from './passage';
import { buildSuggestionPrompt, type PromptOptions } from './prompt';
import type { RejectionMemory } from './rejections';
import { readAnswer, type SuggestionModel, type SuggestionPrompt } from './suggestion-model';
import { validateAnswer, type DiscardCounts, type DiscardReason, type ValidatedAnswer } from './validate-answer';

export interface SuggestRequest {
  readonly model: SuggestionModel;
  readonly passage: Passage;
  readonly codebook: Codebook;
  readonly prompt?: PromptOptions;
  /** Suggestions the researcher rejected before are not shown again. */
  readonly rejections?: RejectionMemory;
  /** Codings already in the sidecar the accepted ones would go to: a suggestion they already make is dropped. */
  readonly existing?: readonly Coding[];
}

export interface SuggestResult extends ValidatedAnswer {
  /** What was sent, for the record (and the tests). */
  readonly prompt: SuggestionPrompt;
}

/**
 * Asks the model about one passage and keeps only what passes validation and is new: not rejected before for
 * this passage and code, not already coded so. Reads nothing and writes nothing itself.
 */
export async function suggestCodes(request: SuggestRequest): Promise<SuggestResult> {
  const prompt = buildSuggestionPrompt(request.passage, request.codebook, request.prompt);
  const answer = await readAnswer(request.model, prompt);
  const validated = validateAnswer(answer.text, request.passage, request.codebook, request.model.id, answer.truncated);
  const counts: Partial<Record<DiscardReason, number>> = { ...validated.discarded };
  const discard = (reason: DiscardReason) => (counts[reason] = (counts[reason] ?? 0) + 1);
  const suggestions = validated.suggestions.filter((suggestion) => {
    if (request.rejections?.has(request.passage.transcript, suggestion)) return (discard('rejected-before'), false);
    const coded = request.existing?.some(
      (coding) => coding.code === suggestion.code && coding.start < suggestion.end && suggestion.start < coding.end,
    );
    if (coded) return (discard('already-coded'), false);
    return true;
  });
  return { suggestions, discarded: counts, prompt };
}

/** Counts of several answers added up. */
export function addDiscards(a: DiscardCounts, b: DiscardCounts): DiscardCounts {
  const sum: Partial<Record<DiscardReason, number>> = { ...a };
  for (const [reason, count] of Object.entries(b) as [DiscardReason, number][])
    sum[reason] = (sum[reason] ?? 0) + count;
  return sum;
}

const REASON_WORDS: Readonly<Record<DiscardReason, string>> = {
  'too-long': 'answer too long',
  'not-json': 'answer not JSON',
  shape: 'wrong shape',
  'unknown-code': 'code not in the codebook',
  'quote-not-found': 'quote not in the text',
  duplicate: 'duplicate',
  'too-many': 'over the limit',
  'rejected-before': 'rejected before',
  'already-coded': 'already coded',
};

/** "3 discarded: 2 quote not in the text, 1 code not in the codebook", or '' when nothing was. */
export function describeDiscards(counts: DiscardCounts): string {
  const parts = (Object.entries(counts) as [DiscardReason, number][])
    .filter(([, count]) => count > 0)
    .sort(([, a], [, b]) => b - a)
    .map(([reason, count]) => `${count} ${REASON_WORDS[reason]}`);
  const total = (Object.values(counts) as number[]).reduce((sum, count) => sum + count, 0);
  return total === 0 ? '' : `${total} discarded: ${parts.join(', ')}`;
}
