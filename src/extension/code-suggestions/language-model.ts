import * as vscode from 'vscode';
import type { SuggestionModel, SuggestionPrompt } from '../../core/index';
import { UserError } from '../shared/errors';

/** The models the editor offers, as the core's port; the integration tests replace this (testHooks). */
export type ModelSource = (token: vscode.CancellationToken) => Promise<readonly SuggestionModel[]>;

/**
 * The editor's language models through `vscode.lm`, whichever extension provides them; none when the API or
 * a provider is missing (code-server, vscode.dev without a chat extension). Selecting models sends nothing.
 */
export const editorModels: ModelSource = async (token) => {
  const lm = (vscode as { lm?: typeof vscode.lm }).lm;
  if (typeof lm?.selectChatModels !== 'function') return [];
  let chats: readonly vscode.LanguageModelChat[];
  try {
    chats = await lm.selectChatModels();
  } catch {
    return [];
  }
  return chats.map((chat) => chatModel(chat, token));
};

/** One editor model as a SuggestionModel: the instructions and the data as two user messages, streamed back. */
function chatModel(chat: vscode.LanguageModelChat, token: vscode.CancellationToken): SuggestionModel {
  return {
    id: `${chat.vendor}/${chat.id}`,
    name: `${chat.name} (${chat.vendor})`,
    send: (prompt: SuggestionPrompt) => streamOf(chat, prompt, token),
  };
}

async function* streamOf(
  chat: vscode.LanguageModelChat,
  prompt: SuggestionPrompt,
  token: vscode.CancellationToken,
): AsyncIterable<string> {
  const messages = [
    vscode.LanguageModelChatMessage.User(prompt.instructions),
    vscode.LanguageModelChatMessage.User(prompt.data),
  ];
  let response: vscode.LanguageModelChatResponse;
  try {
    response = await chat.sendRequest(
      messages,
      { justification: 'Grounded suggests codes for the passage you chose, from your codebook.' },
      token,
    );
  } catch (error) {
    throw modelRefusal(error);
  }
  try {
    for await (const piece of response.text) yield piece;
  } catch (error) {
    throw modelRefusal(error);
  }
}

/** The API's refusals in the researcher's words. */
export function modelRefusal(error: unknown): Error {
  if (error instanceof vscode.LanguageModelError) {
    if (error.code === vscode.LanguageModelError.NoPermissions.name)
      return new UserError('Grounded may not use the language model: permission was not given. Nothing was coded.');
    if (error.code === vscode.LanguageModelError.Blocked.name)
      return new UserError(
        `The language model refused the request (quota or policy): ${error.message}. Nothing was coded.`,
      );
    if (error.code === vscode.LanguageModelError.NotFound.name)
      return new UserError('The language model is no longer available. Nothing was coded.');
    return new UserError(`The language model failed: ${error.message}. Nothing was coded.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** The configured model (by id, family, name or vendor), else the first; undefined when there is none. */
export function chooseModel(models: readonly SuggestionModel[], wanted: string): SuggestionModel | undefined {
  if (wanted === '') return models[0];
  const lower = wanted.toLowerCase();
  return (
    models.find((model) => model.id.toLowerCase() === lower) ??
    models.find((model) => model.id.toLowerCase().includes(lower) || model.name.toLowerCase().includes(lower)) ??
    models[0]
  );
}
