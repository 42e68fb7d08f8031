import type { SurveyColumn } from '../survey/index';
import { columnLevels, labelOf } from './levels';
import { agreedCodings, QUOTE_RULE, representativeQuotes } from './quotes';
import type { CodeByGroup, JointDisplay } from './report-types';
import type { StudyData } from './study-data';

/**
 * Codes × groups: each cell the code's prevalence in the group (from `byGroup`) and up to `quotesPerCell`
 * representative quotes from participants of that group.
 */
export function jointDisplay(data: StudyData, by: SurveyColumn, byGroup: readonly CodeByGroup[], quotesPerCell: number): JointDisplay {
  const agreed = agreedCodings(data.codings);
  const groupOf = new Map(data.records.map((r) => [r.id, labelOf(by, r.values)]));
  const groups = byGroup[0]?.groups.map((g) => g.level) ?? columnLevels(by);
  const rows = data.codes.map((code, i) => {
    const members = new Set(code.members);
    const ofCode = data.codings.filter((c) => members.has(c.coding.code));
    const prevalence = byGroup[i] as CodeByGroup;
    return {
      code: code.id,
      name: code.name,
      depth: code.depth,
      cells: prevalence.groups.map((g) => ({
        ...g,
        quotes: representativeQuotes(ofCode.filter((c) => groupOf.get(c.participant) === g.level), agreed, quotesPerCell),
      })),
    };
  });
  return { by: by.name, groups, rows, quoteRule: QUOTE_RULE };
}
