import * as vscode from 'vscode';
import { KeptPool } from './kept-pool';

/**
 * Types no visible editor uses that are kept for reuse. A transcript of thousands of codings uses a thousand
 * types or more (a gutter mark per set of colours on a line): shown again (a tab switched back to, a file
 * reopened) it reuses them instead of creating each again, which is most of the time its colours take.
 */
export const MAX_UNUSED_TYPES = 4000;

/**
 * One TextEditorDecorationType per distinct look (colour × status, the overlap marker, a gutter colour
 * set), created on first use and shared by every editor. Types nobody applies any more are kept for reuse up
 * to MAX_UNUSED_TYPES, then disposed; a change of style or theme disposes them all (which also clears them
 * from every editor).
 */
export class DecorationTypes implements vscode.Disposable {
  private readonly pool = new KeptPool<vscode.TextEditorDecorationType>(MAX_UNUSED_TYPES);
  /** Bumped whenever every type is recreated; tests read it to see a style change took effect. */
  generation = 0;

  get(key: string, options: () => vscode.DecorationRenderOptions): vscode.TextEditorDecorationType {
    return this.pool.get(key, () => vscode.window.createTextEditorDecorationType(options()));
  }

  /** Keys of the live types, in use or kept for reuse. */
  keys(): string[] {
    return this.pool.keys();
  }

  lookup(key: string): vscode.TextEditorDecorationType | undefined {
    return this.pool.lookup(key);
  }

  /** The types whose key is not in `used` are unused: kept for reuse, the oldest disposed beyond the limit. */
  retain(used: ReadonlySet<string>): void {
    this.pool.retain(used);
  }

  reset(): void {
    this.pool.clear();
    this.generation++;
  }

  dispose(): void {
    this.pool.clear();
  }
}
