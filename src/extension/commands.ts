import { declareCommands, type CommandDeclaration } from './shared/command-declaration';
import { CODING_COMMANDS, QUICK_CODE_COMMANDS } from './coding/commands';
import { CODEBOOK_COMMANDS } from './codebook-commands/commands';
import { CODEBOOK_VIEW_COMMANDS, MEMO_COMMANDS, RETRIEVE_COMMANDS, REVEAL_CODING_COMMANDS } from './views/commands';
import { STUDY_SETUP_COMMANDS } from './study-setup/commands';
import { ANALYSIS_COMMANDS } from './analysis-panel/commands';
import { TRANSCRIPT_COMMANDS } from './transcripts/commands';
import { COMPARE_CODERS_COMMANDS } from './compare-coders/commands';
import { REFI_QDA_COMMANDS } from './refi-qda/commands';
import { BLIND_CODING_COMMANDS } from './blind-coding/commands';
import { CODE_SUGGESTION_COMMANDS } from './code-suggestions/commands';
import { SIMILAR_COMMANDS } from './similar/commands';
import { TRANSCRIPT_IMPORT_COMMANDS } from './transcript-import/commands';

/** Shows the extension's version (bound in features.ts). */
export const VERSION_COMMANDS = declareCommands({
  showVersion: { id: 'grounded.showVersion', title: 'Show Version' },
});

/**
 * Every command the extension declares, by feature area. A feature's `commands.ts` lists its own; a new
 * group is added here. Free of `vscode`: the manifest test checks this list against package.json.
 */
export const ALL_COMMANDS: readonly CommandDeclaration[] = [
  VERSION_COMMANDS,
  CODING_COMMANDS,
  QUICK_CODE_COMMANDS,
  CODEBOOK_COMMANDS,
  CODEBOOK_VIEW_COMMANDS,
  RETRIEVE_COMMANDS,
  MEMO_COMMANDS,
  REVEAL_CODING_COMMANDS,
  STUDY_SETUP_COMMANDS,
  ANALYSIS_COMMANDS,
  TRANSCRIPT_COMMANDS,
  COMPARE_CODERS_COMMANDS,
  REFI_QDA_COMMANDS,
  BLIND_CODING_COMMANDS,
  CODE_SUGGESTION_COMMANDS,
  SIMILAR_COMMANDS,
  TRANSCRIPT_IMPORT_COMMANDS,
].flatMap((group) => Object.values(group));
