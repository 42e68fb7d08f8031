import * as vscode from 'vscode';
import { touchesCoding } from '../../core/index';
import { NextTask } from '../shared/next-task';
import type { LiveCodings } from '../study/live-codings';

/** True while the active editor shows a transcript of a study: enables the coding keys and menus. */
export const IS_TRANSCRIPT = 'grounded.coding.isTranscript';
/** True while the cursor or selection touches a coding: enables remove/change/adjust/memo. */
export const AT_CODING = 'grounded.coding.atCursor';

/**
 * Keeps the two context keys of the coding commands in step with the active editor, its selection and its
 * codings. Only changed values are sent (setContext crosses to the renderer).
 */
export class EditorContextKeys implements vscode.Disposable {
  private readonly values = new Map<string, boolean>();
  private readonly disposables: vscode.Disposable[];
  /** A transcript shown is drawn first; the keys follow in the next task, long before a key can be pressed. */
  private readonly afterShown = new NextTask(() => this.update());

  constructor(private readonly live: LiveCodings) {
    this.disposables = [
      this.afterShown,
      vscode.window.onDidChangeActiveTextEditor(() => this.afterShown.request()),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor === vscode.window.activeTextEditor) this.update();
      }),
      live.onDidChangeLater(() => this.update()),
    ];
    this.update();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const entry = editor ? this.live.get(editor.document) : undefined;
    this.set(IS_TRANSCRIPT, entry !== undefined);
    let atCoding = false;
    if (editor && entry && entry.text.document.version === editor.document.version) {
      const range = entry.text.fromRange(editor.selection);
      // Runs as a transcript opens and at each cursor move: a scan that stops at the first coding, without
      // copying 10,000 codings into a list and sorting the ones found.
      atCoding = entry.codings.some(({ coding }) => touchesCoding(coding, range));
    }
    this.set(AT_CODING, atCoding);
  }

  private set(key: string, value: boolean): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
