import { adjustPValues, pooledRanks, wilsonInterval } from '../stats/index';
import type { SurveyColumn } from '../survey/index';
import { analyzeTable } from './contingency';
import { compareNumericColumns } from './compare-groups';
import { groupLevels, labelOf } from './levels';
import type { CodeByGroup, CodeNumericComparison, CodeSummary, ReportTest } from './report-types';
import type { ParticipantRecord, StudyData } from './study-data';
import { codingsOfCodes } from './codings-of-codes';
import { codingColumns } from './coding-columns';

export const PRESENT = 'present';
export const ABSENT = 'absent';
export const WITH_CODE = 'with code';
export const WITHOUT_CODE = 'without code';

/**
 * Use of every code: codings, transcripts and participants (a category counts its children; a participant
 * or transcript once), and prevalence = share of the participants whose codes are known (the coded ones;
 * with `uncoded: absent` also those interviewed but not coded) with the code, with its Wilson CI.
 * Prevalence counts participants, not codings, because segment counts grow with how much people talk.
 */
export function summarizeCodes(data: StudyData, confidence = 0.95): CodeSummary[] {
  const counted = data.records.filter((r) => r.codesKnown);
  const ofCode = codingsOfCodes(data);
  const columns = codingColumns(data);
  // seenIn[t] = 1 + the last code whose codings were found in transcript t: distinct transcripts without a set.
  const seenIn = new Int32Array(columns.transcripts);
  return data.codes.map((code, i) => {
    const codings = ofCode[i] as readonly number[];
    const own = columns.codeKeys.get(code.id);
    let ownCodings = 0;
    let transcripts = 0;
    // Indexed loops (see buildStudyData): no iterator result per step before the code is optimized.
    for (let k = 0; k < codings.length; k++) {
      const index = codings[k] as number;
      if (columns.code[index] === own) ownCodings++;
      const transcript = columns.transcript[index] as number;
      if (seenIn[transcript] !== i + 1) {
        seenIn[transcript] = i + 1;
        transcripts++;
      }
    }
    let participants = 0;
    for (let k = 0; k < counted.length; k++)
      if ((counted[k] as ParticipantRecord).present[code.id] === 1) participants++;
    const total = counted.length;
    return {
      id: code.id,
      name: code.name,
      parent: code.parent,
      depth: code.depth,
      inCodebook: code.inCodebook,
      category: code.category,
      codings: codings.length,
      ownCodings,
      transcripts,
      participants,
      total,
      proportion: total === 0 ? null : participants / total,
      ci: wilsonInterval(participants, total, confidence),
    };
  });
}

/** Fills `pHolm`/`pBH` of the first test of each item: one family over all of them. */
function adjustFirstTests(items: readonly { tests: ReportTest[] }[]): void {
  const firsts = items.map((item) => item.tests[0]);
  const ps = firsts.map((test) => test?.p ?? null);
  const holm = adjustPValues(ps, 'holm');
  const bh = adjustPValues(ps, 'BH');
  firsts.forEach((test, i) => {
    if (!test) return;
    test.pHolm = holm[i] ?? null;
    test.pBH = bh[i] ?? null;
  });
}

/**
 * Each code's prevalence in each group of `by`, over coded participants, with the groups × present/absent
 * test; p-values are adjusted (Holm and Benjamini–Hochberg) across all codes, the family a reader scans.
 */
export function codesByGroup(data: StudyData, by: SurveyColumn, confidence = 0.95): CodeByGroup[] {
  const counted = data.records.filter((r) => r.codesKnown);
  const rows = groupLevels(by, counted);
  // The same participants in each group for every code: labelled once, not once per code.
  const known = counted.filter((r) => labelOf(by, r.values) !== null);
  const labels = known.map((r) => labelOf(by, r.values));
  const inGroups = rows.map((level) => known.filter((_, i) => labels[i] === level));
  const results = data.codes.map((code): CodeByGroup => {
    const groups = rows.map((level, g) => {
      const inGroup = inGroups[g] as typeof known;
      const participants = inGroup.filter((r) => r.present[code.id] === 1).length;
      return {
        level,
        participants,
        total: inGroup.length,
        proportion: inGroup.length === 0 ? null : participants / inGroup.length,
        ci: wilsonInterval(participants, inGroup.length, confidence),
      };
    });
    const counts = groups.map((g) => [g.participants, g.total - g.participants]);
    const missing = counted.length - known.length;
    return {
      code: code.id,
      name: code.name,
      by: by.name,
      n: known.length,
      missing,
      groups,
      ...analyzeTable(rows, [PRESENT, ABSENT], counts, missing),
    };
  });
  adjustFirstTests(results);
  return results;
}

/**
 * A numeric survey variable among participants with vs without each code (coded participants with a
 * survey answer). Only codes some but not all such participants have can be compared; the others get a
 * reason. Each test is adjusted across codes for this variable (Welch and Mann–Whitney separately).
 */
export function codeNumericComparisons(data: StudyData, variable: SurveyColumn): CodeNumericComparison[] {
  const { rows, groupsOf } = withOrWithout(data);
  // The variable's values once, not once per code.
  const values = rows.map((r) => {
    const v = r.values[variable.name];
    return typeof v === 'number' ? v : null;
  });
  // Every row is with or without the code: the values are ranked once for all the codes.
  const pooled = pooledRanks(values);
  const results = data.codes.map((code, i): CodeNumericComparison => {
    const comparison = compareNumericColumns(
      variable.name,
      variable.type,
      'code',
      [WITH_CODE, WITHOUT_CODE],
      groupsOf[i] as readonly string[],
      values,
      pooled,
    );
    const { n, missing, groups, tests, effect, reason } = comparison;
    return {
      code: code.id,
      name: code.name,
      variable: variable.name,
      n,
      missing,
      groups,
      tests,
      effect,
      ...(reason !== undefined ? { reason } : {}),
    };
  });
  for (const name of ['welch-t', 'mann-whitney'] as const) {
    const family = results.map((r) => ({ tests: r.tests.filter((t) => t.name === name) }));
    adjustFirstTests(family);
  }
  return results;
}

/**
 * The participants a numeric variable is compared over (codes known, surveyed) and, per code of data.codes,
 * each one's group: with or without the code. The same for every variable of a report (a big one compares
 * 20 variables by 48 codes), so worked out once per StudyData (a value: its records never change).
 */
function withOrWithout(data: StudyData): {
  rows: readonly ParticipantRecord[];
  groupsOf: readonly (readonly string[])[];
} {
  let found = withOrWithoutOf.get(data);
  if (found === undefined) {
    const rows = data.records.filter((r) => r.codesKnown && r.surveyed);
    const groupsOf = data.codes.map((code) => rows.map((r) => (r.present[code.id] === 1 ? WITH_CODE : WITHOUT_CODE)));
    withOrWithoutOf.set(data, (found = { rows, groupsOf }));
  }
  return found;
}

const withOrWithoutOf = new WeakMap<
  StudyData,
  { rows: readonly ParticipantRecord[]; groupsOf: readonly (readonly string[])[] }
>();
