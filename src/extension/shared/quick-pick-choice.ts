import * as vscode from 'vscode';

/**
 * Shows a configured quick pick and resolves with the item accepted (Enter takes the highlighted item), or
 * undefined once it is hidden without one; Enter on an empty, filtered-out list leaves it open. The pick is
 * disposed when hidden. `onShowing` hears the pick while it is on screen and `undefined` after, for the test
 * hooks that answer it as a person would.
 */
export function choiceOf<T extends vscode.QuickPickItem>(
  pick: vscode.QuickPick<T>,
  onShowing: (pick: vscode.QuickPick<T> | undefined) => void,
): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    let chosen: T | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen) pick.hide();
    });
    pick.onDidHide(() => {
      onShowing(undefined);
      pick.dispose();
      resolve(chosen);
    });
    onShowing(pick);
    pick.show();
  });
}

/** How a pick from QuickPicks looks: its title, hint, the item Enter takes at first, its step of several. */
export interface PickOptions<T> {
  readonly title: string;
  readonly placeholder?: string;
  readonly active?: T;
  readonly step?: { readonly at: number; readonly of: number };
}

/**
 * A command's quick picks, one at a time, searchable by description and detail too. The pick on screen is
 * readable while it is open, so an integration test can see what a person sees and answer it as they would.
 */
export class QuickPicks {
  private open: vscode.QuickPick<vscode.QuickPickItem> | undefined;

  /** The pick on screen, if any. */
  get showing(): vscode.QuickPick<vscode.QuickPickItem> | undefined {
    return this.open;
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions<T>): Promise<T | undefined> {
    const pick = vscode.window.createQuickPick<T>();
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.items = items;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    if (options.active) pick.activeItems = [options.active];
    if (options.step) {
      pick.step = options.step.at;
      pick.totalSteps = options.step.of;
    }
    return choiceOf(pick, (showing) => {
      // Another pick may already have replaced this one on screen.
      if (showing) this.open = showing as unknown as vscode.QuickPick<vscode.QuickPickItem>;
      else if (this.open === (pick as unknown)) this.open = undefined;
    });
  }
}
