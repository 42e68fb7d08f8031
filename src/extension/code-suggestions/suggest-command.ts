import * as vscode from 'vscode';
import {
  acceptedCoding,
  addDiscards,
  aiCoderId,
  type CodeSuggestion,
  describeDiscards,
  type DiscardCounts,
  exampleQuotes,
  readRejections,
  rejectionOf,
  rememberRejections,
  suggestCodes,
  type SuggestionModel,
} from '../../core/index';
import type { GroundedServices } from '../services';
import type { CodingActions } from '../coding/coding-actions';
import { addCode } from '../shared/code-creation';
import { UserError } from '../shared/errors';
import { transcriptTarget, type TranscriptTarget } from '../shared/transcript-target';
import { toVscodeUri } from '../platform/workspace-file-system';
import { chooseModel, modelRefusal, type ModelSource } from './language-model';
import { FIND_SIMILAR_PASSAGES } from './commands';
import type { SuggestionDecorations } from './suggestion-decorations';
import type { ListOutcome, SuggestionList } from './suggestion-list';
import { passagesFor, type SuggestionScope } from './suggestion-passages';
import { suggestionSettings } from './suggestion-settings';

/** What the suggestion commands share; `models` and `runCommand` are replaced by the integration tests. */
export interface SuggestionContext {
  readonly services: GroundedServices;
  readonly actions: CodingActions;
  readonly list: SuggestionList;
  readonly decorations: SuggestionDecorations;
  models: ModelSource;
  runCommand: (id: string) => Thenable<unknown>;
}

export const OFF_MESSAGE =
  'Code suggestions from a language model are turned off (setting grounded.codeSuggestions.enabled); nothing was sent. Find Similar Passages works offline.';
export const NO_MODEL_MESSAGE =
  'No language model is available in this editor, so Grounded cannot suggest codes here (code-server and vscode.dev have none unless an extension provides one). Find Similar Passages works offline, without a model.';
export const FIND_SIMILAR = 'Find Similar Passages';

/**
 * Grounded: Suggest Codes for Selection / Speaker Turn / Transcript. Run only by the researcher: asks the
 * editor's language model about the passage, keeps only what the core validates, shows the rest as dashed
 * "suggested" marks and a list, and writes a coding only when the researcher accepts it.
 */
export async function suggestCodesCommand(
  context: SuggestionContext,
  scope: SuggestionScope,
): Promise<ListOutcome | undefined> {
  const settings = suggestionSettings();
  if (!settings.enabled) return offerSimilar(context, OFF_MESSAGE);
  const target = await transcriptTarget(context.services);
  const passages = passagesFor(target, scope);
  const source = new vscode.CancellationTokenSource();
  try {
    const model = chooseModel(await context.models(source.token), settings.model);
    if (!model) return offerSimilar(context, NO_MODEL_MESSAGE);
    const researcher = await context.services.coder.coderId();
    if (!researcher) return undefined;
    const coder = settings.acceptAs === 'ai-coder' ? aiCoderId(model.id) : researcher;
    const found = await ask(context, target, model, passages, coder, settings.examplesPerCode, source);
    if (!found) return undefined;
    const discarded = describeDiscards(found.discarded);
    if (found.suggestions.length === 0) {
      void vscode.window.showInformationMessage(
        `${model.name} suggested nothing new for this ${scopeWord(scope)}${discarded ? ` (${discarded})` : ''}. Nothing was written.`,
      );
      return { accepted: 0, rejected: 0, undecided: 0 };
    }
    const outcome = await review(context, target, model, found.suggestions, researcher, discarded);
    void vscode.window.showInformationMessage(
      `Code suggestions from ${model.name}: ${outcome.accepted} accepted, ${outcome.rejected} rejected` +
        (outcome.undecided > 0 ? `, ${outcome.undecided} left undecided (not remembered)` : '') +
        (discarded ? `; ${discarded}` : '') +
        '.',
    );
    return outcome;
  } finally {
    source.dispose();
  }
}

function scopeWord(scope: SuggestionScope): string {
  return scope === 'turn' ? 'speaker turn' : scope;
}

/** Says why there are no suggestions and offers Find Similar Passages, which needs no model. */
async function offerSimilar(context: SuggestionContext, message: string): Promise<undefined> {
  const answer = await vscode.window.showInformationMessage(message, FIND_SIMILAR);
  if (answer !== FIND_SIMILAR) return undefined;
  try {
    await context.runCommand(FIND_SIMILAR_PASSAGES);
  } catch {
    throw new UserError('Find Similar Passages is not available in this version of Grounded.');
  }
  return undefined;
}

/** Asks the model about every passage, with progress and a Cancel button. Undefined: cancelled. */
async function ask(
  context: SuggestionContext,
  target: TranscriptTarget,
  model: SuggestionModel,
  passages: ReturnType<typeof passagesFor>,
  coder: string,
  examplesPerCode: number,
  source: vscode.CancellationTokenSource,
): Promise<{ suggestions: CodeSuggestion[]; discarded: DiscardCounts } | undefined> {
  const rejections = await readRejections(context.services.fs, target.study.root);
  const examples = exampleQuotes(target.study, examplesPerCode);
  const existing = target.codings.map((live) => live.coding).filter((coding) => coding.by === coder);
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Asking ${model.name} for code suggestions`,
      cancellable: true,
    },
    async (progress, token) => {
      token.onCancellationRequested(() => source.cancel());
      const suggestions: CodeSuggestion[] = [];
      let discarded: DiscardCounts = {};
      for (const [index, passage] of passages.entries()) {
        if (source.token.isCancellationRequested) return undefined;
        if (passages.length > 1)
          progress.report({ message: `part ${index + 1} of ${passages.length}`, increment: 100 / passages.length });
        let result;
        try {
          result = await suggestCodes({
            model,
            passage,
            codebook: target.study.codebook,
            prompt: { examples, examplesPerCode },
            rejections,
            existing,
          });
        } catch (error) {
          if (source.token.isCancellationRequested) return undefined;
          throw modelRefusal(error);
        }
        suggestions.push(...result.suggestions);
        discarded = addDiscards(discarded, result.discarded);
      }
      return source.token.isCancellationRequested ? undefined : { suggestions, discarded };
    },
  );
}

/** Shows the suggestions and carries out each decision. */
async function review(
  context: SuggestionContext,
  target: TranscriptTarget,
  model: SuggestionModel,
  suggestions: readonly CodeSuggestion[],
  researcher: string,
  discarded: string,
): Promise<ListOutcome> {
  const { services, decorations } = context;
  const editor =
    target.editor ?? (await vscode.window.showTextDocument(target.document, { preserveFocus: true, preview: false }));
  const asked = target.text;
  const changed = () => services.texts.of(target.document).text !== asked.text;
  const refuseIfChanged = () => {
    if (changed())
      throw new UserError(
        'The transcript changed since the suggestions were made; run Suggest Codes again. Nothing was written.',
      );
  };
  try {
    return await context.list.show(
      `Code suggestions from ${model.name} — ${suggestions.length}${discarded ? ` (${discarded})` : ''}`,
      suggestions,
      target.study.codebook,
      (offset) => asked.toPosition(offset).line + 1,
      {
        focus: (pending, active) => {
          if (changed()) return decorations.clear(editor);
          decorations.show(
            editor,
            pending.map((s) => asked.toRange(s.start, s.end)),
            active ? asked.toRange(active.start, active.end) : undefined,
          );
        },
        accept: async (chosen) => {
          refuseIfChanged();
          const as = suggestionSettings().acceptAs;
          const study = (await services.studies.studyFor(toVscodeUri(target.study.root))) ?? target.study;
          const additions = [];
          let coder = researcher;
          for (const suggestion of chosen) {
            const code =
              suggestion.code ?? (await addCode(services.editorAwareFs, study, suggestion.newCode as string)).id;
            const accepted = acceptedCoding(suggestion, code, as, researcher);
            coder = accepted.coder;
            additions.push(accepted.coding);
          }
          const fresh = (await services.studies.studyFor(toVscodeUri(target.study.root))) ?? study;
          await context.actions.add(
            { study: fresh, transcript: asked, coder },
            additions,
            chosen.length === 1 ? 'accept code suggestion' : `accept ${chosen.length} code suggestions`,
          );
        },
        reject: async (suggestion) => {
          await rememberRejections(services.editorAwareFs, target.study.root, [
            rejectionOf(target.transcript.path, suggestion),
          ]);
        },
      },
    );
  } finally {
    decorations.clear(editor);
  }
}
