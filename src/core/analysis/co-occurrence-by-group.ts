import type { SurveyColumn } from '../survey/index';
import { coOccurrence, overlapSweep, pairsOf, type PairOverlaps } from './co-occurrence';
import { groupData } from './group-data';
import { groupLevels, labelOf } from './levels';
import type { CoOccurrence, GroupCoOccurrence } from './report-types';
import type { DataCoding, ParticipantRecord, StudyData } from './study-data';

/**
 * Co-occurrence within each group of `by`, by the same definitions as `coOccurrence` but over the group's
 * participants alone: a pair's Jaccard is participants of the group with both codes over those of the group
 * with either, and overlaps count only the group's codings. Groups are those of the code × group table
 * (the column's levels, then labels it does not list); participants with no answer are in none.
 *
 * Pooled co-occurrence is not the sum of the groups': two codes can go together among women and apart
 * among men, which is what comparing the groups' networks is for.
 */
export function coOccurrenceByGroup(data: StudyData, by: SurveyColumn): GroupCoOccurrence[] {
  return coOccurrenceWithGroups(data, by).byGroup;
}

/**
 * coOccurrence and coOccurrenceByGroup from one sweep over the codings (a report shows both): each pair of
 * overlapping codings is found once and counted for the pool and for the group both codings are in.
 */
export function coOccurrenceWithGroups(
  data: StudyData,
  by: SurveyColumn,
): { pooled: CoOccurrence[]; byGroup: GroupCoOccurrence[] } {
  const levels = groupLevels(
    by,
    data.records.filter((r) => r.codesKnown),
  );
  const recordsOf = levels.map(() => [] as ParticipantRecord[]);
  const levelIndex = new Map(levels.map((level, index) => [level, index]));
  const levelOfParticipant = new Map<string, number>();
  for (const record of data.records) {
    const label = labelOf(by, record.values);
    const level = label === null ? -1 : (levelIndex.get(label) ?? -1);
    const before = levelOfParticipant.get(record.id);
    // One id in two records of different groups: its codings are in both groups; the group-by-group way copes.
    if (before !== undefined && before !== level) return separately(data, by);
    levelOfParticipant.set(record.id, level);
    if (level >= 0) (recordsOf[level] as ParticipantRecord[]).push(record);
  }
  // Filled by index (Int32Array.from with a function steps through an iterator); a participant's codings
  // usually follow one another, so their level is looked up once per run of them.
  const levelOf = new Int32Array(data.codings.length);
  let lastId: string | undefined;
  let lastLevel = -1;
  for (let i = 0; i < data.codings.length; i++) {
    const participant = (data.codings[i] as DataCoding).participant;
    if (participant !== lastId) {
      lastId = participant;
      lastLevel = levelOfParticipant.get(participant) ?? -1;
    }
    levelOf[i] = lastLevel;
  }
  const sweep = overlapSweep(data, levelOf, levels.length);
  const codedOf = (records: readonly ParticipantRecord[]) => records.filter((r) => r.codesKnown);
  return {
    pooled: pairsOf(data, sweep.related, codedOf(data.records), sweep.pooled),
    byGroup: levels.map((level, index) => {
      const coded = codedOf(recordsOf[index] as readonly ParticipantRecord[]);
      return {
        level,
        participants: coded.length,
        pairs: pairsOf(data, sweep.related, coded, sweep.byLevel[index] as PairOverlaps),
      };
    }),
  };
}

/** Each group's co-occurrence over the group's own study data: the definition, group by group. */
function separately(data: StudyData, by: SurveyColumn): { pooled: CoOccurrence[]; byGroup: GroupCoOccurrence[] } {
  return {
    pooled: coOccurrence(data),
    byGroup: groupData(data, by).map((group) => ({
      level: group.level,
      participants: group.data.records.filter((r) => r.codesKnown).length,
      pairs: coOccurrence(group.data),
    })),
  };
}
