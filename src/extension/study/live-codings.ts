import * as vscode from 'vscode';
import {
  type Coding,
  isCoderVisible,
  shiftCodings,
  type Sidecar,
  type Study,
  type StudyTranscript,
  type TextEdit,
  type TranscriptRef,
} from '../../core/index';
import type { StudyService } from './study-service';
import type { DocumentText, DocumentTexts } from './document-text';
import type { BlindCoding } from './blind-coding';
import { fromVscodeUri } from '../platform/workspace-file-system';

/** A coding as shown in an open editor: offsets valid for the document's current (maybe unsaved) text. */
export interface LiveCoding {
  readonly coding: Coding;
  readonly sidecarUri: string;
}

export interface LiveTranscript {
  readonly document: vscode.TextDocument;
  readonly study: Study;
  readonly transcript: StudyTranscript;
  readonly codings: readonly LiveCoding[];
  /** The document's text as of `codings` (needed to convert the next edit's ranges). */
  readonly text: DocumentText;
  /** What made this state: a (re)load of the study, or typing in the editor (frequent, worth batching). */
  readonly cause: 'loaded' | 'typing';
}

/**
 * The codings of every open transcript, kept in step with the editor: loaded from the study, shifted
 * live on each edit (so decorations follow typing before the file is saved), replaced on every reload.
 * Decorations, hovers, the status bar and the coding commands all read from here.
 */
export class LiveCodings implements vscode.Disposable {
  private readonly byDocument = new Map<string, LiveTranscript>();
  private readonly emitter = new vscode.EventEmitter<LiveTranscript | undefined>();
  private readonly laterEmitter = new vscode.EventEmitter<LiveTranscript | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.laterEmitter];
  /** The changes not yet told to onDidChangeLater: one transcript, or undefined once several have changed. */
  private later: { timer: ReturnType<typeof setTimeout>; changed: LiveTranscript | undefined } | undefined;

  /**
   * Fires with the transcript whose codings changed (undefined: several may have), in the task that changed
   * them: for the editor's decorations, which the person waits for.
   */
  readonly onDidChange = this.emitter.event;
  /**
   * The same changes, told in a task of their own after onDidChange, a burst of them once: for what is shown
   * beside the editor (the Codings view, the status bar, context keys). Their work then never holds back the
   * decorations of a coding on their way to the window.
   */
  readonly onDidChangeLater = this.laterEmitter.event;

  constructor(
    private readonly studies: StudyService,
    private readonly texts: DocumentTexts,
    private readonly blind: BlindCoding,
  ) {
    this.disposables.push(
      // Blind coding turned on or off, or another coder: every open transcript is shown again from its study.
      blind.onDidChange(() => {
        for (const entry of [...this.byDocument.values()]) this.set(entry.document, entry.study, entry.transcript);
      }),
      studies.onDidChangeStudy((study) => this.refreshStudy(study)),
      vscode.workspace.onDidOpenTextDocument((document) => {
        // A change of language (the transcript language switch does one to every transcript opened as plain
        // text) reports the very same document closed and reopened: its codings stand as they were, and are
        // neither loaded nor drawn again.
        if (this.get(document)?.document !== document) void this.track(document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.isClosed) this.byDocument.delete(document.uri.toString());
      }),
      vscode.workspace.onDidChangeTextDocument((event) => this.shift(event)),
    );
    for (const document of vscode.workspace.textDocuments) void this.track(document);
  }

  dispose(): void {
    if (this.later) clearTimeout(this.later.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  get(document: vscode.TextDocument): LiveTranscript | undefined {
    return this.byDocument.get(document.uri.toString());
  }

  /** Loads (or re-reads) the codings of a document if it is a transcript of a study. */
  async track(document: vscode.TextDocument): Promise<LiveTranscript | undefined> {
    // Untitled buffers, output channels and other non-file documents are never transcripts.
    if (
      !document.uri.path.startsWith('/') ||
      ['output', 'vscode', 'untitled', 'git', 'vscode-userdata'].includes(document.uri.scheme)
    )
      return undefined;
    let found: Awaited<ReturnType<StudyService['transcriptFor']>>;
    try {
      found = await this.studies.transcriptFor(document.uri);
    } catch {
      return undefined; // the study could not be loaded; its problems surface as diagnostics
    }
    if (!found) {
      this.byDocument.delete(document.uri.toString());
      return undefined;
    }
    return this.set(document, found.study, found.transcript);
  }

  /**
   * Shows a sidecar this window just wrote in its transcript's editors at once, ahead of the reload that
   * confirms it. Its codings are anchored to `text`; they are shown only where that is the document's
   * text as the editor holds it now (the coding commands work on exactly that), otherwise the reload does it.
   */
  showWritten(text: TranscriptRef, sidecarUri: string, sidecar: Sidecar): void {
    for (const [key, entry] of this.byDocument) {
      if (entry.text !== text) continue;
      if (!sidecar.codings.every((coding) => isCoderVisible(this.blind.visible, coding.by))) continue; // hidden while blind
      const kept = entry.codings.filter((live) => live.sidecarUri !== sidecarUri);
      const at = entry.codings.findIndex((live) => live.sidecarUri === sidecarUri);
      const written = sidecar.codings.map((coding) => ({ coding, sidecarUri }));
      const codings = at < 0 ? [...kept, ...written] : [...kept.slice(0, at), ...written, ...kept.slice(at)];
      const next: LiveTranscript = { ...entry, codings, cause: 'loaded' };
      this.byDocument.set(key, next);
      this.fire(next);
    }
  }

  /** Shows a transcript's codings as its study last loaded them again (after showWritten of a write that failed). */
  showLoaded(transcriptUri: string): void {
    for (const entry of [...this.byDocument.values()])
      if (entry.transcript.uri === transcriptUri) this.set(entry.document, entry.study, entry.transcript);
  }

  private set(document: vscode.TextDocument, study: Study, transcript: StudyTranscript): LiveTranscript {
    const live = this.texts.of(document);
    // Only the visible coders' codings: while blind, the editor never shows another coder's work.
    let codings: LiveCoding[] = transcript.sidecars
      .filter((sidecar) => isCoderVisible(this.blind.visible, sidecar.coder))
      .flatMap((sidecar) => sidecar.sidecar.codings.map((coding) => ({ coding, sidecarUri: sidecar.uri })));
    if (live.textHash !== transcript.textHash) {
      // The editor holds unsaved changes: the study's offsets are for the saved text. Shift them by the
      // difference between the two texts (one edit spanning the changed middle), the same rule as typing.
      const edit = differenceEdit(transcript.text, live.text);
      if (edit)
        codings = codings.map((entry) => ({ ...entry, coding: shiftCodings([entry.coding], [edit])[0] as Coding }));
    }
    const entry: LiveTranscript = { document, study, transcript, codings, text: live, cause: 'loaded' };
    this.byDocument.set(document.uri.toString(), entry);
    this.fire(entry);
    return entry;
  }

  private fire(changed: LiveTranscript): void {
    this.emitter.fire(changed);
    if (this.later) {
      if (this.later.changed?.document !== changed.document) this.later.changed = undefined;
      else this.later.changed = changed;
      return;
    }
    const later = {
      changed: changed as LiveTranscript | undefined,
      timer: setTimeout(() => {
        this.later = undefined;
        this.laterEmitter.fire(later.changed);
      }, 0),
    };
    this.later = later;
  }

  private refreshStudy(study: Study): void {
    for (const document of vscode.workspace.textDocuments) {
      const uri = fromVscodeUri(document.uri);
      const transcript = study.transcripts.find((t) => t.uri === uri);
      if (!transcript) continue;
      const entry = this.byDocument.get(document.uri.toString());
      // A partial reload keeps the other transcripts as they were (same objects, same codebook): their
      // codings and colours stand; only the study they belong to is newer.
      if (entry && entry.transcript === transcript) this.byDocument.set(document.uri.toString(), { ...entry, study });
      else this.set(document, study, transcript);
    }
  }

  private shift(event: vscode.TextDocumentChangeEvent): void {
    const entry = this.byDocument.get(event.document.uri.toString());
    if (!entry || event.contentChanges.length === 0) return;
    // contentChanges are reported against the text before the event and do not overlap; applying them from
    // the end of the document backwards keeps every earlier offset valid.
    const changes = [...event.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
    const after = this.texts.of(event.document);
    const replacesMost = changes.some((change) => change.rangeLength > entry.text.text.length / 2);
    if (replacesMost && after.textHash === entry.transcript.textHash) {
      // "Revert File" and similar whole-text replacements back to the saved text: take the study's codings as they are.
      this.set(event.document, entry.study, entry.transcript);
      return;
    }
    // A whole-text replacement would collapse every coding; the difference between old and new text keeps them.
    const whole = replacesMost ? differenceEdit(entry.text.text, after.text) : undefined;
    const edits: TextEdit[] = whole
      ? [whole]
      : changes.map((change) => {
          const { start, end } = entry.text.fromRange(change.range);
          return { start, end, insertedLength: Array.from(change.text.replace(/\r\n?/g, '\n')).length };
        });
    const codings = entry.codings.map((live) => ({ ...live, coding: shiftCodings([live.coding], edits)[0] as Coding }));
    const next: LiveTranscript = { ...entry, codings, text: after, cause: 'typing' };
    this.byDocument.set(event.document.uri.toString(), next);
    this.fire(next);
  }
}

/** One edit turning `before` into `after`: the common prefix and suffix stay, the middle is replaced. */
function differenceEdit(before: string, after: string): TextEdit | undefined {
  const a = Array.from(before);
  const b = Array.from(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  if (prefix === a.length && prefix === b.length) return undefined;
  return { start: prefix, end: a.length - suffix, insertedLength: b.length - prefix - suffix };
}
