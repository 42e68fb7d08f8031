/** Analyses of a study: survey × codes, pure functions over the loaded study and survey. */
export * from './report-types';
export { loadSurvey } from './load-survey';
export { SurveyCache, type SurveyParser } from './survey-cache';
export { parseSurveyFiles, type SurveyFile } from './parse-survey-files';
export {
  buildStudyData,
  reportProblems,
  type StudyData,
  type StudyDataOptions,
  type ParticipantRecord,
  type DataCoding,
} from './study-data';
export { codeTree, type CodeInfo } from './code-tree';
export { cellLabel, parseFilter, passesFilters } from './filters';
export { columnLevels, groupLevels, labelOf, GROUPING_TYPES } from './levels';
export { describeVariable, compareVariable } from './variables';
export { compareNumeric, compareCategorical, type Observation } from './compare-groups';
export { analyzeTable, type TableAnalysis } from './contingency';
export {
  summarizeCodes,
  codesByGroup,
  codeNumericComparisons,
  PRESENT,
  ABSENT,
  WITH_CODE,
  WITHOUT_CODE,
} from './codes';
export { coOccurrence } from './co-occurrence';
export { coOccurrenceByGroup } from './co-occurrence-by-group';
export { groupData, type GroupData } from './group-data';
export { jointDisplay } from './joint-display';
export { representativeQuotes, agreedCodings, shorten, QUOTE_RULE } from './quotes';
export { buildStudyReport } from './build-report';
export {
  requestErrors,
  noSurveyMessage,
  ReportRequestError,
  DEFAULT_QUOTES_PER_CELL,
  type ReportRequest,
} from './options';
export { denominatorNoun, denominatorNotes, prevalenceOf, MARK_CODED_HINT } from './denominator';
