import * as vscode from 'vscode';
import {
  type DirectoryEntry,
  encodeUtf8,
  type FileStat,
  type FileSystemPort,
  type ReleaseLock,
  sameBytes,
} from '../../core/index';
import { fromVscodeUri, toVscodeUri } from './workspace-file-system';

const SAVE_ATTEMPTS = 5;
const LOCK_WAIT_SHOWN_AFTER_MS = 1_000;

/**
 * The core's FileSystemPort with one twist: a Grounded file that is open in an editor (dirty, or shown in
 * a tab) is read from and replaced in that editor, not on disk. Reads see the person's unsaved text; a
 * compare-and-swap replace becomes one WorkspaceEdit that replaces the document's text, followed by a save.
 * So ctrl+z in that editor undoes a coding action, and a dirty sidecar is never overwritten behind its
 * editor's back (docs/ARCHITECTURE.md#persistence, rule 4). Locks are the disk's, so the editor path takes part in the same protocol as the CLI and
 * other windows. Everything else, including files not open anywhere, passes through to the disk.
 * The extension makes one instance (services.editorAwareFs); every feature writes through it.
 */
export class EditorAwareFileSystem implements FileSystemPort {
  constructor(private readonly disk: FileSystemPort) {}

  async readFile(uri: string): Promise<Uint8Array> {
    const document = editorDocument(uri);
    return document ? encodeUtf8(document.getText()) : this.disk.readFile(uri);
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const document = editorDocument(uri);
    if (document) return { type: 'file', size: encodeUtf8(document.getText()).length, mtime: Date.now() };
    return this.disk.stat(uri);
  }

  writeFile(uri: string, data: Uint8Array): Promise<void> {
    return this.disk.writeFile(uri, data);
  }

  async replaceIfUnchanged(
    uri: string,
    expected: Uint8Array | undefined,
    data: Uint8Array,
    committing?: () => void,
  ): Promise<boolean> {
    const document = editorDocument(uri);
    if (!document) return this.disk.replaceIfUnchanged(uri, expected, data, committing);
    if (!sameBytes(encodeUtf8(document.getText()), expected)) return false;
    await replaceDocumentText(document, new TextDecoder().decode(data));
    return true;
  }

  /**
   * The disk's lock. A lock is held for milliseconds, so waiting is normally unseen; when another process
   * (a terminal, a second window) holds it for longer, the wait is shown, so a coding action that seems to do
   * nothing says why.
   */
  lock(uri: string): Promise<ReleaseLock> {
    const taking = this.disk.lock(uri);
    let shown = false;
    const timer = setTimeout(() => {
      shown = true;
      void vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `Grounded: waiting for ${vscode.workspace.asRelativePath(toVscodeUri(uri))}, which another Grounded process (a terminal or another window) is changing…`,
        },
        () => taking.then(undefined, () => undefined),
      );
    }, LOCK_WAIT_SHOWN_AFTER_MS);
    return taking.finally(() => {
      if (!shown) clearTimeout(timer);
    });
  }

  isWriteArtifact(uri: string): boolean {
    return this.disk.isWriteArtifact(uri);
  }

  realPath(uri: string): Promise<string | undefined> {
    return this.disk.realPath ? this.disk.realPath(uri) : Promise.resolve(undefined);
  }

  /** Never waits, so there is no wait to show. */
  tryLock(uri: string): Promise<ReleaseLock | undefined> {
    return this.disk.tryLock ? this.disk.tryLock(uri) : Promise.resolve(undefined);
  }

  delete(uri: string): Promise<void> {
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
