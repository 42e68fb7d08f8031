import { buildStudyReport } from '../analysis/build-report';
import { type ReportRequest } from '../analysis/options';
import type { StudyReport } from '../analysis/report-types';
import { buildStudyData } from '../analysis/study-data';
import type { Problem } from '../problems';
import type { Study } from '../study/study';
import type { MergedSurvey } from '../survey/index';
import { ANALYSIS_R } from './analysis-script';
import { codebookCsv, codingsCsv, participantColumns, participantsCsv, variablesCsv } from './data-files';
import { packageReadme } from './readme';

export { ANALYSIS_R } from './analysis-script';
export { NOT_RECOMPUTED } from './readme';
export { rCsv, type RCell } from './r-csv';

/** One file of the package: a path relative to its folder (always with "/") and its UTF-8 text. */
export interface RPackageFile {
  readonly path: string;
  readonly text: string;
}

export interface RPackage {
  readonly report: StudyReport;
  /** data/*.csv, grounded-report.json, analysis.R and README.md, in that order. */
  readonly files: readonly RPackageFile[];
}

/** The files `grounded export r` writes, in order; callers write them under the chosen folder. */
export const R_PACKAGE_FILES = [
  'data/participants.csv',
  'data/codings.csv',
  'data/codebook.csv',
  'data/variables.csv',
  'grounded-report.json',
  'analysis.R',
  'README.md',
] as const;

/**
 * The analysis package for R of one report request (the options of `grounded report`): the tidy data the
 * report was computed from, the report as JSON, and the script that recomputes it with base R. The data
 * are those of the request (filters and coders applied), so the script needs no options but the grouping
 * column, which it reads from the report. Throws ReportRequestError as buildStudyReport does.
 */
export function buildRPackage(
  study: Study,
  survey: MergedSurvey | undefined,
  request: ReportRequest = {},
  surveyProblems: readonly Problem[] = [],
): RPackage {
  const report = buildStudyReport(study, survey, request, surveyProblems);
  const data = buildStudyData(study, survey, {
    ...(report.options.coders ? { coders: report.options.coders } : {}),
    filters: report.options.filters,
    uncoded: report.options.uncoded,
  });
  const columns = participantColumns(data);
  const definitions = new Map(
    study.codebook.codes.flatMap((code) => (code.definition !== undefined ? [[code.id, code.definition]] : [])),
  );
  const texts: Record<(typeof R_PACKAGE_FILES)[number], string> = {
    'data/participants.csv': participantsCsv(data, columns),
    'data/codings.csv': codingsCsv(data, data.codes),
    'data/codebook.csv': codebookCsv(data, columns, definitions),
    'data/variables.csv': variablesCsv(data, columns, study.settings.survey.missing),
    'grounded-report.json': JSON.stringify(report, null, 2) + '\n',
    'analysis.R': ANALYSIS_R,
    'README.md': packageReadme(report),
  };
  return { report, files: R_PACKAGE_FILES.map((path) => ({ path, text: texts[path] })) };
}
