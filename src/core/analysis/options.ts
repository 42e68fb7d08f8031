import type { UncodedMode } from '../model';
import type { Study } from '../study/study';
import { findColumn, type MergedSurvey } from '../survey/index';
import { GROUPING_TYPES } from './levels';
import type { ReportFilter } from './report-types';

/** What a report is asked for. Everything is optional: a plain report describes everything. */
export interface ReportRequest {
  /** Grouping column (categorical, yes-no or ordinal). */
  readonly by?: string;
  /** Coders whose codings count; absent or empty = all coders, pooled (see StudyDataOptions). */
  readonly coders?: readonly string[];
  /** Participants kept when every filter matches (e.g. role = resident); applied to every figure. */
  readonly filters?: readonly ReportFilter[];
  /** What a participant whose transcripts nobody coded counts as; default: the study's `analysis.uncoded`. */
  readonly uncoded?: UncodedMode;
  /** Representative quotes per joint-display cell (default 2). */
  readonly quotesPerCell?: number;
}

export const DEFAULT_QUOTES_PER_CELL = 2;

/** A request that does not fit the study (unknown column or coder): the caller's input, not the data. */
export class ReportRequestError extends Error {
  override readonly name = 'ReportRequestError';
  constructor(readonly messages: readonly string[]) {
    super(messages.join('; '));
  }
}

/** Why there is no survey, for messages: none declared, or the declared file(s) missing. */
export function noSurveyMessage(study: Study): string {
  const files = study.settings.survey.files;
  return files.length === 0
    ? 'the study has no survey (add survey.files to grounded.yaml)'
    : `no survey is loaded: ${files.join(', ')} (survey.files in grounded.yaml) does not exist`;
}

const list = (names: readonly string[]) => (names.length === 0 ? '(none)' : names.join(', '));

/** Every reason the request cannot be answered for this study and survey, in words naming what exists. */
export function requestErrors(study: Study, survey: MergedSurvey | undefined, request: ReportRequest): string[] {
  const errors: string[] = [];
  const columns = survey?.columns.map((c) => c.name) ?? [];
  const needColumn = (name: string, what: string): boolean => {
    if (!survey) {
      errors.push(`${what} "${name}" needs a survey; ${noSurveyMessage(study)}`);
      return false;
    }
    if (!findColumn(survey, name)) {
      errors.push(`${what}: no survey column "${name}"; columns: ${list(columns)}`);
      return false;
    }
    return true;
  };
  if (request.by !== undefined && needColumn(request.by, '--by')) {
    const column = survey && findColumn(survey, request.by);
    if (column && !GROUPING_TYPES.includes(column.type)) {
      errors.push(`--by "${request.by}" is ${column.type}; group by a categorical, yes-no or ordinal column`);
    }
  }
  for (const filter of request.filters ?? []) needColumn(filter.column, `--where ${filter.column}=${filter.value}`);
  const coders = [...new Set(study.transcripts.flatMap((t) => t.sidecars.map((s) => s.coder)))].sort();
  for (const coder of request.coders ?? []) {
    if (!coders.includes(coder)) errors.push(`no sidecars by coder "${coder}"; coders: ${list(coders)}`);
  }
  return errors;
}
