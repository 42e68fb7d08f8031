import * as vscode from 'vscode';
import type { CodingContext } from './coding-context';

/** grounded.undoLastCodingAction: applies the inverse of this session's last coding action. */
export function undoLastCodingAction(context: CodingContext) {
  return async (): Promise<string | undefined> => {
    const entry = context.undo.pop();
    if (!entry) {
      void vscode.window.showInformationMessage('No coding action to undo in this session.');
      return undefined;
    }
    await entry.undo();
    vscode.window.setStatusBarMessage(`Grounded: undid ${entry.label}`, 4000);
    return entry.label;
  };
}
