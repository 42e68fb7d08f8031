import * as vscode from 'vscode';
import type { Feature } from '../services';
import { bindCommands } from '../shared/register-command';
import { ExplorerBadges } from './explorer-badges';
import { TRANSCRIPT_COMMANDS } from './commands';
import { markTranscripts } from './mark-coded';
import { TRANSCRIPT_LANGUAGE, TranscriptLanguageSwitcher } from './transcript-language';
import { HIGHLIGHT_LEGEND, TranscriptHighlighting } from './transcript-highlighting';
import { TranscriptPathsContext } from './transcript-paths-context';
import { TurnOutlineProvider } from './turn-outline';

/**
 * Transcripts: the transcript language for study transcripts and its highlighting, an outline of speaker turns, explorer badges
 * with each transcript's coding progress, and marking a transcript coded or not coded.
 */
export const transcriptsFeature: Feature = (services) => {
  const switcher = new TranscriptLanguageSwitcher(services.studies);
  const badges = new ExplorerBadges(services.studies, services.coder, services.blind);
  services.context.subscriptions.push(
    switcher,
    badges,
    new TranscriptPathsContext(services.studies),
    vscode.window.registerFileDecorationProvider(badges),
    vscode.languages.registerDocumentSymbolProvider(
      [{ language: TRANSCRIPT_LANGUAGE }, { language: 'plaintext' }],
      new TurnOutlineProvider(services.live),
      { label: 'Speaker turns' },
    ),
    vscode.languages.registerDocumentSemanticTokensProvider(
      { language: TRANSCRIPT_LANGUAGE },
      new TranscriptHighlighting(),
      HIGHLIGHT_LEGEND,
    ),
  );
  bindCommands(services.context, TRANSCRIPT_COMMANDS, {
    markCoded: markTranscripts(services, true),
    markNotCoded: markTranscripts(services, false),
  });
  services.testHooks = { ...services.testHooks, badges, languageSwitcher: switcher };
};
