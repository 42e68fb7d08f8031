import { termsOf } from './terms';
import type { UnitIndex } from './unit-index';

/** How many of a query's words are searched: enough to describe a passage, few enough to stay fast. */
export const MAX_QUERY_TERMS = 32;

/**
 * The words of a query text worth searching for, each with its weight. A word counts by how often the query
 * uses it (damped: 1 + ln tf, so one word repeated across many quotes does not drown the rest) times how rare
 * it is among the indexed passages (the BM25 inverse document frequency), and only the MAX_QUERY_TERMS best are
 * kept. So the quotes of a whole code become the words that set them apart, and fillers such as "the", "um",
 * "like" fall away by themselves, in any language, without a stop-word list. Words no passage has are dropped.
 * The weight handed to the search is the damped frequency alone: BM25 applies the rarity itself.
 */
export function queryTerms(text: string, index: UnitIndex): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of termsOf(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const passages = index.passageCount;
  const ranked = [...counts]
    .map(([term, count]) => {
      const frequency = index.frequency(term);
      const boost = 1 + Math.log(count);
      const idf = Math.log(1 + (passages - frequency + 0.5) / (frequency + 0.5));
      return { term, boost, rank: frequency === 0 ? -1 : boost * idf };
    })
    .filter((t) => t.rank >= 0)
    .sort((a, b) => b.rank - a.rank || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, MAX_QUERY_TERMS);
  return new Map(ranked.map((t) => [t.term, t.boost]));
}
