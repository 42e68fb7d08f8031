import {
  buildStudyReport,
  type FileSystemPort,
  loadSurvey,
  type MergedSurvey,
  reportProblems,
  ReportRequestError,
  type ReportRequest,
  type Study,
  type SurveyCache,
} from '../../core/index';
import type { ReportRequestState, StudyFacts, StudyReport } from '../../../webview/protocol';

export type PanelReport =
  | { ok: true; report: StudyReport; facts: StudyFacts; survey: MergedSurvey | undefined }
  | { ok: false; message: string; facts: StudyFacts; survey: MergedSurvey | undefined };

/** What a report build gives back across a thread: the report, or the words why the request cannot be answered. */
export type PanelOutcome = { ok: true; report: StudyReport } | { ok: false; message: string };

export function studyFacts(study: Study): StudyFacts {
  return { root: study.root, transcripts: study.transcripts.length, problems: reportProblems(study, study.problems) };
}

/**
 * The same report `grounded report` builds: the survey loaded through the port, then buildStudyReport with
 * the panel's grouping, coders and filters. A request the study cannot answer (a column or coder that is
 * gone) comes back as a message in words, not an exception.
 */
/** The panel's request (nulls for "none", as the webview keeps it) as the core's report request. */
export function reportRequestOf(request: ReportRequestState): ReportRequest {
  return {
    ...(request.by !== null ? { by: request.by } : {}),
    ...(request.coders ? { coders: request.coders } : {}),
    filters: request.filters,
    ...(request.uncoded ? { uncoded: request.uncoded } : {}),
  };
}

export async function buildPanelReport(
  fs: FileSystemPort,
  study: Study,
  request: ReportRequestState,
  surveys?: SurveyCache,
): Promise<PanelReport> {
  const facts = studyFacts(study);
  const loaded = await loadSurvey(fs, study, surveys);
  const survey = loaded?.ok ? loaded.value : undefined;
  const surveyProblems = loaded ? (loaded.ok ? loaded.warnings : loaded.problems) : [];
  try {
    const report = buildStudyReport(study, survey, reportRequestOf(request), surveyProblems);
    return { ok: true, report, facts, survey };
  } catch (error) {
    if (error instanceof ReportRequestError) return { ok: false, message: error.messages.join('; '), facts, survey };
    throw error;
  }
}
