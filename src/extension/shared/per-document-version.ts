import type * as vscode from 'vscode';

/**
 * A value made from a document's text, kept until the document's next version. For what VS Code asks for again
 * each time an editor shows a document (its outline, its semantic tokens), though the text has not changed.
 */
export class PerDocumentVersion<T> {
  private readonly made = new WeakMap<vscode.TextDocument, { version: number; value: T }>();

  /** Whether the value of the document's current version is made already. */
  has(document: vscode.TextDocument): boolean {
    return this.made.get(document)?.version === document.version;
  }

  get(document: vscode.TextDocument, make: (text: string) => T): T {
    const known = this.made.get(document);
    if (known?.version === document.version) return known.value;
    const value = make(document.getText());
    this.made.set(document, { version: document.version, value });
    return value;
  }
}
