import * as vscode from 'vscode';
import type { Feature } from '../services';
import { CodingHoverProvider } from './coding-hover';
import { CodingStatusBar } from './coding-status-bar';
import { TranscriptDecorator } from './transcript-decorator';

/**
 * Seeing codes: coloured codings in transcript editors, a hover with the codes at a position, and the
 * codes at the cursor in the status bar. A study's transcripts are decorated whatever their language
 * (plain text, transcript, markdown), so the hover is registered for every document and answers only
 * for transcripts.
 */
export const decorationsFeature: Feature = (services) => {
  const decorator = new TranscriptDecorator(services.live);
  const statusBar = new CodingStatusBar(services.live);
  services.context.subscriptions.push(
    decorator,
    statusBar,
    vscode.languages.registerHoverProvider('*', new CodingHoverProvider(services.live, decorator)),
  );
  services.testHooks = { ...services.testHooks, decorations: decorator, statusBar: statusBar.item };
};
