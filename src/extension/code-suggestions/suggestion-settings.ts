import * as vscode from 'vscode';
import type { AcceptedAs } from '../../core/index';

/** The researcher's choices about code suggestions, read when a command runs (settings may change any time). */
export interface SuggestionSettings {
  /** False: the model features are off; nothing is sent anywhere. */
  readonly enabled: boolean;
  readonly acceptAs: AcceptedAs;
  /** Example quotes per code added to the prompt; 0 (the default) sends none. */
  readonly examplesPerCode: number;
  /** Which model, when the editor offers several: matched against id, family, name and vendor; '' the first. */
  readonly model: string;
}

export const SUGGESTIONS_SECTION = 'grounded.codeSuggestions';

export function suggestionSettings(scope?: vscode.Uri): SuggestionSettings {
  const config = vscode.workspace.getConfiguration(SUGGESTIONS_SECTION, scope);
  const examples = config.get<number>('examplesPerCode', 0);
  return {
    enabled: config.get<boolean>('enabled', true),
    acceptAs: config.get<string>('acceptAs', 'assisted') === 'ai-coder' ? 'ai-coder' : 'assisted',
    examplesPerCode: Number.isFinite(examples) ? Math.max(0, Math.min(10, Math.floor(examples))) : 0,
    model: config.get<string>('model', '').trim(),
  };
}
