import * as vscode from 'vscode';
import {
  DISMISSALS_CODEC,
  dismissalsUri,
  PASSAGE_UNITS,
  type PassageUnit,
  readValue,
  type SimilarPassage,
} from '../../core/index';
import type { Feature } from '../services';
import { CodingActions } from '../coding/coding-actions';
import { UserError } from '../shared/errors';
import { bindCommands, commandArgs } from '../shared/register-command';
import { undoStackFor } from '../shared/undo-stack';
import type { AttributeFilter } from '../views/retrieve/survey-filter';
import { participantsFor } from './survey-filter-pick';
import { SIMILAR_COMMANDS } from './commands';
import { SimilarList } from './similar-list';
import { similarSource, type SimilarSource } from './similar-source';
import { createSimilarSearcher } from './worker/create-similar-searcher';
import type { SimilarSearcher } from './worker/similar-searcher';

/** What the integration tests see of Find Similar Passages. */
export interface SimilarHooks {
  readonly current: () => SimilarList | undefined;
  /** Where searches run ('worker', or 'in-process' with the reason); undefined before the first search. */
  readonly where: () => string | undefined;
}

/**
 * Find Similar Passages: the study's sentences and speaker turns in a BM25 index (one per study, kept between
 * searches and brought up to date per changed transcript), searched from a selection, a coding or a code, the
 * results listed to code or dismiss one by one. Offline: nothing leaves the machine. The index is built and
 * searched in a worker (started on the first search), so the extension host's thread is never held for it.
 */
export const similarFeature: Feature = (services) => {
  let searcher: SimilarSearcher | undefined;
  const actions = new CodingActions(services, services.editorAwareFs, undoStackFor(services.context));
  let current: SimilarList | undefined;

  const search = async (
    source: SimilarSource,
    unit: PassageUnit,
    filters: readonly AttributeFilter[],
  ): Promise<SimilarPassage[]> => {
    // The newest study: a coding made from the list must drop out of the next search.
    const study = await services.studies.study(source.study.root);
    const participants = await participantsFor(services, study, filters);
    // Read here, not in the worker: a dismissals file that does not load is refused with its problems.
    const dismissals = await readValue(services.fs, dismissalsUri(study), DISMISSALS_CODEC);
    searcher ??= createSimilarSearcher(services);
    const running = searcher;
    return vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Window,
        title: 'Finding similar passages (the first search indexes the study)',
      },
      () =>
        running.search(study, services.blind.visible, {
          text: source.text,
          code: source.code,
          unit,
          limit: 50,
          exclude: source.exclude,
          locale: vscode.env.language,
          ...(dismissals ? { dismissals } : {}),
          ...(participants ? { participants } : {}),
        }),
    );
  };

  const findSimilarPassagesCommand = async (arg?: unknown): Promise<readonly SimilarPassage[] | undefined> => {
    const args = commandArgs(arg);
    const source = await similarSource(services, args);
    if (!source) return undefined;
    const unit = args.oneOf('unit', PASSAGE_UNITS) ?? 'sentence';
    const where = args.unknown('where');
    const filters = Array.isArray(where) ? where.map(attributeFilter) : [];
    current?.hide();
    const list = new SimilarList({ services, actions, search }, source, unit, filters);
    current = list;
    const shown = list.show().finally(() => {
      list.dispose();
      if (current === list) current = undefined;
    });
    // A script gets the list's first results without waiting for the person to close it.
    if (args.fromScript) {
      await list.ready;
      return list.pick.items.map((item) => item.passage);
    }
    await shown;
    return list.coded;
  };

  bindCommands(services.context, SIMILAR_COMMANDS, {
    findSimilarPassages: findSimilarPassagesCommand,
    dismissActive: () => current?.dismissActive(),
    toggleUnit: () => current?.switchUnit(),
  });
  services.context.subscriptions.push({
    dispose: () => {
      current?.dispose();
      searcher?.dispose();
    },
  });
  services.testHooks = {
    ...services.testHooks,
    similar: { current: () => current, where: () => searcher?.where } satisfies SimilarHooks,
  };
};

function attributeFilter(value: unknown): AttributeFilter {
  const record = value as { column?: unknown; values?: unknown } | null;
  if (typeof record?.column !== 'string' || !Array.isArray(record.values))
    throw new UserError('Each "where" filter must be { column, values: [...] }.');
  return { column: record.column, values: record.values.map(String) };
}
