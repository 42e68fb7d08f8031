import type { NewCoding } from '../study/coding-operations';
import { coderIdFrom } from '../study/ids';
import type { CodeSuggestion } from './validate-answer';

/**
 * Whose sidecar an accepted suggestion goes to: the researcher's own (the coding marked `assisted: <model>`),
 * or a coder of its own for the model (`ai-<model>`), so the agreement tools can compare model and human.
 */
export type AcceptedAs = 'assisted' | 'ai-coder';

/** The coder id of a model's own sidecars: "copilot/gpt-4o" → "ai-copilot-gpt-4o". */
export function aiCoderId(model: string): string {
  return coderIdFrom(`ai-${model}`);
}

/**
 * What accepting a suggestion writes, and where: the coder whose sidecar gets it and the coding, which always
 * names its model in `assisted` (also in the model's own sidecar, so every assisted coding is found the same
 * way). `code` is the suggestion's code, or the id of the code just created for its proposed name.
 */
export function acceptedCoding(
  suggestion: CodeSuggestion,
  code: string,
  as: AcceptedAs,
  researcher: string,
): { readonly coder: string; readonly coding: NewCoding } {
  return {
    coder: as === 'ai-coder' ? aiCoderId(suggestion.model) : researcher,
    coding: { code, start: suggestion.start, end: suggestion.end, assisted: suggestion.model },
  };
}
