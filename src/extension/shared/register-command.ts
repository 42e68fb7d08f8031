import * as vscode from 'vscode';
import { asUserError, showError } from './errors';
import { CommandArgs } from './command-args';
import type { CommandDeclarations } from './command-declaration';

export type CommandHandler = (...args: unknown[]) => unknown;

/** A handler for every declaration of a feature, under the declaration's key. */
export type CommandHandlers<T extends CommandDeclarations> = { readonly [K in keyof T]: CommandHandler };

/**
 * Registers a feature's declared commands (see command-declaration.ts) with their handlers. A declaration
 * without a handler, or a handler without a declaration, is a programming error caught at activation.
 */
export function bindCommands<T extends CommandDeclarations>(
  context: vscode.ExtensionContext,
  declarations: T,
  handlers: CommandHandlers<T>,
): void {
  const declared = Object.keys(declarations);
  const bound = Object.keys(handlers);
  const unbound = declared.filter((key) => !bound.includes(key));
  const undeclared = bound.filter((key) => !declared.includes(key));
  if (unbound.length > 0 || undeclared.length > 0)
    throw new Error(
      `Commands without a handler: [${unbound.join(', ')}]; handlers without a declaration: [${undeclared.join(', ')}]`,
    );
  for (const key of declared)
    registerCommand(context, (declarations[key] as T[keyof T]).id, handlers[key] as CommandHandler);
}

/**
 * Registers a command owned by the extension context. Failures are shown as messages. When a script or
 * test passed an arguments object (bypassing the pickers) the error is also rethrown, so the caller of
 * executeCommand learns why nothing happened; menus pass a Uri or a view item (an object with `kind`),
 * which count as interactive calls: the view's action runner would show the error a second time.
 */
function registerCommand(context: vscode.ExtensionContext, id: string, handler: CommandHandler): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        const userError = asUserError(error);
        void showError(userError);
        if (commandArgs(args[0]).fromScript) throw userError;
        return undefined;
      }
    }),
  );
}

/** The reader of a command's argument (see command-args.ts); a vscode.Uri counts as a menu's resource. */
export function commandArgs(arg: unknown): CommandArgs<vscode.Uri> {
  return new CommandArgs(arg, (value): value is vscode.Uri => value instanceof vscode.Uri);
}
