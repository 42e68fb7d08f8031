import type { SurveyColumn } from '../survey/index';
import { coOccurrence } from './co-occurrence';
import { groupData } from './group-data';
import type { GroupCoOccurrence } from './report-types';
import type { StudyData } from './study-data';

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
  return groupData(data, by).map((group) => ({
    level: group.level,
    participants: group.data.records.filter((r) => r.codesKnown).length,
    pairs: coOccurrence(group.data),
  }));
}
