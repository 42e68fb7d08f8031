import * as vscode from 'vscode';
import type { Feature } from '../services';
import { CodingActions } from '../coding/coding-actions';
import { bindCommands } from '../shared/register-command';
import { undoStackFor } from '../shared/undo-stack';
import { CODE_SUGGESTION_COMMANDS } from './commands';
import { editorModels } from './language-model';
import { suggestCodesCommand, type SuggestionContext } from './suggest-command';
import { SuggestionDecorations } from './suggestion-decorations';
import { SuggestionList } from './suggestion-list';

/** What the integration tests reach through services.testHooks.codeSuggestions (and may replace: models, runCommand). */
export type CodeSuggestionHooks = SuggestionContext;

/**
 * Code suggestions from the editor's language model: three commands the researcher runs (selection, speaker
 * turn, transcript), the dashed marks and the list to accept or reject each suggestion. Nothing is sent until
 * a command runs, nothing at all while grounded.codeSuggestions.enabled is off, and nothing is written
 * without an acceptance.
 */
export const codeSuggestionsFeature: Feature = (services) => {
  const { context } = services;
  const decorations = new SuggestionDecorations();
  const suggestions: SuggestionContext = {
    services,
    actions: new CodingActions(services, services.editorAwareFs, undoStackFor(context)),
    list: new SuggestionList(),
    decorations,
    models: editorModels,
    runCommand: (id) => vscode.commands.executeCommand(id),
  };
  context.subscriptions.push(decorations);
  bindCommands(context, CODE_SUGGESTION_COMMANDS, {
    suggestForSelection: () => suggestCodesCommand(suggestions, 'selection'),
    suggestForTurn: () => suggestCodesCommand(suggestions, 'turn'),
    suggestForTranscript: () => suggestCodesCommand(suggestions, 'transcript'),
    rejectSuggestion: () => suggestions.list.rejectActive(),
    acceptAllOfCode: () => suggestions.list.acceptAllOfActiveCode(),
  });
  services.testHooks = { ...services.testHooks, codeSuggestions: suggestions };
};
