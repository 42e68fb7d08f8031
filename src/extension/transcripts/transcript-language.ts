import * as vscode from 'vscode';
import type { StudyService } from '../study/study-service';

export const TRANSCRIPT_LANGUAGE = 'transcript';
const DEFAULT_PATTERNS = ['**/transcripts/*.txt'];

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

  constructor(private readonly studies: StudyService) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.considerQuietly(document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // A change of language (ours, or the person's in the language picker) reports the same document closed
        // and at once reopened, still open: it stays remembered. A document really closed is `isClosed`, and is
        // forgotten at once, so opening it again, even right away (Reopen Closed Editor), switches it again.
        if (document.isClosed) this.switched.delete(document.uri.toString());
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
    this.switched.add(document.uri.toString());
    return vscode.languages.setTextDocumentLanguage(document, TRANSCRIPT_LANGUAGE);
  }

  private considerOpen(): void {
    for (const document of vscode.workspace.textDocuments) this.considerQuietly(document);
  }

  /** A document closed before its switch makes setTextDocumentLanguage reject: nothing is left to switch then. */
  private considerQuietly(document: vscode.TextDocument): void {
    this.consider(document).catch(() => undefined);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
