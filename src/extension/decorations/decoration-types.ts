import * as vscode from 'vscode';

/**
 * One TextEditorDecorationType per distinct look (colour × status, the overlap marker, a gutter colour
 * set), created on first use and shared by every editor. Types nobody applies any more are disposed, and
 * a change of style or theme disposes them all (which also clears them from every editor).
 */
export class DecorationTypes implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  /** Bumped whenever every type is recreated; tests read it to see a style change took effect. */
  generation = 0;

  get(key: string, options: () => vscode.DecorationRenderOptions): vscode.TextEditorDecorationType {
    let type = this.types.get(key);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType(options());
      this.types.set(key, type);
    }
    return type;
  }

  keys(): string[] {
    return [...this.types.keys()];
  }

  lookup(key: string): vscode.TextEditorDecorationType | undefined {
    return this.types.get(key);
  }

  /** Disposes the types whose key is not in `used`. */
  retain(used: ReadonlySet<string>): void {
    for (const [key, type] of this.types) {
      if (!used.has(key)) {
        type.dispose();
        this.types.delete(key);
      }
    }
  }

  reset(): void {
    this.retain(new Set());
    this.generation++;
  }

  dispose(): void {
    this.retain(new Set());
  }
}
