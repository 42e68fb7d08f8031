import * as vscode from 'vscode';
import { NextTask } from '../shared/next-task';
import type { LiveCodings } from '../study/live-codings';
import { codingsAt } from './codings-at';

/** Names shown before the rest collapses into "+N". */
const MAX_NAMES = 3;

/**
 * A status bar item with the codes at the cursor ("$(tag) Sponsorship, Burnout"), or the transcript's
 * coding count when the cursor is on uncoded text. Click: code the selection. Hidden outside transcripts.
 */
export class CodingStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('grounded.codingsAtCursor', vscode.StatusBarAlignment.Right, 100);
  /** A transcript shown is drawn first; the codes at its cursor follow in the next task. */
  private readonly afterShown = new NextTask(() => this.update());
  private readonly disposables: vscode.Disposable[] = [this.item, this.afterShown];

  constructor(private readonly live: LiveCodings) {
    this.item.name = 'Grounded: codes at the cursor';
    this.item.command = 'grounded.codeSelection';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.afterShown.request()),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor === vscode.window.activeTextEditor) this.update();
      }),
      live.onDidChangeLater((entry) => {
        if (!entry || entry.document === vscode.window.activeTextEditor?.document) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const entry = editor ? this.live.get(editor.document) : undefined;
    if (!editor || !entry) {
      this.item.hide();
      return;
    }
    const here = codingsAt(entry, editor.selection.active);
    const codebook = entry.study.codebook;
    if (here.length === 0) {
      const count = entry.codings.length;
      this.item.text = `$(tag) ${count} coding${count === 1 ? '' : 's'}`;
      this.item.tooltip = 'Codings in this transcript. Click to code the selection.';
    } else {
      const names = [
        ...new Set(
          here.map(({ coding }) => codebook.codes.find((code) => code.id === coding.code)?.name ?? coding.code),
        ),
      ];
      const shown = names.slice(0, MAX_NAMES).join(', ');
      this.item.text = `$(tag) ${shown}${names.length > MAX_NAMES ? ` +${names.length - MAX_NAMES}` : ''}`;
      this.item.tooltip = `Codes at the cursor: ${names.join(', ')}. Click to code the selection.`;
    }
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
