import { declareCommands } from '../shared/command-declaration';

/** Comparing two coders and settling their disagreements in a consensus coder (bound in compare-feature.ts). */
export const COMPARE_CODERS_COMMANDS = declareCommands({
  compareCoders: { id: 'grounded.compareCoders', title: 'Compare Coders…' },
  stopComparing: { id: 'grounded.compare.stop', title: 'Stop Comparing Coders' },
  nextDisagreement: { id: 'grounded.compare.nextDisagreement', title: 'Go to Next Disagreement' },
  previousDisagreement: { id: 'grounded.compare.previousDisagreement', title: 'Go to Previous Disagreement' },
  showDisagreement: { id: 'grounded.compare.showDisagreement', title: 'Show Disagreement in Transcript' },
  resolve: { id: 'grounded.compare.resolve', title: 'Resolve Disagreement…' },
  keepFirst: { id: 'grounded.compare.keepFirst', title: "Keep the First Coder's Coding" },
  keepSecond: { id: 'grounded.compare.keepSecond', title: "Keep the Second Coder's Coding" },
  keepBoth: { id: 'grounded.compare.keepBoth', title: 'Keep Both Codings' },
  keepNeither: { id: 'grounded.compare.keepNeither', title: 'Keep Neither Coding' },
  adjust: { id: 'grounded.compare.adjust', title: 'Resolve with the Selected Passage' },
  seedConsensus: { id: 'grounded.seedConsensus', title: 'Seed Consensus from Agreements…' },
});
