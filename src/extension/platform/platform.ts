import type * as vscode from 'vscode';
import type { FileSystemPort } from '../../core/index';
import type { WorkerHandle } from '../analysis-panel/report-worker/worker-report-computer';
import type { SimilarWorkerHandle } from '../similar/worker/worker-similar-searcher';
import type { ConversionWorkerHandle } from '../conversion-worker/messages';

/** What differs between the desktop (Node) and the web extension host. */
export interface Platform {
  /** git's user.name for the workspace, when it can be asked (not in vscode.dev). */
  gitUserName(folderPath: string | undefined): Promise<string | undefined>;
  /** A native SHA-256 (hex) where there is one (Node); the core's pure-JS hash is used otherwise. */
  readonly sha256?: (bytes: Uint8Array) => string;
  /** Wraps the workspace.fs port (the desktop adds direct access to local files). */
  readonly fileSystem?: (workspace: FileSystemPort) => FileSystemPort;
  /** Starts the analysis panel's report worker from the extension's folder (throws where workers are unavailable). */
  readonly reportWorker?: (extensionUri: vscode.Uri) => WorkerHandle;
  /** Starts Find Similar Passages' index-and-search worker (throws where workers are unavailable). */
  readonly similarWorker?: (extensionUri: vscode.Uri) => SimilarWorkerHandle;
  /** Starts Import Transcripts' conversion worker (throws where workers are unavailable). */
  readonly conversionWorker?: (extensionUri: vscode.Uri) => ConversionWorkerHandle;
}
