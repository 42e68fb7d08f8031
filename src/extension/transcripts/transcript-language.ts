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
 * What the manifest's language contribution gives the transcript language without asking the extension
 * (`filenamePatterns`): the default of `grounded.transcriptPatterns`. VS Code then opens those files in the
 * transcript language at once, instead of opening them as plain text for the extension to switch, which
 * reopens the document (its whole text sent to the extension host again) and draws it twice.
 */
export const MANIFEST_TRANSCRIPT_PATTERNS = DEFAULT_PATTERNS;

/**
 * Shows documents that match `grounded.transcriptPatterns` AND are transcripts of a study in the transcript
 * language, so speakers, timestamps and notes are highlighted, and no other document:
 * - plain text that qualifies is switched to it;
 * - a `.txt` file that VS Code opened in it by the manifest's pattern but that does not qualify (no transcript of
 *   a study, or outside the patterns the user set) is switched back to plain text.
 * Each document is considered once while it stays open: a language the user picks afterwards is left alone.
 * Languages other than these two (markdown, another extension's) are never touched.
 */
export class TranscriptLanguageSwitcher implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Documents shown as transcripts once; switching reopens the document, so remember by URI. */
  private readonly switched = new Set<string>();
  /** `.txt` files the manifest's pattern opened as transcripts and that were switched back to plain text. */
  private readonly demoted = new Set<string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly studies: StudyService) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.considerQuietly(document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // A language change closes and reopens the document: forget it only if it stays closed.
        const uri = document.uri.toString();
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (vscode.workspace.textDocuments.some((open) => open.uri.toString() === uri)) return;
          this.switched.delete(uri);
          this.demoted.delete(uri);
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

  /** Switches the document to the language it should have, if it is not in it; resolves to the document afterwards. */
  async consider(document: vscode.TextDocument): Promise<vscode.TextDocument> {
    const uri = document.uri.toString();
    const language = document.languageId;
    if (this.switched.has(uri)) return document;
    const mayDemote = language === TRANSCRIPT_LANGUAGE && !this.demoted.has(uri) && openedByManifestPattern(document);
    if (language !== 'plaintext' && !mayDemote) return document;
    const qualifies = await this.qualifies(document);
    if (document.isClosed || document.languageId !== language || this.switched.has(uri)) return document;
    if (qualifies) {
      // From here on the user's language picks for it stand, as for a document switched by us.
      this.switched.add(uri);
      return language === TRANSCRIPT_LANGUAGE
        ? document
        : vscode.languages.setTextDocumentLanguage(document, TRANSCRIPT_LANGUAGE);
    }
    if (!mayDemote) return document;
    // Not switched for good: it may still become a transcript of the study (a new file the study has not seen yet).
    this.demoted.add(uri);
    return vscode.languages.setTextDocumentLanguage(document, 'plaintext');
  }

  private async qualifies(document: vscode.TextDocument): Promise<boolean> {
    if (document.isUntitled) return false;
    if (!transcriptPatterns().some((pattern) => vscode.languages.match({ pattern }, document) > 0)) return false;
    return (await this.studies.transcriptFor(document.uri).catch(() => undefined)) !== undefined;
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

/** A `.txt` file the manifest's patterns give the transcript language (not a `.transcript` file, not untitled). */
function openedByManifestPattern(document: vscode.TextDocument): boolean {
  return (
    !document.isUntitled &&
    document.uri.path.toLowerCase().endsWith('.txt') &&
    MANIFEST_TRANSCRIPT_PATTERNS.some((pattern) => vscode.languages.match({ pattern }, document) > 0)
  );
}
