export type {
  MergedRow,
  MergedSurvey,
  OrdinalScale,
  RowSource,
  SurveyColumn,
  SurveyData,
  SurveyRow,
  SurveyTable,
  SurveyValue,
  VariableType,
} from './types';
export { VARIABLE_TYPES } from './types';
export { DEFAULT_MISSING, parseSurvey } from './parse-survey';
export { mergeSurveys, rowsHoldEveryColumn } from './merge';
export {
  joinParticipants,
  type ParticipantJoin,
  type ParticipantMatch,
  type TranscriptParticipant,
  type UnmatchedTranscript,
} from './join';
export { columnValues, findColumn, numericValues, participantIds, rowsById } from './access';
export { toCsv, type CsvCell } from './to-csv';
export { parseTypeSpec, type TypeSpec } from './type-spec';
export { LIKERT_SCALES, type LikertScale } from './likert';
export { namedRecordMaker } from './named-record';
