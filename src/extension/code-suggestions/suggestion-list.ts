import * as vscode from 'vscode';
import type { Codebook, CodeSuggestion } from '../../core/index';

/** What the list does with a decision; both may throw (a broken file): the list then stays open as it was. */
export interface SuggestionDecisions {
  accept(suggestions: readonly CodeSuggestion[]): Promise<void>;
  reject(suggestion: CodeSuggestion): Promise<void>;
  /** The list moved to another suggestion (or closed: undefined). */
  focus(pending: readonly CodeSuggestion[], active: CodeSuggestion | undefined): void;
}

export interface SuggestionItem extends vscode.QuickPickItem {
  readonly suggestion: CodeSuggestion;
}

/** How the list ended. */
export interface ListOutcome {
  readonly accepted: number;
  readonly rejected: number;
  readonly undecided: number;
}

const ACCEPT_ALL: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('check-all'),
  tooltip: 'Accept all suggestions of this code (Ctrl+Alt+Enter)',
};
const REJECT: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('close'),
  tooltip: 'Reject: not suggested again for this passage and code (Ctrl+Delete)',
};

/** While the list is open: the keys to reject and to accept all of a code work (package.json keybindings). */
export const LIST_OPEN_KEY = 'grounded.suggestions.listOpen';

/**
 * The list of pending suggestions, one quick pick that stays open while the researcher decides: Enter accepts
 * the suggestion it is on, Ctrl+Delete rejects it, Ctrl+Alt+Enter accepts every suggestion of its code (also
 * as buttons on each item). Escape closes it; undecided suggestions are then dropped, neither written nor
 * remembered. The open list is readable, so the integration tests see what a person sees.
 */
export class SuggestionList {
  private open:
    { pick: vscode.QuickPick<SuggestionItem>; decide: (how: 'reject' | 'all') => Promise<void> } | undefined;

  get showing(): vscode.QuickPick<SuggestionItem> | undefined {
    return this.open?.pick;
  }

  async rejectActive(): Promise<void> {
    await this.open?.decide('reject');
  }

  async acceptAllOfActiveCode(): Promise<void> {
    await this.open?.decide('all');
  }

  show(
    title: string,
    suggestions: readonly CodeSuggestion[],
    codebook: Codebook,
    lineOf: (offset: number) => number,
    decisions: SuggestionDecisions,
  ): Promise<ListOutcome> {
    const pick = vscode.window.createQuickPick<SuggestionItem>();
    pick.title = title;
    pick.placeholder = 'Enter: accept · Ctrl+Delete: reject · Ctrl+Alt+Enter: all of this code · Esc: close';
    pick.ignoreFocusOut = true;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    const names = new Map(codebook.codes.map((code) => [code.id, code.name]));
    let pending = [...suggestions];
    const outcome = { accepted: 0, rejected: 0 };
    const itemOf = (suggestion: CodeSuggestion): SuggestionItem => ({
      label:
        suggestion.code !== undefined
          ? `$(lightbulb) ${names.get(suggestion.code) ?? suggestion.code}`
          : `$(add) New code: ${suggestion.newCode ?? ''}`,
      description: `line ${lineOf(suggestion.start)}`,
      detail: `“${shorten(suggestion.quote, 90)}” — ${suggestion.rationale}`,
      buttons: [ACCEPT_ALL, REJECT],
      suggestion,
    });
    const refresh = (keep?: CodeSuggestion) => {
      const active = keep && pending.includes(keep) ? keep : pick.activeItems[0]?.suggestion;
      pick.items = pending.map(itemOf);
      const again = pick.items.find((item) => item.suggestion === active) ?? pick.items[0];
      if (again) pick.activeItems = [again];
      decisions.focus(pending, again?.suggestion);
    };
    const sameCode = (a: CodeSuggestion, b: CodeSuggestion) =>
      a.code !== undefined ? a.code === b.code : b.code === undefined && a.newCode === b.newCode;
    let busy = false;
    const decide = async (how: 'accept' | 'reject' | 'all', item = pick.activeItems[0]) => {
      if (!item || busy) return;
      busy = true;
      pick.busy = true;
      const index = pending.indexOf(item.suggestion);
      try {
        if (how === 'reject') {
          await decisions.reject(item.suggestion);
          pending = pending.filter((s) => s !== item.suggestion);
          outcome.rejected++;
        } else {
          const chosen = how === 'all' ? pending.filter((s) => sameCode(s, item.suggestion)) : [item.suggestion];
          await decisions.accept(chosen);
          pending = pending.filter((s) => !chosen.includes(s));
          outcome.accepted += chosen.length;
        }
      } catch (error) {
        void vscode.window.showErrorMessage(`Grounded: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        busy = false;
        pick.busy = false;
      }
      if (pending.length === 0) return pick.hide();
      refresh(pending[Math.min(index, pending.length - 1)]);
    };
    return new Promise<ListOutcome>((resolve) => {
      pick.onDidChangeActive(([item]) => decisions.focus(pending, item?.suggestion));
      pick.onDidAccept(() => void decide('accept'));
      pick.onDidTriggerItemButton(({ button, item }) => void decide(button === REJECT ? 'reject' : 'all', item));
      pick.onDidHide(() => {
        this.open = undefined;
        void setContext(LIST_OPEN_KEY, false);
        decisions.focus([], undefined);
        pick.dispose();
        resolve({ ...outcome, undecided: pending.length });
      });
      this.open = { pick, decide: (how) => decide(how) };
      void setContext(LIST_OPEN_KEY, true);
      refresh();
      pick.show();
    });
  }
}

function setContext(key: string, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : chars.slice(0, max - 1).join('') + '…';
}
