import * as vscode from 'vscode';
import { LINE_BREAK, structureOfLines } from '../../core/index';
import { PerDocumentVersion } from '../shared/per-document-version';
import { nextTurn } from '../shared/time-slices';
import type { LiveCodings } from '../study/live-codings';
import { TRANSCRIPT_LANGUAGE } from './transcript-language';

/**
 * The outline of a transcript: its header block and one symbol per speaker turn ("[00:01:02] P07: first
 * words…", speaker as detail; a subtitle cue without a speaker is "[00:01:02] first words…"), so the Outline
 * view, breadcrumbs and Go to Symbol jump between turns. Plain-text documents get an outline only when they
 * are a study's transcripts.
 */
export class TurnOutlineProvider implements vscode.DocumentSymbolProvider {
  /**
   * The symbols of each document's version: VS Code asks again each time an editor shows the document (breadcrumbs,
   * sticky scroll, the Outline view), and a 10,000-coding transcript has 1,500 turns.
   */
  private readonly symbols = new PerDocumentVersion<vscode.DocumentSymbol[]>();

  constructor(private readonly live: LiveCodings) {}

  async provideDocumentSymbols(
    document: vscode.TextDocument,
    token?: vscode.CancellationToken,
  ): Promise<vscode.DocumentSymbol[]> {
    if (document.languageId !== TRANSCRIPT_LANGUAGE && !(await this.isStudyTranscript(document))) return [];
    if (!this.symbols.has(document)) {
      // Made in a task of its own. The window asks for a new editor's outline in the same batch of messages that
      // tells the extension host of the editor, after it: made at once, the outline of a long transcript (1,500
      // turns: 19 ms in a profile) held back the colours drawn for that editor, which leave when the task ends.
      await nextTurn();
      if (token?.isCancellationRequested || document.isClosed) return [];
    }
    return this.symbols.get(document, turnSymbols);
  }

  private async isStudyTranscript(document: vscode.TextDocument): Promise<boolean> {
    if (this.live.get(document)) return true;
    // Untitled and other non-file documents are never a study's transcripts.
    if (document.isUntitled) return false;
    try {
      return (await this.live.track(document)) !== undefined;
    } catch {
      return false;
    }
  }
}

/** The header block and one symbol per turn of a transcript's text. */
function turnSymbols(text: string): vscode.DocumentSymbol[] {
  // Line lengths from the text itself: the document's lineAt makes an object per call.
  const lines = text.split(LINE_BREAK);
  const structure = structureOfLines(lines);
  const symbols: vscode.DocumentSymbol[] = [];
  if (structure.header) {
    const { startLine, endLine } = structure.header;
    symbols.push(
      new vscode.DocumentSymbol(
        'Header',
        `${endLine - startLine + 1} lines`,
        vscode.SymbolKind.Namespace,
        new vscode.Range(startLine, 0, endLine, lines[endLine]!.length),
        new vscode.Range(startLine, 0, startLine, lines[startLine]!.length),
      ),
    );
  }
  for (const turn of structure.turns) {
    const said = turn.speaker !== undefined ? `${turn.speaker}: ${firstWords(turn.text)}` : firstWords(turn.text);
    const label = `${turn.timestamp ? `${turn.timestamp} ` : ''}${said}`.trim() || (turn.timestamp ?? '');
    const range = new vscode.Range(turn.line, 0, turn.endLine, lines[turn.endLine]!.length);
    const selection = new vscode.Range(turn.line, 0, turn.line, turn.labelEnd);
    symbols.push(new vscode.DocumentSymbol(label, turn.speaker ?? '', vscode.SymbolKind.String, range, selection));
  }
  return symbols;
}

/** The first words of a turn, cut at a word boundary: "So, third-year medical student…". */
export function firstWords(text: string, maxLength = 48): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/u, '')}…`;
}
