// Browser entry point (vscode.dev, github.dev): no Node APIs; git's user name is not available there.
import type * as vscode from 'vscode';
import { activateGrounded } from './activate';
import type { GroundedServices } from './services';

export function activate(context: vscode.ExtensionContext): GroundedServices {
  return activateGrounded(context, { gitUserName: async () => undefined });
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
