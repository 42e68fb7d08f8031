import { declareCommands } from '../shared/command-declaration';

/** Moving studies and codebooks to and from other QDA tools as REFI-QDA files (bound in refi-feature.ts). */
export const REFI_QDA_COMMANDS = declareCommands({
  exportProject: { id: 'grounded.exportRefiProject', title: 'Export Study as REFI-QDA Project…' },
  exportCodebook: { id: 'grounded.exportRefiCodebook', title: 'Export Codebook as REFI-QDA…' },
  importProject: { id: 'grounded.importRefiProject', title: 'Import REFI-QDA Project…' },
  importCodebook: { id: 'grounded.importRefiCodebook', title: 'Import Codebook…' },
});
