/**
 * The port to a language model that suggests codes. The extension adapts the editor's model API to it; tests
 * use a fake. The core never talks to a model itself and never sends anything on its own: a front end calls
 * `send` only when the researcher runs a suggestion command.
 */
export interface SuggestionModel {
  /** Stable identifier of the model (vendor/family, or the API's id); recorded on accepted codings. */
  readonly id: string;
  /** How the model is shown to people ("GPT-4o (copilot)"). */
  readonly name: string;
  /**
   * Sends one prompt and gives the answer: the whole text, or a stream of text pieces (which the reader may
   * stop early, e.g. when the answer grows past what any valid answer needs).
   */
  send(prompt: SuggestionPrompt): Promise<string> | AsyncIterable<string>;
}

/**
 * What is sent: instructions, then the data as a separate message. The passage and the codebook travel as
 * JSON inside the data message, so a transcript's words can never pose as the instructions' own text.
 */
export interface SuggestionPrompt {
  readonly instructions: string;
  readonly data: string;
}

/** More than any valid answer for a passage needs; the reader stops there and discards the answer. */
export const MAX_ANSWER_CHARS = 200_000;

/** The model's answer, read up to MAX_ANSWER_CHARS; `truncated` when it went on past that. */
export async function readAnswer(
  model: SuggestionModel,
  prompt: SuggestionPrompt,
  limit = MAX_ANSWER_CHARS,
): Promise<{ readonly text: string; readonly truncated: boolean }> {
  const answer = model.send(prompt);
  if (typeof (answer as Promise<string>).then === 'function') {
    const text = await (answer as Promise<string>);
    return text.length > limit ? { text: text.slice(0, limit), truncated: true } : { text, truncated: false };
  }
  let text = '';
  for await (const piece of answer as AsyncIterable<string>) {
    text += piece;
    // Leaving the loop ends the stream (its iterator's return), so a runaway answer is not read to the end.
    if (text.length > limit) return { text: text.slice(0, limit), truncated: true };
  }
  return { text, truncated: false };
}
