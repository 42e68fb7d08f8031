import type { Disagreement, Settlement } from '../../core/index';

/** The letters that mark each coder's codings in the editor, the view and the hovers. */
export const FIRST_MARK = 'A';
export const SECOND_MARK = 'B';
export const CONSENSUS_MARK = 'C';

/** What differs, in words: "only amara", "only jonas", "boundaries differ". */
export function kindPhrase(disagreement: Disagreement, first: string, second: string): string {
  if (disagreement.kind === 'first-only') return `only ${first}`;
  if (disagreement.kind === 'second-only') return `only ${second}`;
  return 'boundaries differ';
}

/** What the consensus holds, in words: "kept amara's", "kept both", "adjusted"… */
export function settlementPhrase(settlement: Settlement, first: string, second: string): string | undefined {
  if (!settlement.settled) return undefined;
  switch (settlement.as) {
    case 'first':
      return `kept ${first}'s`;
    case 'second':
      return `kept ${second}'s`;
    case 'both':
      return 'kept both';
    case 'neither':
      return 'kept neither';
    case 'adjusted':
      return 'adjusted';
  }
}
