import * as vscode from 'vscode';
import { HIGHLIGHT_KINDS, type HighlightKind, transcriptHighlights } from '../../core/index';
import { PerDocumentVersion } from '../shared/per-document-version';

/**
 * The token types of the transcript language, one per highlight kind, contributed in package.json
 * (`semanticTokenTypes`, with the TextMate scopes themes colour them by in `semanticTokenScopes`).
 */
export const HIGHLIGHT_LEGEND = new vscode.SemanticTokensLegend(
  HIGHLIGHT_KINDS.map((kind) => `transcript${kind.charAt(0).toUpperCase()}${kind.slice(1)}`),
);
const TYPE_INDEX = new Map<HighlightKind, number>(HIGHLIGHT_KINDS.map((kind, index) => [kind, index]));

/**
 * Colours speakers, timestamps, headers, inaudible passages and notes of documents in the transcript language,
 * as semantic tokens rather than a TextMate grammar. VS Code tokenized a grammar's document anew each time an
 * editor showed it: for a long transcript that was 30 ms of the window's time at every opening, before the
 * extension even heard of the editor. Semantic tokens are asked for after the editor is shown.
 */
export class TranscriptHighlighting implements vscode.DocumentSemanticTokensProvider {
  /** The tokens of each document's version: VS Code asks again each time an editor shows the document. */
  private readonly tokens = new PerDocumentVersion<vscode.SemanticTokens>();

  provideDocumentSemanticTokens(document: vscode.TextDocument): vscode.SemanticTokens {
    return this.tokens.get(document, encodeHighlights);
  }
}

/** The transcript's highlights in VS Code's encoding. */
function encodeHighlights(text: string): vscode.SemanticTokens {
  const highlights = transcriptHighlights(text);
  // VS Code's encoding, written directly (SemanticTokensBuilder checks each token: 6 ms for a long transcript):
  // per token the line and start relative to the previous token, the length, the type and no modifiers.
  const data = new Uint32Array(highlights.length * 5);
  let line = 0;
  let start = 0;
  highlights.forEach((highlight, index) => {
    const at = index * 5;
    data[at] = highlight.line - line;
    data[at + 1] = highlight.line === line ? highlight.start - start : highlight.start;
    data[at + 2] = highlight.length;
    data[at + 3] = TYPE_INDEX.get(highlight.kind)!;
    line = highlight.line;
    start = highlight.start;
  });
  return new vscode.SemanticTokens(data);
}
