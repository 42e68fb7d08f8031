import * as vscode from 'vscode';
import type { Feature } from '../services';
import { ExplorerBadges } from './explorer-badges';
import { TRANSCRIPT_LANGUAGE, TranscriptLanguageSwitcher } from './transcript-language';
import { TurnOutlineProvider } from './turn-outline';

/**
 * Transcripts: the transcript language for study transcripts, an outline of speaker turns, and explorer
 * badges with each transcript's coding count.
 */
export const transcriptsFeature: Feature = (services) => {
  const switcher = new TranscriptLanguageSwitcher(services.studies);
  const badges = new ExplorerBadges(services.studies);
  services.context.subscriptions.push(
    switcher,
    badges,
    vscode.window.registerFileDecorationProvider(badges),
    vscode.languages.registerDocumentSymbolProvider(
      [{ language: TRANSCRIPT_LANGUAGE }, { language: 'plaintext' }],
      new TurnOutlineProvider(services.live),
      { label: 'Speaker turns' },
    ),
  );
  services.testHooks = { ...services.testHooks, badges, languageSwitcher: switcher };
};
