import { declareCommands } from '../shared/command-declaration';

/** Code suggestions from the editor's language model (bound in code-suggestions-feature.ts). */
export const CODE_SUGGESTION_COMMANDS = declareCommands({
  suggestForSelection: { id: 'grounded.suggestCodesForSelection', title: 'Suggest Codes for Selection' },
  suggestForTurn: { id: 'grounded.suggestCodesForSpeakerTurn', title: 'Suggest Codes for Speaker Turn' },
  suggestForTranscript: { id: 'grounded.suggestCodesForTranscript', title: 'Suggest Codes for Transcript' },
  rejectSuggestion: { id: 'grounded.rejectSuggestion', title: 'Reject Code Suggestion' },
  acceptAllOfCode: { id: 'grounded.acceptAllSuggestionsOfCode', title: 'Accept All Suggestions of This Code' },
});

/** Find Similar Passages (offline), offered when no language model is available; registered by its own feature. */
export const FIND_SIMILAR_PASSAGES = 'grounded.findSimilarPassages';
