import * as vscode from 'vscode';
import type { Feature } from './services';
import { VERSION_COMMANDS } from './commands';
import { bindCommands } from './shared/register-command';
import { codingFeature } from './coding/coding-feature';
import { codebookCommandsFeature } from './codebook-commands/codebook-feature';
import { decorationsFeature } from './decorations/decorations-feature';
import { diagnosticsFeature } from './diagnostics/diagnostics-feature';
import { transcriptsFeature } from './transcripts/transcripts-feature';
import { analysisPanelFeature } from './analysis-panel/analysis-feature';
import { viewsFeature } from './views/views-feature';
import { studySetupFeature } from './study-setup/study-setup-feature';
import { compareCodersFeature } from './compare-coders/compare-feature';
import { refiQdaFeature } from './refi-qda/refi-feature';
import { blindCodingFeature } from './blind-coding/blind-coding-feature';
import { codeSuggestionsFeature } from './code-suggestions/code-suggestions-feature';
import { similarFeature } from './similar/similar-feature';
import { transcriptImportFeature } from './transcript-import/transcript-import-feature';

/** Shows the extension's version; also a cheap "is Grounded alive" check for tests. */
const versionFeature: Feature = ({ context }) => {
  bindCommands(context, VERSION_COMMANDS, {
    showVersion: () => {
      const version = String((context.extension.packageJSON as { version?: string }).version ?? 'unknown');
      void vscode.window.showInformationMessage(`Grounded ${version}`);
      return version;
    },
  });
};

/** Every feature area of the extension, registered in this order at activation. */
export const FEATURES: readonly Feature[] = [
  versionFeature,
  codingFeature,
  codebookCommandsFeature,
  decorationsFeature,
  diagnosticsFeature,
  transcriptsFeature,
  viewsFeature,
  studySetupFeature,
  analysisPanelFeature,
  compareCodersFeature,
  refiQdaFeature,
  blindCodingFeature,
  codeSuggestionsFeature,
  similarFeature,
  transcriptImportFeature,
];
