import type * as vscode from 'vscode';
import type { CodingStatus } from '../../core/index';
import type { DecorationStyle } from './decoration-settings';

/** One coding as last drawn in an editor. */
export interface AppliedCoding {
  readonly codeId: string;
  readonly codingId: string;
  readonly color: string;
  readonly status?: CodingStatus;
  readonly range: vscode.Range;
}

/** What a document's editors were last given. */
export interface AppliedDecorations {
  readonly version: number;
  /** How many editors (of the document, side by side) were given them. */
  readonly editors: number;
  readonly codings: readonly AppliedCoding[];
  readonly overlaps: readonly vscode.Range[];
  /** Line numbers that got a gutter mark. */
  readonly gutterLines: readonly number[];
}

/**
 * The decorations last applied, by document URI (vscode.Uri.toString()). VS Code has no API to read
 * decorations back from an editor, so the integration tests read this (through the extension's exports)
 * to check what is drawn; the extension itself never reads it.
 */
export interface DecorationState {
  readonly applied: ReadonlyMap<string, AppliedDecorations>;
  readonly generation: number;
  readonly style: DecorationStyle;
  readonly highContrast: boolean;
  /** Keys of the live decoration types (one per colour and status, overlap, gutter colour set). */
  readonly typeKeys: readonly string[];
  /**
   * `performance.now()` when the extension host last told the decorations that the visible editors changed,
   * before they drew anything: where Grounded's part of opening a transcript starts (the benchmark reads it;
   * its own listener would run after the drawing).
   */
  readonly visibleEditorsChangedAt: number;
  /** Fires each time a document's editors are given decorations (a drawing in two steps fires twice). */
  readonly onDidDraw: vscode.Event<{ readonly uri: string; readonly applied: AppliedDecorations }>;
}
