import * as vscode from 'vscode';
import { canonicalize, hashText, OffsetMap, type TranscriptRef } from '../../core/index';
import { fromVscodeUri } from '../platform/workspace-file-system';

/**
 * A document's text in the core's terms. VS Code positions count UTF-16 units per line and the document
 * may use CRLF; the core counts code points over LF text. Lines are the same in both, so conversion goes
 * through (line, character): canonical UTF-16 offset = canonical line start + character.
 */
export class DocumentText implements TranscriptRef {
  readonly version: number;
  readonly uri: string;
  readonly text: string;
  readonly map: OffsetMap;
  private hash: string | undefined;
  private readonly lineStarts: number[];
  private readonly ranges = new WeakMap<object, vscode.Range>();

  /** `sha256`: SHA-256 as lowercase hex, the platform's native one when it has one. */
  constructor(
    readonly document: vscode.TextDocument,
    private readonly sha256?: (bytes: Uint8Array) => string,
  ) {
    this.version = document.version;
    this.uri = fromVscodeUri(document.uri);
    this.text = canonicalize(document.getText());
    this.map = new OffsetMap(this.text);
    this.lineStarts = [0];
    for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** Computed on first use: most keystrokes never need it. */
  get textHash(): string {
    this.hash ??= this.sha256 ? `sha256:${this.sha256(new TextEncoder().encode(this.text))}` : hashText(this.text);
    return this.hash;
  }

  /** Code-point offset of a document position. */
  toOffset(position: vscode.Position): number {
    const line = Math.min(position.line, this.lineStarts.length - 1);
    const lineStart = this.lineStarts[line] as number;
    const lineEnd = line + 1 < this.lineStarts.length ? (this.lineStarts[line + 1] as number) - 1 : this.text.length;
    return this.map.toCodePoint(Math.min(lineStart + position.character, lineEnd));
  }

  /** Document position of a code-point offset. */
  toPosition(offset: number): vscode.Position {
    const utf16 = this.map.toUtf16(Math.max(0, Math.min(offset, this.map.codePointLength)));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= utf16) low = mid;
      else high = mid - 1;
    }
    return new vscode.Position(low, utf16 - (this.lineStarts[low] as number));
  }

  toRange(start: number, end: number): vscode.Range {
    return new vscode.Range(this.toPosition(start), this.toPosition(end));
  }

  /**
   * toRange of a coding, kept per coding object for this text: codings are never mutated, and a redraw after a
   * coding action shows the same objects as the previous one but one, so only that one is converted again.
   */
  rangeOf(coding: { readonly start: number; readonly end: number }): vscode.Range {
    let range = this.ranges.get(coding);
    if (range === undefined) this.ranges.set(coding, (range = this.toRange(coding.start, coding.end)));
    return range;
  }

  /** Code-point range of a selection or range. */
  fromRange(range: vscode.Range): { start: number; end: number } {
    return { start: this.toOffset(range.start), end: this.toOffset(range.end) };
  }
}

/**
 * Makes each document's DocumentText once per version (a coding action and its reload share it), hashing
 * with the platform's SHA-256 (pure JS when it has none: ≈ 50 ms for a 200 KB transcript). One per activation.
 */
export class DocumentTexts {
  private readonly byDocument = new WeakMap<vscode.TextDocument, DocumentText>();

  constructor(private readonly sha256?: (bytes: Uint8Array) => string) {}

  /** The document's text as of its current version. */
  of(document: vscode.TextDocument): DocumentText {
    const known = this.byDocument.get(document);
    if (known && known.version === document.version) return known;
    const made = new DocumentText(document, this.sha256);
    this.byDocument.set(document, made);
    return made;
  }
}
