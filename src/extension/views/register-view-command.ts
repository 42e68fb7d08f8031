import * as vscode from 'vscode';
import { asUserError, showError } from '../coding/errors';

/**
 * Registers a command of the views, owned by the extension context. Failures are shown as a message.
 * A script or test that passed an arguments object also gets the error back; a view item (an object
 * with `kind`, handed over by a menu) does not, as the view's action runner would show it a second time.
 */
export function registerViewCommand(context: vscode.ExtensionContext, id: string, handler: (...args: unknown[]) => unknown): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        const userError = asUserError(error);
        void showError(userError);
        if (isScriptArgument(args[0])) throw userError;
        return undefined;
      }
    }),
  );
}

function isScriptArgument(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !('kind' in value);
}
