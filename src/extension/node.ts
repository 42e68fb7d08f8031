// Desktop entry point (Node extension host).
import * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { activateGrounded } from './activate';
import { NodeFileSystem } from '../node/node-file-system';
import { LocalFirstFileSystem } from './platform/local-first-file-system';
import type { GroundedServices } from './services';
import { startNodeReportWorker } from './analysis-panel/report-worker/node-handle';
import { startNodeSimilarWorker } from './similar/worker/node-handle';
import { startNodeWorker } from './platform/node-worker-start';

function gitUserName(folderPath: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd: folderPath, timeout: 3000 }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim() || undefined),
    );
  });
}

export function activate(context: vscode.ExtensionContext): GroundedServices {
  return activateGrounded(context, {
    gitUserName,
    sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
    fileSystem: (workspace) => new LocalFirstFileSystem(new NodeFileSystem({ lockHolder: 'VS Code' }), workspace),
    reportWorker: (extensionUri) =>
      startNodeReportWorker(vscode.Uri.joinPath(extensionUri, 'dist', 'extension', 'report-worker.js').fsPath),
    similarWorker: (extensionUri) =>
      startNodeSimilarWorker(vscode.Uri.joinPath(extensionUri, 'dist', 'extension', 'similar-worker.js').fsPath),
    conversionWorker: (extensionUri) =>
      startNodeWorker(
        vscode.Uri.joinPath(extensionUri, 'dist', 'extension', 'conversion-worker.js').fsPath,
        'grounded-conversion',
      ),
  });
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
