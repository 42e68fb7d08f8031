import * as vscode from 'vscode';

/**
 * An output channel where an import or export says what it did and what it left out ("Grounded REFI-QDA",
 * "Grounded Import"): a notification holds a line, the channel holds the whole list.
 */
export class ReportOutput implements vscode.Disposable {
  private readonly channel: vscode.OutputChannel;
  /** Everything reported so far (the integration tests read it). */
  readonly lines: string[] = [];

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name);
  }

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
