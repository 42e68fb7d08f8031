import * as vscode from 'vscode';
import type { StudyService } from '../study/study-service';

export const TRANSCRIPT_LANGUAGE = 'transcript';
const DEFAULT_PATTERNS = ['**/transcripts/*.txt'];
const FORGET_DELAY_MS = 1000;

/** `grounded.transcriptPatterns`: globs of documents to show in the transcript language. */
export function transcriptPatterns(): string[] {
  const value = vscode.workspace.getConfiguration('grounded').get<unknown>('transcriptPatterns', DEFAULT_PATTERNS);
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && item !== '')
    : DEFAULT_PATTERNS;
}

/**
 * Switches plain-text documents that match `grounded.transcriptPatterns` AND are transcripts of a study to
 * the transcript language, so speakers, timestamps and notes are highlighted. Only plain text is switched:
 * a language the user or another extension chose (markdown, a manual pick) is left alone, and a document
 * the user switched back is not switched again while it stays open.
 */
export class TranscriptLanguageSwitcher implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Documents switched once; switching reopens the document, so remember by URI. */
  private readonly switched = new Set<string>();
  /** Documents whose switch is under way: the close it causes is not the person closing them. */
  private readonly switching = new Set<string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly studies: StudyService) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.considerQuietly(document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const uri = document.uri.toString();
        if (this.switching.has(uri)) return;
        // Closed by the person (no tab shows it any more): forgotten at once, so opening it again, even right
        // away (Reopen Closed Editor), switches it again.
        if (!shownInTab(uri)) {
          this.switched.delete(uri);
          return;
        }
        // A language change closes and reopens the document behind its tab: forget it only if it stays closed.
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (!vscode.workspace.textDocuments.some((open) => open.uri.toString() === uri)) this.switched.delete(uri);
        }, FORGET_DELAY_MS);
        this.timers.add(timer);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('grounded.transcriptPatterns')) this.considerOpen();
      }),
      studies.onDidChangeStudy(() => this.considerOpen()),
    );
    this.considerOpen();
  }

  /** Switches the document if it qualifies; resolves to the document as it is afterwards. */
  async consider(document: vscode.TextDocument): Promise<vscode.TextDocument> {
    if (document.languageId !== 'plaintext' || this.switched.has(document.uri.toString())) return document;
    if (!transcriptPatterns().some((pattern) => vscode.languages.match({ pattern }, document) > 0)) return document;
    if (document.isUntitled || !(await this.studies.transcriptFor(document.uri).catch(() => undefined)))
      return document;
    if (document.isClosed || document.languageId !== 'plaintext') return document;
    const uri = document.uri.toString();
    this.switched.add(uri);
    this.switching.add(uri);
    try {
      return await vscode.languages.setTextDocumentLanguage(document, TRANSCRIPT_LANGUAGE);
    } finally {
      this.switching.delete(uri);
    }
  }

  private considerOpen(): void {
    for (const document of vscode.workspace.textDocuments) this.considerQuietly(document);
  }

  /** A document closed before its switch makes setTextDocumentLanguage reject: nothing is left to switch then. */
  private considerQuietly(document: vscode.TextDocument): void {
    this.consider(document).catch(() => undefined);
  }

  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Whether an editor tab (a text editor, or either side of a diff) shows the document `uri`. */
function shownInTab(uri: string): boolean {
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some(({ input }) =>
      input instanceof vscode.TabInputText
        ? input.uri.toString() === uri
        : input instanceof vscode.TabInputTextDiff &&
          (input.original.toString() === uri || input.modified.toString() === uri),
    ),
  );
}
