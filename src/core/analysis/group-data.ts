import type { SurveyColumn } from '../survey/index';
import { groupLevels, labelOf } from './levels';
import type { StudyData } from './study-data';

/** One group of a comparison and the study data narrowed to its participants. */
export interface GroupData {
  readonly level: string;
  readonly data: StudyData;
}

/**
 * The study data of each group of `by` (the code × group table's groups: the column's levels, then labels it
 * does not list): only the group's participants and their codings. Participants with no answer are in none.
 */
export function groupData(data: StudyData, by: SurveyColumn): GroupData[] {
  return groupLevels(
    by,
    data.records.filter((r) => r.codesKnown),
  ).map((level) => {
    const records = data.records.filter((r) => labelOf(by, r.values) === level);
    const ids = new Set(records.map((r) => r.id));
    return { level, data: { ...data, records, codings: data.codings.filter((c) => ids.has(c.participant)) } };
  });
}
