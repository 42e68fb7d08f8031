import type { CodeInfo } from '../analysis/code-tree';
import { columnLevels } from '../analysis/levels';
import type { StudyData } from '../analysis/study-data';
import type { SurveyColumn } from '../survey/index';
import { rCsv, type RCell } from './r-csv';

/** Where each survey column and code lives in data/participants.csv (headers are made unique). */
export interface ParticipantColumns {
  readonly id: string;
  readonly survey: readonly string[];
  readonly present: readonly string[];
  readonly count: readonly string[];
}

/** A name not yet in `taken` (appending _2, _3…), so a survey column is never shadowed by a code column. */
function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}_${i}`;
  taken.add(candidate);
  return candidate;
}

const FIXED = ['surveyed', 'transcripts', 'coded', 'codes_known'] as const;

export function participantColumns(data: StudyData): ParticipantColumns {
  const taken = new Set<string>();
  const id = unique('participant', taken);
  for (const name of FIXED) taken.add(name);
  return {
    id,
    survey: data.columns.map((c) => unique(c.name, taken)),
    present: data.codes.map((code) => unique(`code_${code.id}`, taken)),
    count: data.codes.map((code) => unique(`count_${code.id}`, taken)),
  };
}

/** A survey value as written to the CSV: numbers (Likert positions too) as numbers, yes-no by its label. */
function surveyCell(column: SurveyColumn, value: unknown): RCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return column.levels?.[value ? 1 : 0] ?? (value ? 'yes' : 'no');
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return String(value);
}

/**
 * One row per participant of the analysis: the id, whether they have a survey row, how many transcripts,
 * whether an included coder coded them and whether their codes are known (the denominator of code
 * figures), every survey column, then per code a 0/1 presence and a count column (NA when not known).
 */
export function participantsCsv(data: StudyData, columns: ParticipantColumns): string {
  const header = [columns.id, ...FIXED, ...columns.survey, ...columns.present, ...columns.count];
  const rows = data.records.map((record): RCell[] => [
    record.id,
    record.surveyed ? 1 : 0,
    record.transcripts.length,
    record.coded ? 1 : 0,
    record.codesKnown ? 1 : 0,
    ...data.columns.map((c) => surveyCell(c, record.values[c.name])),
    ...data.codes.map((code) => record.present[code.id] ?? null),
    ...data.codes.map((code) => record.counts[code.id] ?? null),
  ]);
  return rCsv(header, rows);
}

/** One row per coding of an included coder in an included participant's transcript, in study order. */
export function codingsCsv(data: StudyData, codes: readonly CodeInfo[]): string {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const header = [
    'participant',
    'transcript',
    'coder',
    'coding_id',
    'code',
    'code_name',
    'parent',
    'start',
    'end',
    'quote',
    'memo',
    'status',
  ];
  const rows = data.codings.map(({ participant, transcript, coder, coding }): RCell[] => {
    const code = byId.get(coding.code);
    return [
      participant,
      transcript.path,
      coder,
      coding.id,
      coding.code,
      code?.name ?? coding.code,
      code?.parent ?? null,
      coding.start,
      coding.end,
      coding.quote,
      coding.memo ?? null,
      coding.status ?? null,
    ];
  });
  return rCsv(header, rows);
}

/**
 * The code tree in the report's order: id, name, parent, depth, whether it is a category or missing from
 * the codebook, its members (the code and its sub-codes, space-separated: code ids hold no spaces) and
 * its two columns in participants.csv.
 */
export function codebookCsv(
  data: StudyData,
  columns: ParticipantColumns,
  definitions: ReadonlyMap<string, string>,
): string {
  const header = [
    'code',
    'name',
    'parent',
    'depth',
    'category',
    'in_codebook',
    'members',
    'present_column',
    'count_column',
    'definition',
  ];
  const rows = data.codes.map((code, i): RCell[] => [
    code.id,
    code.name,
    code.parent,
    code.depth,
    code.category ? 1 : 0,
    code.inCodebook ? 1 : 0,
    code.members.join(' '),
    columns.present[i] ?? null,
    columns.count[i] ?? null,
    definitions.get(code.id) ?? null,
  ]);
  return rCsv(header, rows);
}

/**
 * One row per level of each survey column (one row with level NA for numeric, text and date columns), in
 * Grounded's order: categorical levels as sorted by the survey, yes-no as [false, true], Likert points low
 * to high with their labels. The R script builds its factors from this, so every sign and every "first
 * group" is the one Grounded reports.
 */
export function variablesCsv(data: StudyData, columns: ParticipantColumns, missingCodes: readonly string[]): string {
  const header = [
    'variable',
    'column',
    'type',
    'position',
    'level',
    'value',
    'scale_min',
    'scale_max',
    'missing_cells',
    'invalid_cells',
    'missing_codes',
  ];
  const codes = JSON.stringify(missingCodes);
  const rows = data.columns.flatMap((column, i): RCell[][] => {
    const base = (position: number | null, level: string | null, value: number | null): RCell[] => [
      column.name,
      columns.survey[i] ?? column.name,
      column.type,
      position,
      level,
      value,
      column.scale?.min ?? null,
      column.scale?.max ?? null,
      column.missing,
      column.invalid,
      codes,
    ];
    const levels = columnLevels(column);
    if (levels.length === 0) return [base(null, null, null)];
    return levels.map((level, j) =>
      base(j + 1, level, column.type === 'ordinal' && column.scale ? column.scale.min + j : null),
    );
  });
  return rCsv(header, rows);
}
