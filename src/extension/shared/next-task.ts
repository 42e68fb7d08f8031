import type * as vscode from 'vscode';

/**
 * Runs `work` once, in a task of its own after the current one, however often it is asked for meanwhile. For what
 * reacts to a transcript being shown: the decorations drawn in the task that shows it leave for the window only
 * when that task ends, so other work done in it (scanning 10,000 codings for the cursor) delays the colours.
 */
export class NextTask implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly work: () => void) {}

  request(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.work();
    }, 0);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
