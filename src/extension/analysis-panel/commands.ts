import { declareCommands } from '../shared/command-declaration';

/** The analysis panel (bound in analysis-feature.ts). */
export const ANALYSIS_COMMANDS = declareCommands({
  openAnalysis: { id: 'grounded.openAnalysis', title: 'Open Analysis' },
  exportForR: { id: 'grounded.exportForR', title: 'Export for R…' },
});
