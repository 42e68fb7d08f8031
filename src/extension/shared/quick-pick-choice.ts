import type * as vscode from 'vscode';

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
