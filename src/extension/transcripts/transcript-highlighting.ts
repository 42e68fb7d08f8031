import * as vscode from 'vscode';
import { HIGHLIGHT_KINDS, transcriptHighlights } from '../../core/index';

/**
 * The token types of the transcript language, one per highlight kind, contributed in package.json
 * (`semanticTokenTypes`, with the TextMate scopes themes colour them by in `semanticTokenScopes`).
 */
export const HIGHLIGHT_LEGEND = new vscode.SemanticTokensLegend(
  HIGHLIGHT_KINDS.map((kind) => `transcript${kind.charAt(0).toUpperCase()}${kind.slice(1)}`),
);

/**
 * Colours speakers, timestamps, headers, inaudible passages and notes of documents in the transcript language,
 * as semantic tokens rather than a TextMate grammar. VS Code keeps a document's semantic tokens while it stays
 * open and asks again only after an edit, whereas it tokenizes a grammar's document anew each time an editor
 * shows it: for a long transcript that was 30 ms of the window's time at every opening, before the extension
 * even heard of the editor.
 */
export class TranscriptHighlighting implements vscode.DocumentSemanticTokensProvider {
  provideDocumentSemanticTokens(document: vscode.TextDocument): vscode.SemanticTokens {
    const builder = new vscode.SemanticTokensBuilder(HIGHLIGHT_LEGEND);
    for (const { line, start, length, kind } of transcriptHighlights(document.getText())) {
      builder.push(line, start, length, HIGHLIGHT_KINDS.indexOf(kind));
    }
    return builder.build();
  }
}
