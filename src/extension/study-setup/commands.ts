import { declareCommands } from '../shared/command-declaration';

/** Starting a study (bound in study-setup-feature.ts). */
export const STUDY_SETUP_COMMANDS = declareCommands({
  createStudy: { id: 'grounded.createStudy', title: 'Create a Study Here' },
  openExampleStudy: { id: 'grounded.openExampleStudy', title: 'Open the Example Study' },
});
