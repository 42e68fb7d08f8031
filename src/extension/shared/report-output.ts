import * as vscode from 'vscode';

/** The "Grounded REFI-QDA" output channel: every import and export says there what it did and what it left out. */
export class RefiOutput implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Grounded REFI-QDA');
  /** Everything reported so far (the integration tests read it). */
  readonly lines: string[] = [];

  /** Appends a report; `reveal` shows the channel (without taking the focus) when there is something to read. */
  report(lines: readonly string[], reveal: boolean): void {
    const stamped = [`[${new Date().toLocaleTimeString()}] ${lines[0] ?? ''}`, ...lines.slice(1)];
    for (const line of stamped) this.channel.appendLine(line);
    this.lines.push(...lines);
    if (reveal) this.channel.show(true);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
