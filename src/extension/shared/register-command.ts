import * as vscode from 'vscode';
import { asUserError, showError } from './errors';

/**
 * Registers a command owned by the extension context. Failures are shown as messages. When a script or
 * test passed an arguments object (bypassing the pickers) the error is also rethrown, so the caller of
 * executeCommand learns why nothing happened; menus pass a Uri or a view item (an object with `kind`),
 * which count as interactive calls: the view's action runner would show the error a second time.
 */
export function registerCommand(
  context: vscode.ExtensionContext,
  id: string,
  handler: (...args: unknown[]) => unknown,
): void {
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

/** The arguments object of a scripted call; a Uri from a menu becomes `{ uri }`; anything else, none. */
export function scriptArgs<T extends object>(value: unknown): Partial<T> & { uri?: vscode.Uri | string } {
  if (value instanceof vscode.Uri) return { uri: value } as Partial<T> & { uri: vscode.Uri };
  if (typeof value === 'object' && value !== null) return value as Partial<T>;
  return {};
}

export function hasScriptArgs(value: unknown): boolean {
  return isScriptArgument(value);
}
