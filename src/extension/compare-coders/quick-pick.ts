import * as vscode from 'vscode';
import { choiceOf } from '../shared/quick-pick-choice';

/**
 * The quick picks of Compare Coders, with a chosen item active (the default Enter takes). The pick on screen
 * is readable while it is open, so the integration test can see what a person sees before answering it.
 */
export class ComparePicks {
  private open: vscode.QuickPick<vscode.QuickPickItem> | undefined;

  /** The pick on screen, if any. */
  get showing(): vscode.QuickPick<vscode.QuickPickItem> | undefined {
    return this.open;
  }

  pick<T extends vscode.QuickPickItem>(
    items: readonly T[],
    options: { readonly title: string; readonly placeholder?: string; readonly active?: T },
  ): Promise<T | undefined> {
    const pick = vscode.window.createQuickPick<T>();
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.items = items;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    if (options.active) pick.activeItems = [options.active];
    return choiceOf(pick, (showing) => {
      // Another pick may already have replaced this one on screen.
      if (showing) this.open = showing as unknown as vscode.QuickPick<vscode.QuickPickItem>;
      else if (this.open === (pick as unknown)) this.open = undefined;
    });
  }
}
