// Browser entry point (vscode.dev, github.dev): no Node APIs; git's user name is not available there.
import * as vscode from 'vscode';
import { activateGrounded } from './activate';
import type { GroundedServices } from './services';
import { startWebReportWorker } from './analysis-panel/report-worker/web-handle';
import { startWebSimilarWorker } from './similar/worker/web-handle';
import { startWebWorker } from './platform/web-worker-start';

export function activate(context: vscode.ExtensionContext): GroundedServices {
  return activateGrounded(context, {
    gitUserName: async () => undefined,
    reportWorker: (extensionUri) =>
      startWebReportWorker(vscode.Uri.joinPath(extensionUri, 'dist', 'extension', 'report-worker.web.js').toString()),
    similarWorker: (extensionUri) =>
      startWebSimilarWorker(vscode.Uri.joinPath(extensionUri, 'dist', 'extension', 'similar-worker.web.js').toString()),
    conversionWorker: (extensionUri) =>
      startWebWorker(
        vscode.Uri.joinPath(extensionUri, 'dist', 'extension', 'conversion-worker.web.js').toString(),
        'grounded-conversion',
      ),
  });
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
