import * as vscode from 'vscode';
import { type Code, reviewNote, type Study } from '../../../core/index';
import type { LiveCoding, LiveCodings, LiveTranscript } from '../../study/live-codings';
import type { StudyService } from '../../study/study-service';
import type { CoderIdentity } from '../../study/coder-identity';
import { codingsViewProgress } from './progress-text';
import { codeIcon } from '../../shared/code-icons';
import { firstWords } from '../text';
import type { CodingPlace } from '../reveal-coding';
import type { BlindCoding } from '../../study/blind-coding';
import { NextTask } from '../../shared/next-task';

/** One coding of the transcript shown. */
export interface CodingNode {
  readonly live: LiveCoding;
  readonly transcript: LiveTranscript;
}

/**
 * The Codings view: every coding of the active transcript in reading order, following the active editor
 * and the live codings (so it updates while typing, before the sidecar is saved). Its message is the study's
 * coding progress; its description says when the current coder has not coded the transcript yet.
 */
export class CodingsTree implements vscode.TreeDataProvider<CodingNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CodingNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private readonly afterShown = new NextTask(() => {
    const editor = vscode.window.activeTextEditor;
    if (editor) this.show(editor.document);
  });
  /** The transcript document shown; kept while focus is in a view or a panel (no active text editor). */
  private document: vscode.TextDocument | undefined;
  private view: vscode.TreeView<CodingNode> | undefined;
  /** Who "you" is in the progress (never asked for here); undefined until known. */
  private coder: string | undefined;

  constructor(
    private readonly live: LiveCodings,
    studies: StudyService,
    private readonly identity: CoderIdentity,
    private readonly blind: BlindCoding,
  ) {
    this.disposables.push(
      studies.onDidChangeStudy((study) => this.describe(study)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('grounded.coder')) void this.refreshCoder();
      }),
      // In the next task: the task that shows a transcript also hands its first decorations over, which leave for
      // the window only when it ends (the view's progress line counts the transcript's codings).
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.afterShown.request();
      }),
      this.afterShown,
      live.onDidChangeLater((changed) => {
        if (!changed || changed.document === this.document) this.refresh();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // Switching a document's language (plain text → transcript, done as each transcript opens) reports
        // the same document closed and at once reopened, though it stays open in its editor and no editor
        // change follows: forgetting it here left the view empty. Only a document really gone is `isClosed`.
        if (document === this.document && document.isClosed) this.show(undefined);
      }),
    );
    this.document = vscode.window.activeTextEditor?.document;
    void this.refreshCoder();
  }

  /** Re-reads who is coding and updates the progress shown. */
  async refreshCoder(): Promise<void> {
    this.coder = await this.identity.coderId(false).catch(() => undefined);
    this.describe();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  attach(view: vscode.TreeView<CodingNode>): void {
    this.view = view;
    this.describe();
  }

  /** The transcript currently listed (for tests and the view's description). */
  get shown(): vscode.TextDocument | undefined {
    return this.document;
  }

  private show(document: vscode.TextDocument | undefined): void {
    if (document?.uri.scheme === 'output') return;
    this.document = document;
    this.refresh();
  }

  refresh(): void {
    this.describe();
    this.emitter.fire(undefined);
  }

  async getChildren(node?: CodingNode): Promise<CodingNode[]> {
    if (node || !this.document || this.document.isUntitled) return [];
    const transcript = this.live.get(this.document) ?? (await this.live.track(this.document));
    if (!transcript) return [];
    this.describe();
    return [...transcript.codings]
      .sort(
        (a, b) =>
          a.coding.start - b.coding.start ||
          a.coding.end - b.coding.end ||
          a.coding.code.localeCompare(b.coding.code) ||
          a.coding.by.localeCompare(b.coding.by),
      )
      .map((live) => ({ live, transcript }));
  }

  getTreeItem({ live, transcript }: CodingNode): vscode.TreeItem {
    const { coding } = live;
    const code: Code | undefined = transcript.study.codebook.codes.find((c) => c.id === coding.code);
    const item = new vscode.TreeItem(code?.name ?? coding.code, vscode.TreeItemCollapsibleState.None);
    item.id = `${live.sidecarUri}#${coding.id}`;
    // An orphan's offsets point at nothing in particular: its stored quote is what was coded.
    const here = transcript.text.map.slice(coding.start, coding.end);
    const quote = coding.status === 'orphan' ? coding.quote : here;
    const note = reviewNote(coding, here, 50);
    item.description = `${coding.by} · ${coding.status === 'needs-review' ? note : firstWords(quote, 50)}${coding.memo ? ' · memo' : ''}`;
    item.iconPath = statusIcon(coding.status) ?? (code ? codeIcon(code) : new vscode.ThemeIcon('tag'));
    item.tooltip = tooltipOf(
      code,
      coding.code,
      quote,
      coding.by,
      coding.memo,
      reviewNote(coding, here),
      transcript.text.toPosition(coding.start).line + 1,
    );
    item.contextValue = coding.status ? `grounded.coding.${coding.status}` : 'grounded.coding';
    const place: CodingPlace = { uri: transcript.text.uri, start: coding.start, end: coding.end, codingId: coding.id };
    item.command = { command: 'grounded.revealCoding', title: 'Show Coding', arguments: [place] };
    return item;
  }

  /** `reloaded`: a study just loaded (the live entry may still hold the previous load of it). */
  private describe(reloaded?: Study): void {
    if (!this.view) return;
    const transcript = this.document ? this.live.get(this.document) : undefined;
    if (!transcript) {
      this.view.description = undefined;
      // No message, so the welcome text ("Open a transcript…") shows.
      this.view.message = undefined;
      return;
    }
    const study = reloaded?.root === transcript.study.root ? reloaded : transcript.study;
    const progress = codingsViewProgress(this.blind.view(study), transcript.transcript.uri, this.coder);
    const label = `${transcript.transcript.participant ?? transcript.transcript.path} · ${transcript.codings.length}`;
    this.view.description = progress.notCoded ? `${label} · ${progress.notCoded}` : label;
    this.view.message = progress.message;
  }
}

/** Codings that could not be re-anchored cleanly stand out from the colour swatches. */
function statusIcon(status: string | undefined): vscode.ThemeIcon | undefined {
  if (status === 'needs-review')
    return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  if (status === 'orphan') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  return undefined;
}

function tooltipOf(
  code: Code | undefined,
  codeId: string,
  quote: string,
  coder: string,
  memo: string | undefined,
  note: string | undefined,
  line: number,
): string {
  const lines = [`${code?.name ?? `${codeId} (not in the codebook)`} — ${coder}, line ${line}`];
  // "needs review: was “…”": the words that were coded, beside the passage the coding now points at.
  if (note) lines.push(`${note[0]!.toUpperCase()}${note.slice(1)}`);
  if (note?.startsWith('needs review')) lines.push('Check the passage, then confirm it with Adjust Coding.');
  lines.push('', quote);
  if (memo) lines.push('', `Memo: ${memo}`);
  return lines.join('\n');
}
