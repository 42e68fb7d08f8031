import type { SuggestionModel, SuggestionPrompt } from '../../../../src/core/assist/suggestion-model';

/** A model that answers from a script and remembers every prompt it was sent. */
export class FakeModel implements SuggestionModel {
  readonly prompts: SuggestionPrompt[] = [];
  /** How many pieces of a streamed answer were read. */
  piecesRead = 0;

  constructor(
    private readonly answer: string | ((prompt: SuggestionPrompt) => string),
    readonly id = 'fake/model-1',
    readonly name = 'Fake model',
    private readonly streamPieces?: number,
  ) {}

  send(prompt: SuggestionPrompt): Promise<string> | AsyncIterable<string> {
    this.prompts.push(prompt);
    const text = typeof this.answer === 'string' ? this.answer : this.answer(prompt);
    if (this.streamPieces === undefined) return Promise.resolve(text);
    const size = this.streamPieces;
    const count = () => this.piecesRead++;
    return (async function* () {
      for (let at = 0; at < text.length; at += size) {
        count();
        yield text.slice(at, at + size);
      }
    })();
  }
}

/** An endless stream: a runaway model. */
export class RunawayModel implements SuggestionModel {
  readonly id = 'fake/runaway';
  readonly name = 'Runaway';
  piecesRead = 0;

  send(): AsyncIterable<string> {
    const count = () => this.piecesRead++;
    return (async function* () {
      for (;;) {
        count();
        yield '{"suggestions":[' + ' '.repeat(10_000);
      }
    })();
  }
}

export const answerOf = (suggestions: readonly unknown[]): string => JSON.stringify({ suggestions });
