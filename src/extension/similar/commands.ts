import { declareCommands } from '../shared/command-declaration';

/** Find Similar Passages and the keys of its list (bound in similar-feature.ts). */
export const SIMILAR_COMMANDS = declareCommands({
  findSimilarPassages: { id: 'grounded.findSimilarPassages', title: 'Find Similar Passages…' },
  dismissActive: { id: 'grounded.similar.dismissActive', title: 'Dismiss the Highlighted Similar Passage' },
  toggleUnit: { id: 'grounded.similar.toggleUnit', title: 'Similar Passages: Switch Sentences / Speaker Turns' },
});
