import type { Problem } from '../problems';
import { SMD_CI_METHOD } from '../stats/index';
import { codingProgress, describeProgress } from '../study/coding-progress';
import type { Study } from '../study/study';
import { findColumn, type MergedSurvey, type SurveyColumn } from '../survey/index';
import { basenameUri } from '../uri';
import { reportAgreement } from './agreement-section';
import { codeNumericComparisons, codesByGroup, summarizeCodes } from './codes';
import { coOccurrence } from './co-occurrence';
import { coOccurrenceWithGroups } from './co-occurrence-by-group';
import { jointDisplay } from './joint-display';
import { buildCodeNetwork } from '../network/build-network';
import { DEFAULT_QUOTES_PER_CELL, ReportRequestError, requestErrors, type ReportRequest } from './options';
import { REPORT_FORMAT, type ReportProgress, type StudyReport } from './report-types';
import type { UncodedMode } from '../model';
import { buildStudyData, reportProblems } from './study-data';
import { compareVariables, describeVariables } from './variables';

/** Methods in words, for the reader who has to write the paper's methods section. */
function methods(request: ReportRequest, codersIncluded: readonly string[], uncoded: UncodedMode): string[] {
  const coders =
    request.coders && request.coders.length > 0
      ? `Codings by ${codersIncluded.join(', ')} only.`
      : `Codings of every coder pooled (${codersIncluded.join(', ') || 'none'}): a participant has a code when any coder coded it.`;
  return [
    coders,
    uncoded === 'missing'
      ? 'Code prevalence is the share of coded participants (a transcript with a sidecar by an included coder, also one with no codings) with at least one coding of the code; a category counts its sub-codes. Participants whose transcripts nobody coded, and participants without a transcript, are missing (analysis.uncoded: missing).'
      : 'Code prevalence is the share of interviewed participants with at least one coding of the code; a category counts its sub-codes. A participant whose transcripts no included coder has a sidecar for counts as not having the code (analysis.uncoded: absent); participants without a transcript are missing.',
    'Numeric and ordinal variables: mean, SD (n − 1), median and IQR (R type 7 quantiles), 95% CI of the mean from the t distribution.',
    'Proportions: 95% Wilson score intervals.',
    "Two groups: Welch's t-test and the Mann–Whitney U test (W as in R's wilcox.test; exact p when both groups have fewer than 50 values and there are no ties, otherwise the normal approximation with continuity correction); Hedges' g with CI by " +
      SMD_CI_METHOD +
      '.',
    "More groups: Welch's one-way ANOVA and the Kruskal–Wallis test.",
    "Tables: Pearson's χ² (Yates' correction for 2 × 2) when every expected count is ≥ 5, otherwise Fisher's exact test; odds ratio (Woolf CI) and risk difference (Newcombe CI) for 2 × 2 tables, Cramér's V otherwise. Empty groups and outcomes are left out of the test.",
    'Code × group tests and code × variable tests are adjusted for the number of codes (Holm and Benjamini–Hochberg).',
    'Missing values are left out of each figure and counted in its "missing".',
  ];
}

/** The study's coding progress, without the per-transcript list (the report stays small for big studies). */
function reportProgress(study: Study): ReportProgress {
  const progress = codingProgress(study);
  return {
    total: progress.total,
    codedByAnyone: progress.codedByAnyone,
    coders: progress.coders.map((c) => ({ coder: c.coder, coded: c.coded, codedEmpty: c.codedEmpty })),
    text: describeProgress(progress),
  };
}

/**
 * The whole analysis of a study: survey descriptives, every variable by `by`, code use and prevalence,
 * prevalence by group with adjusted tests, numeric variables by code presence, co-occurrence and the joint
 * display. `survey` is the loaded survey (undefined for a study without one); `surveyProblems` are the
 * warnings met loading it, listed in the report. Throws ReportRequestError for an unknown column or coder.
 */
export function buildStudyReport(
  study: Study,
  survey: MergedSurvey | undefined,
  request: ReportRequest = {},
  surveyProblems: readonly Problem[] = [],
): StudyReport {
  const errors = requestErrors(study, survey, request);
  if (errors.length > 0) throw new ReportRequestError(errors);
  const filters = [...(request.filters ?? [])];
  const coders = request.coders && request.coders.length > 0 ? [...request.coders] : undefined;
  const uncoded = request.uncoded ?? study.settings.analysis.uncoded;
  const data = buildStudyData(study, survey, { ...(coders ? { coders } : {}), filters, uncoded });
  const by: SurveyColumn | undefined = request.by !== undefined && survey ? findColumn(survey, request.by) : undefined;
  const quotesPerCell = request.quotesPerCell ?? DEFAULT_QUOTES_PER_CELL;

  const numericColumns = data.columns.filter((c) => c.type === 'numeric' || c.type === 'ordinal');
  const comparisons = by ? compareVariables(data.columns, by, data.records) : [];
  const byGroup = by ? codesByGroup(data, by) : [];
  // Pooled and by group from one sweep over the codings.
  const coOccurrences = by ? coOccurrenceWithGroups(data, by) : { pooled: coOccurrence(data), byGroup: [] };
  const usedCodes = new Set(
    data.codes.filter((code) => data.records.some((r) => r.present[code.id] === 1)).map((code) => code.id),
  );
  return {
    format: REPORT_FORMAT,
    title: basenameUri(study.root) || study.root,
    options: { by: by?.name ?? null, coders: coders ?? null, filters, uncoded, confidence: 0.95, quotesPerCell },
    coders: { available: [...data.coders.available], included: [...data.coders.included] },
    progress: reportProgress(study),
    participants: data.coverage,
    surveyFiles: [...study.settings.survey.files],
    variables: describeVariables(data.columns, data.records),
    comparisons,
    codes: summarizeCodes(data),
    codesByGroup: byGroup,
    codeComparisons: numericColumns.flatMap((column) =>
      codeNumericComparisons(data, column).filter((c) => usedCodes.has(c.code)),
    ),
    coOccurrence: coOccurrences.pooled,
    coOccurrenceByGroup: coOccurrences.byGroup,
    jointDisplay: by ? jointDisplay(data, by, byGroup, quotesPerCell) : null,
    problems: reportProblems(study, surveyProblems),
    agreement: reportAgreement(study, coders),
    network: buildCodeNetwork({
      codebook: study.codebook,
      relationTypes: study.settings.relationTypes,
      participants: data.records
        .filter((r) => r.codesKnown)
        .map((r) => ({ id: r.id, codes: Object.keys(r.present).filter((code) => r.present[code] === 1) })),
    }),
    methods: methods(request, data.coders.included, uncoded),
  };
}
