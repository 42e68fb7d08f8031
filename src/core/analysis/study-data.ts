import type { Coding, UncodedMode } from '../model';
import type { Problem } from '../problems';
import type { Study, StudyTranscript } from '../study/study';
import {
  joinParticipants,
  rowsHoldEveryColumn,
  type MergedSurvey,
  type SurveyColumn,
  type SurveyValue,
} from '../survey/index';
import { relativeUri } from '../uri';
import { codeNumbersOfStudy } from '../study/code-numbers';
import { codeTree, type CodeInfo } from './code-tree';
import { passesFilters } from './filters';
import { namedRecordMaker } from '../survey/index';
import type { ParticipantCoverage, ReportFilter, ReportProblem } from './report-types';

export interface StudyDataOptions {
  /**
   * Coders whose codings count. Undefined or empty: every coder, their codings pooled (the union) — a
   * participant has a code when any coder coded it, which is what "mentions the code" means once coders
   * have reconciled; pass one coder to see that coder's view alone.
   */
  readonly coders?: readonly string[];
  /** Participants kept when every filter matches their survey row (applied to everything downstream). */
  readonly filters?: readonly ReportFilter[];
  /**
   * What a participant with transcripts none of the included coders has coded counts as: `missing`
   * (left out of code figures) or `absent` (has none of the codes). Default: the study's
   * `analysis.uncoded` setting. Participants without a transcript are missing either way.
   */
  readonly uncoded?: UncodedMode;
}

/** A coding by an included coder in an included participant's transcript. */
export interface DataCoding {
  readonly participant: string;
  readonly transcript: StudyTranscript;
  readonly coder: string;
  readonly coding: Coding;
}

/**
 * One participant: survey answers plus, per code (categories aggregating their children), presence and
 * count of codings. Every column and code is an own property of each record's objects (a column or code
 * named "__proto__" too, see namedRecordMaker), so a name is never read from Object.prototype.
 */
export interface ParticipantRecord {
  readonly id: string;
  /** Transcript paths (relative to the study root). */
  readonly transcripts: readonly string[];
  readonly surveyed: boolean;
  /** At least one transcript has a sidecar by an included coder. */
  readonly coded: boolean;
  /**
   * Code presence is known, so the participant is in the denominator of code figures: coded, or (with
   * `uncoded: absent`) interviewed but not coded, which then means none of the codes.
   */
  readonly codesKnown: boolean;
  /** Every survey column; all null without a survey row. */
  readonly values: Readonly<Record<string, SurveyValue>>;
  /** 1 when the participant has a coding of the code (or a descendant), 0 when not, null when unknown. */
  readonly present: Readonly<Record<string, 0 | 1 | null>>;
  /** Codings of the code (or a descendant); null when unknown. */
  readonly counts: Readonly<Record<string, number | null>>;
}

export interface StudyData {
  readonly columns: readonly SurveyColumn[];
  readonly codes: readonly CodeInfo[];
  readonly coders: { readonly available: readonly string[]; readonly included: readonly string[] };
  /** Survey row order first, then participants with transcripts only, by id. */
  readonly records: readonly ParticipantRecord[];
  readonly codings: readonly DataCoding[];
  readonly coverage: ParticipantCoverage;
}

/** Codings lists buildStudyData made: each entry an object of its own, so none is in the list twice. */
const builtCodings = new WeakSet<readonly DataCoding[]>();

/**
 * The code of each coding of a codings list as a number: `of[i]` is the number of codings[i]'s code, `ids` the
 * code id of each number. buildStudyData copies them from the study's code numbers as it lists the codings; the
 * report's per-coding passes then read these numbers instead of looking each coding's code string up in a map
 * again (a big study has 100,000 codings, each with its own copy of its code's id, compared character by
 * character).
 */
export interface CodeNumbering {
  readonly ids: readonly string[];
  readonly of: Int32Array;
}

const codeNumbersByList = new WeakMap<readonly DataCoding[], CodeNumbering>();

/** The code numbers of data.codings: those buildStudyData made, or worked out once for other study data. */
export function codeNumbersOf(data: StudyData): CodeNumbering {
  let numbers = codeNumbersByList.get(data.codings);
  if (numbers === undefined) codeNumbersByList.set(data.codings, (numbers = numberCodes(data.codings)));
  return numbers;
}

/** The straightforward numbering: codes numbered in the order met. */
export function numberCodes(codings: readonly DataCoding[]): CodeNumbering {
  const numberOf = new Map<string, number>();
  const ids: string[] = [];
  const of = new Int32Array(codings.length);
  for (let i = 0; i < codings.length; i++) {
    const code = (codings[i] as DataCoding).coding.code;
    let number = numberOf.get(code);
    if (number === undefined) {
      numberOf.set(code, (number = ids.length));
      ids.push(code);
    }
    of[i] = number;
  }
  return { ids, of };
}

/** No coding is in data.codings twice: known for buildStudyData's, checked for other study data. */
export function distinctCodings(data: StudyData): boolean {
  return builtCodings.has(data.codings) || new Set(data.codings).size === data.codings.length;
}

/**
 * Joins the study's codings with the survey into one record per participant. Survey-only participants
 * have `coded: false` (code presence null, i.e. missing, not 0), as do participants whose transcripts no
 * included coder has coded unless `uncoded` is `absent`; transcript-only participants have null survey values. Codings in transcripts without a participant id are left out and listed in `coverage`.
 */
export function buildStudyData(
  study: Study,
  survey: MergedSurvey | undefined,
  options: StudyDataOptions = {},
): StudyData {
  const available = [...new Set(study.transcripts.flatMap((t) => t.sidecars.map((s) => s.coder)))].sort();
  const wanted = options.coders && options.coders.length > 0 ? new Set(options.coders) : undefined;
  const included = wanted ? available.filter((c) => wanted.has(c)) : available;
  const isIncluded = (coder: string) => !wanted || wanted.has(coder);
  const filters = options.filters ?? [];
  const uncoded = options.uncoded ?? study.settings.analysis.uncoded;
  const columns = survey?.columns ?? [];
  const columnsByName = new Map(columns.map((c) => [c.name, c]));

  const join = joinParticipants(survey ?? { columns: [], rows: [], uris: [], idColumn: '' }, study.transcripts);
  const transcriptsOf = new Map<string, StudyTranscript[]>();
  for (const transcript of study.transcripts) {
    const id = transcript.participant?.trim();
    if (!id) continue;
    transcriptsOf.set(id, [...(transcriptsOf.get(id) ?? []), transcript]);
  }
  const rows = survey?.rows ?? [];
  const rowIds = new Set(rows.map((row) => row.id));
  const ids = [...rows.map((row) => row.id), ...[...transcriptsOf.keys()].filter((id) => !rowIds.has(id)).sort()];
  const rowById = new Map(rows.map((row) => [row.id, row]));

  // Every code some coding has, numbered in the order met, and each sidecar's codings' numbers (read below
  // for the participants' counts and kept for the report's passes over the codings: see CodeNumbering); and
  // how many codings the included coders have, at most what the participants below list.
  const studyNumbers = codeNumbersOfStudy(study);
  const met = studyNumbers.ids;
  let includedCodings = 0;
  for (let t = 0; t < study.transcripts.length; t++) {
    const transcript = study.transcripts[t] as StudyTranscript;
    for (let k = 0; k < transcript.sidecars.length; k++) {
      const s = transcript.sidecars[k] as StudyTranscript['sidecars'][number];
      if (isIncluded(s.coder)) includedCodings += s.sidecar.codings.length;
    }
  }
  const used = new Set(met);
  const codes = codeTree(study.codebook, used);
  const newValues = namedRecordMaker<SurveyValue>(
    columns.map((c) => c.name),
    null,
  );
  const codeIds = codes.map((code) => code.id);
  const newPresent = namedRecordMaker<0 | 1 | null>(codeIds, null);
  const newCounts = namedRecordMaker<number | null>(codeIds, null);
  // Each code's members by number (-1: a member no coding has).
  const memberNumbers = codes.map((code) => code.members.map((member) => studyNumbers.numberOf(member) ?? -1));
  const records: ParticipantRecord[] = [];
  const codings: DataCoding[] = [];
  // The number of each coding's code, in the order of `codings` (at most every included coding).
  const codingNumbers = new Int32Array(includedCodings);
  // A participant's codings per code number, counted then cleared again for the next participant.
  const perNumber = new Int32Array(met.length);
  // A survey whose rows have every column (as merged): a record takes its row's values object as it is.
  const takeRowValues = survey !== undefined && rowsHoldEveryColumn(survey);
  // Records are never written after they are made: those with the same nulls share one object of them.
  let noValues: Record<string, SurveyValue> | undefined;
  let unknownPresent: Record<string, 0 | 1 | null> | undefined;
  let unknownCounts: Record<string, number | null> | undefined;
  let excludedByFilter = 0;
  for (const id of ids) {
    const row = rowById.get(id);
    if (filters.length > 0 && (!row || !passesFilters(columnsByName, row.values, filters))) {
      excludedByFilter++;
      continue;
    }
    const transcripts = transcriptsOf.get(id) ?? [];
    // The participant's codings go straight into the list (a big study has 100,000): codings[first…] are theirs.
    const first = codings.length;
    let coded = false;
    // Indexed loops: this runs once per report, mostly before the optimizing compiler takes over, and an
    // unoptimized for…of allocates an iterator result per step (100,000 codings).
    for (let t = 0; t < transcripts.length; t++) {
      const transcript = transcripts[t] as StudyTranscript;
      for (let k = 0; k < transcript.sidecars.length; k++) {
        const s = transcript.sidecars[k] as StudyTranscript['sidecars'][number];
        if (!isIncluded(s.coder)) continue;
        coded = true;
        const own = s.sidecar.codings;
        const numbers = studyNumbers.of(own);
        for (let c = 0; c < own.length; c++) {
          codingNumbers[codings.length] = numbers[c] as number;
          codings.push({ participant: id, transcript, coder: s.coder, coding: own[c] as Coding });
        }
      }
    }
    // Not interviewed is not "absent": without a transcript nobody could have found the code.
    const codesKnown = coded || (uncoded === 'absent' && transcripts.length > 0);
    let values: Record<string, SurveyValue>;
    if (takeRowValues) values = row ? (row.values as Record<string, SurveyValue>) : (noValues ??= newValues());
    else {
      values = newValues();
      for (let c = 0; c < columns.length; c++) {
        const name = (columns[c] as SurveyColumn).name;
        values[name] = ownValue(row?.values, name);
      }
    }
    let present: Record<string, 0 | 1 | null>;
    let counts: Record<string, number | null>;
    // Unknown codes stay null (most participants of a big survey have no transcript).
    if (codesKnown) {
      present = newPresent();
      counts = newCounts();
      for (let i = first; i < codings.length; i++) {
        const number = codingNumbers[i] as number;
        perNumber[number] = (perNumber[number] as number) + 1;
      }
      for (let k = 0; k < codes.length; k++) {
        const code = codes[k] as CodeInfo;
        const members = memberNumbers[k] as number[];
        let count = 0;
        for (let m = 0; m < members.length; m++) {
          const number = members[m] as number;
          if (number >= 0) count += perNumber[number] as number;
        }
        counts[code.id] = count;
        present[code.id] = count > 0 ? 1 : 0;
      }
      for (let i = first; i < codings.length; i++) perNumber[codingNumbers[i] as number] = 0;
    } else {
      present = unknownPresent ??= newPresent();
      counts = unknownCounts ??= newCounts();
    }
    records.push({
      id,
      transcripts: transcripts.map((t) => t.path),
      surveyed: row !== undefined,
      coded,
      codesKnown,
      values,
      present,
      counts,
    });
  }

  // Every row of a survey file has that file's URI: made relative once per file, not once per row.
  const shownUris = new Map<string, string>();
  const shown = (uri: string) => {
    let relative = shownUris.get(uri);
    if (relative === undefined) shownUris.set(uri, (relative = relativeUri(study.root, uri) ?? uri));
    return relative;
  };
  const coverage: ParticipantCoverage = {
    total: records.length,
    withSurvey: records.filter((r) => r.surveyed).length,
    withTranscript: records.filter((r) => r.transcripts.length > 0).length,
    coded: records.filter((r) => r.coded).length,
    notCoded: records.filter((r) => !r.coded && r.transcripts.length > 0).length,
    withoutTranscript: records.filter((r) => r.transcripts.length === 0).length,
    uncoded,
    codesKnown: records.filter((r) => r.codesKnown).length,
    joined: records.filter((r) => r.codesKnown && r.surveyed).length,
    excludedByFilter,
    // Without a survey every transcript lacks a row; that is the study's design, not a join problem.
    transcriptsWithoutRow: survey
      ? join.transcriptsWithoutRow.map((t) => ({
          transcript: t.path,
          participant: t.participant,
          ...(t.sameIgnoringCase !== undefined ? { sameIgnoringCase: t.sameIgnoringCase } : {}),
        }))
      : [],
    transcriptsWithoutParticipant: [...join.transcriptsWithoutParticipant],
    rowsWithoutTranscript: join.rowsWithoutTranscript.map((r) => ({
      participant: r.id,
      file: shown(r.uri),
      line: r.line,
    })),
  };
  builtCodings.add(codings);
  codeNumbersByList.set(codings, { ids: met, of: codingNumbers.subarray(0, codings.length) });
  return { columns, codes, coders: { available, included }, records, codings, coverage };
}

/** Survey problems as a report lists them (paths relative to the study root). */
export function reportProblems(study: Study, problems: readonly Problem[]): ReportProblem[] {
  return problems.map((p) => ({
    file: relativeUri(study.root, p.uri) ?? p.uri,
    line: p.line,
    column: p.column,
    severity: p.severity,
    kind: p.kind,
    message: p.message,
    ...(p.hint !== undefined ? { hint: p.hint } : {}),
  }));
}

/** A row's own answer in a column (null when the row has none): never a value inherited from Object.prototype. */
function ownValue(values: Readonly<Record<string, SurveyValue>> | undefined, name: string): SurveyValue {
  return values !== undefined && Object.prototype.hasOwnProperty.call(values, name) ? (values[name] ?? null) : null;
}
