import * as vscode from 'vscode';

/**
 * Pending suggestions in the editor: a dashed frame with a "suggested" label in front, distinct from any coding
 * (codings are filled or underlined) so nobody takes a suggestion for a coding. The one the list is on gets a
 * solid frame. Nothing here is written anywhere.
 */
export class SuggestionDecorations implements vscode.Disposable {
  private readonly pending = vscode.window.createTextEditorDecorationType({
    borderStyle: 'dashed',
    borderWidth: '1px',
    borderColor: new vscode.ThemeColor('editorInfo.foreground'),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor('editorInfo.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    before: {
      contentText: 'suggested',
      color: new vscode.ThemeColor('editorInfo.foreground'),
      fontStyle: 'italic',
      margin: '0 4px 0 0',
    },
  });
  private readonly active = vscode.window.createTextEditorDecorationType({
    borderStyle: 'solid',
    borderWidth: '2px',
    borderColor: new vscode.ThemeColor('focusBorder'),
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
  });
  /** What is drawn, by document URI (for the integration tests). */
  readonly drawn = new Map<string, { readonly pending: readonly vscode.Range[]; readonly active?: vscode.Range }>();

  show(editor: vscode.TextEditor, pending: readonly vscode.Range[], active: vscode.Range | undefined): void {
    editor.setDecorations(
      this.pending,
      pending.map((range) => ({ range })),
    );
    editor.setDecorations(this.active, active ? [active] : []);
    if (active) editor.revealRange(active, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.drawn.set(editor.document.uri.toString(), { pending, ...(active ? { active } : {}) });
  }

  clear(editor: vscode.TextEditor): void {
    editor.setDecorations(this.pending, []);
    editor.setDecorations(this.active, []);
    this.drawn.delete(editor.document.uri.toString());
  }

  dispose(): void {
    this.pending.dispose();
    this.active.dispose();
  }
}
