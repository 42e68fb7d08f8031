import type { SurveyColumn } from '../survey/index';
import { columnLevels, labelOf } from './levels';
import { agreedInData, QUOTE_RULE, quoteFactsOf, rankedQuotes } from './quotes';
import type { CodeByGroup, JointDisplay } from './report-types';
import { distinctCodings, type StudyData } from './study-data';
import { codingsOfCodes } from './codings-of-codes';

/**
 * Codes × groups: each cell the code's prevalence in the group (from `byGroup`) and up to `quotesPerCell`
 * representative quotes from participants of that group.
 */
export function jointDisplay(
  data: StudyData,
  by: SurveyColumn,
  byGroup: readonly CodeByGroup[],
  quotesPerCell: number,
): JointDisplay {
  const facts = quoteFactsOf(data.codings, agreedInData(data), distinctCodings(data));
  const groupOf = new Map(data.records.map((r) => [r.id, labelOf(by, r.values)]));
  // A participant's codings usually follow one another: their group is then looked up once.
  let lastId: string | undefined;
  let lastLevel: string | null | undefined;
  const levelOf = data.codings.map((c) => {
    if (c.participant !== lastId) {
      lastId = c.participant;
      lastLevel = groupOf.get(lastId);
    }
    return lastLevel;
  });
  const groups = byGroup[0]?.groups.map((g) => g.level) ?? columnLevels(by);
  const ofCode = codingsOfCodes(data);
  const rows = data.codes.map((code, i) => {
    // The code's codings by group, in the order of data.codings (as filtering them would give).
    const byLevel = new Map<string | null | undefined, number[]>();
    const codings = ofCode[i] as readonly number[];
    // Indexed: for…of steps through an iterator until the code is optimized (every coding, once per code above it).
    for (let k = 0; k < codings.length; k++) {
      const index = codings[k] as number;
      const level = levelOf[index];
      const list = byLevel.get(level);
      if (list) list.push(index);
      else byLevel.set(level, [index]);
    }
    const prevalence = byGroup[i] as CodeByGroup;
    return {
      code: code.id,
      name: code.name,
      depth: code.depth,
      cells: prevalence.groups.map((g) => ({
        ...g,
        quotes: rankedQuotes(facts, byLevel.get(g.level) ?? [], quotesPerCell),
      })),
    };
  });
  return { by: by.name, groups, rows, quoteRule: QUOTE_RULE };
}
