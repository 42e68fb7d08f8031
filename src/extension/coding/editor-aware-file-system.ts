import * as vscode from 'vscode';
import type { DirectoryEntry, FileStat, FileSystemPort } from '../../core/ports/file-system';
import { basenameUri, dirnameUri, joinUri } from '../../core/uri';
import { encodeUtf8 } from '../../core/text/canonical';
import { fromVscodeUri } from '../platform/workspace-file-system';

const SAVE_ATTEMPTS = 5;
/** The core's temp-file name next to the file it replaces: `.<name>.<random>.tmp` (persistence/safe-file.ts). */
const TEMP_NAME = /^\.(.+)\.[a-z0-9]+\.tmp$/;

/**
 * The core's FileSystemPort with one twist: a Grounded file that is open in an editor (dirty, or shown in
 * a tab) is read from and written to that editor, not the disk. Reads see the person's unsaved text; the
 * core's compare-and-swap write (temp file, then rename over the original) becomes one WorkspaceEdit that
 * replaces the document's text, followed by a save. So ctrl+z in that editor undoes a coding action, and a
 * dirty sidecar is never overwritten behind its editor's back (docs/ARCHITECTURE.md#persistence, rule 4). Everything
 * else, including files not open anywhere, passes through to the disk unchanged.
 */
export class EditorAwareFileSystem implements FileSystemPort {
  /** Temp files the core wrote for an open document: their bytes wait here until the rename. */
  private readonly pending = new Map<string, { target: vscode.TextDocument; data: Uint8Array }>();

  constructor(private readonly disk: FileSystemPort) {}

  async readFile(uri: string): Promise<Uint8Array> {
    const document = editorDocument(uri);
    return document ? encodeUtf8(document.getText()) : this.disk.readFile(uri);
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    if (this.pending.has(uri)) return { type: 'file', size: this.pending.get(uri)!.data.length, mtime: Date.now() };
    const document = editorDocument(uri);
    if (document) return { type: 'file', size: encodeUtf8(document.getText()).length, mtime: Date.now() };
    return this.disk.stat(uri);
  }

  async writeFile(uri: string, data: Uint8Array): Promise<void> {
    const target = tempTarget(uri);
    const document = target === undefined ? undefined : editorDocument(target);
    if (document) this.pending.set(uri, { target: document, data });
    else await this.disk.writeFile(uri, data);
  }

  async rename(from: string, to: string): Promise<void> {
    const pending = this.pending.get(from);
    if (!pending) return this.disk.rename(from, to);
    this.pending.delete(from);
    if (fromVscodeUri(pending.target.uri) !== to)
      throw new Error(`internal: temp file ${from} was written for ${fromVscodeUri(pending.target.uri)}, not ${to}`);
    await replaceDocumentText(pending.target, new TextDecoder().decode(pending.data));
  }

  async delete(uri: string): Promise<void> {
    if (this.pending.delete(uri)) return;
    return this.disk.delete(uri);
  }

  list(uri: string): Promise<readonly DirectoryEntry[]> {
    return this.disk.list(uri);
  }
}

/** The open document at a URI when edits must go through its editor: it is dirty, or shown in a tab. */
export function editorDocument(uri: string): vscode.TextDocument | undefined {
  const document = vscode.workspace.textDocuments.find((doc) => !doc.isClosed && fromVscodeUri(doc.uri) === uri);
  if (!document) return undefined;
  if (document.isDirty) return document;
  const key = document.uri.toString();
  const inTab = vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key),
  );
  return inTab || vscode.window.visibleTextEditors.some((editor) => editor.document === document)
    ? document
    : undefined;
}

function tempTarget(uri: string): string | undefined {
  const match = TEMP_NAME.exec(basenameUri(uri));
  return match ? joinUri(dirnameUri(uri), match[1] as string) : undefined;
}

/**
 * Replaces a document's whole text as one undoable edit, then saves it so the study (read from disk)
 * sees the change at once. A dirty document's own unsaved edits were read and kept by the core (they
 * parsed as a valid file, or the core would have refused), so saving them is what the person intended.
 */
async function replaceDocumentText(document: vscode.TextDocument, text: string): Promise<void> {
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, whole, text);
  if (!(await vscode.workspace.applyEdit(edit)))
    throw new Error(`could not edit ${vscode.workspace.asRelativePath(document.uri)} in its editor`);
  // A save can be refused for a moment while the editor still processes the disk events of an earlier
  // write (seen in the tests right after a file was created): retry briefly before giving up.
  for (let attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
    if ((await document.save()) || !document.isDirty) return;
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
  throw new Error(
    `the change is in the editor of ${vscode.workspace.asRelativePath(document.uri)} but it could not be saved; save it to apply it`,
  );
}
