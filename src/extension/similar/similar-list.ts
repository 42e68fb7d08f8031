import * as vscode from 'vscode';
import { dismissalOf, dismissPassages, type PassageUnit, type SimilarPassage, type Study } from '../../core/index';
import type { GroundedServices } from '../services';
import type { CodingActions } from '../coding/coding-actions';
import { toVscodeUri } from '../platform/workspace-file-system';
import { shorten } from '../shared/coding-choice';
import { UserError } from '../shared/errors';
import { currentTranscriptRef } from '../shared/transcript-target';
import { nameOf, type SimilarSource } from './similar-source';
import { describeFilters, type AttributeFilter } from '../views/retrieve/survey-filter';
import { pickSurveyFilter } from './survey-filter-pick';

export interface ResultItem extends vscode.QuickPickItem {
  readonly passage: SimilarPassage;
}

/** What the list needs from its owner: a fresh search (after a unit switch) and where codings are written. */
export interface SimilarListHost {
  readonly services: GroundedServices;
  readonly actions: CodingActions;
  search(
    source: SimilarSource,
    unit: PassageUnit,
    filters: readonly AttributeFilter[],
  ): Promise<readonly SimilarPassage[]>;
}

const CODE_BUTTON_ICON = new vscode.ThemeIcon('tag');
const DISMISS_BUTTON_ICON = new vscode.ThemeIcon('close');
const UNIT_BUTTON_ICON = new vscode.ThemeIcon('list-flat');
const FILTER_BUTTON_ICON = new vscode.ThemeIcon('filter');

/** Whether the list is open, for the keys that act on its highlighted item. */
export const LIST_OPEN_CONTEXT = 'grounded.similarPassagesOpen';

/**
 * The results of Find Similar Passages in a quick pick: moving through them shows each passage in its
 * transcript (focus stays in the list); Enter or the tag button codes the highlighted one with the code,
 * through the normal coding path (undo included); the close button or Ctrl+Delete dismisses it for the code.
 * Coded and dismissed passages leave the list; it stays open until Escape.
 */
export class SimilarList implements vscode.Disposable {
  readonly pick = vscode.window.createQuickPick<ResultItem>();
  private unit: PassageUnit;
  /** Counts previews, so a slow one does not override a later one. */
  private previews = 0;
  private readonly disposables: vscode.Disposable[] = [this.pick];
  private readonly closed: Promise<void>;
  /** The passages coded from this list, for tests and the summary. */
  readonly coded: SimilarPassage[] = [];
  readonly dismissed: SimilarPassage[] = [];

  private filtering = false;

  constructor(
    private readonly host: SimilarListHost,
    private readonly source: SimilarSource,
    unit: PassageUnit,
    private filters: readonly AttributeFilter[],
  ) {
    this.unit = unit;
    const codeName = nameOf(source.study, source.code);
    this.pick.placeholder = `Enter: code with “${codeName}” · Ctrl+Delete: dismiss · ↑↓: show in the transcript`;
    this.pick.matchOnDescription = true;
    this.pick.matchOnDetail = true;
    this.pick.ignoreFocusOut = true;
    this.pick.buttons = [
      { iconPath: UNIT_BUTTON_ICON, tooltip: 'Switch between sentences and speaker turns' },
      { iconPath: FILTER_BUTTON_ICON, tooltip: 'Filter by survey answers…' },
    ];
    // Asking for a survey filter hides the list for a moment: that is not closing it.
    this.closed = new Promise((resolve) =>
      this.disposables.push(this.pick.onDidHide(() => (this.filtering ? undefined : resolve()))),
    );
    this.disposables.push(
      this.pick.onDidChangeActive((items) => void this.preview(items[0])),
      this.pick.onDidAccept(() => void this.run(() => this.codeItem(this.pick.activeItems[0]))),
      this.pick.onDidTriggerItemButton(
        (event) =>
          void this.run(() =>
            event.button.iconPath === DISMISS_BUTTON_ICON ? this.dismissItem(event.item) : this.codeItem(event.item),
          ),
      ),
      this.pick.onDidTriggerButton(
        (button) => void this.run(() => (button.iconPath === FILTER_BUTTON_ICON ? this.filter() : this.switchUnit())),
      ),
    );
  }

  /** Settles when the first results are listed (or failed to come). */
  ready: Promise<void> = Promise.resolve();

  async show(): Promise<void> {
    void vscode.commands.executeCommand('setContext', LIST_OPEN_CONTEXT, true);
    this.pick.show();
    this.ready = this.run(() => this.refresh());
    await this.ready;
    await this.closed;
    void vscode.commands.executeCommand('setContext', LIST_OPEN_CONTEXT, false);
  }

  get study(): Study {
    return this.source.study;
  }

  /** Dismisses the highlighted item (the Ctrl+Delete key). */
  dismissActive(): Promise<void> {
    return this.run(() => this.dismissItem(this.pick.activeItems[0]));
  }

  switchUnit(): Promise<void> {
    this.unit = this.unit === 'sentence' ? 'turn' : 'sentence';
    return this.refresh();
  }

  /** Asks for a survey condition (as the Retrieve view does) and searches again with it. */
  async filter(): Promise<void> {
    this.filtering = true;
    let picked: AttributeFilter[] | undefined;
    try {
      picked = await pickSurveyFilter(this.host.services, this.source.study, this.filters);
    } finally {
      this.filtering = false;
      this.pick.show();
    }
    if (!picked) return;
    this.filters = picked;
    await this.refresh();
  }

  hide(): void {
    this.pick.hide();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async refresh(): Promise<void> {
    this.pick.busy = true;
    try {
      const passages = await this.host.search(this.source, this.unit, this.filters);
      this.pick.items = passages.map((p) => this.item(p));
      const filtered = this.filters.length > 0 ? ` · ${describeFilters(this.filters)}` : '';
      this.pick.title = `${passages.length} ${this.unit === 'sentence' ? 'sentences' : 'speaker turns'} like ${this.source.like}, not yet coded with “${nameOf(this.source.study, this.source.code)}”${filtered}`;
    } finally {
      this.pick.busy = false;
    }
  }

  private item(passage: SimilarPassage): ResultItem {
    const codeName = nameOf(this.source.study, this.source.code);
    return {
      label: shorten(passage.text, 140),
      description: `${passage.transcript.path}:${passage.line}`,
      detail: `score ${passage.score.toFixed(1)}${passage.transcript.participant ? ` · ${passage.transcript.participant}` : ''}`,
      buttons: [
        { iconPath: CODE_BUTTON_ICON, tooltip: `Code with “${codeName}” (Enter)` },
        { iconPath: DISMISS_BUTTON_ICON, tooltip: `Dismiss for “${codeName}” (Ctrl+Delete)` },
      ],
      passage,
    };
  }

  /**
   * Shows the passage in its transcript, selected, without taking the focus from the list. Arrow keys move
   * faster than editors open: only the latest highlighted item is shown, and a failed preview is not an error.
   */
  private async preview(item: ResultItem | undefined): Promise<void> {
    const turn = ++this.previews;
    if (!item) return;
    const { passage } = item;
    try {
      const document = await vscode.workspace.openTextDocument(toVscodeUri(passage.transcript.uri));
      if (turn !== this.previews) return;
      const editor = await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true });
      if (turn !== this.previews) return;
      const range = this.host.services.texts.of(document).toRange(passage.start, passage.end);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch {
      // The list goes on; Enter still codes the passage where it is.
    }
  }

  private async codeItem(item: ResultItem | undefined): Promise<void> {
    if (!item) return;
    const { passage } = item;
    const current = await currentTranscriptRef(this.host.services, passage.transcript.uri);
    if (!current || current.ref.textHash !== passage.transcript.textHash)
      throw new UserError(
        `${passage.transcript.path} changed since the search: run Find Similar Passages again to code it.`,
      );
    const coder = await this.host.services.coder.coderId();
    if (coder === undefined) return;
    await this.host.actions.add(
      { study: this.source.study, transcript: current.ref, coder },
      [{ code: this.source.code, start: passage.start, end: passage.end }],
      `coding a similar passage with ${this.source.code}`,
    );
    this.coded.push(passage);
    this.drop(item);
  }

  private async dismissItem(item: ResultItem | undefined): Promise<void> {
    if (!item) return;
    const { passage } = item;
    await dismissPassages(this.host.services.editorAwareFs, this.source.study, [
      dismissalOf(this.source.code, passage.transcript.path, passage.text),
    ]);
    this.dismissed.push(passage);
    this.drop(item);
  }

  /** Takes an item out of the list and highlights the one after it, so the keys walk down the list. */
  private drop(item: ResultItem): void {
    const items = this.pick.items;
    const at = items.indexOf(item);
    const rest = items.filter((i) => i !== item);
    this.pick.items = rest;
    const next = rest[Math.min(at, rest.length - 1)];
    if (next) this.pick.activeItems = [next];
  }

  /** Runs an action of the list; a refusal is shown as a message and the list stays. */
  private async run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(message);
    }
  }
}
