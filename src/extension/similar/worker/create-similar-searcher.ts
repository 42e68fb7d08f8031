import * as vscode from 'vscode';
import type { GroundedServices } from '../../services';
import { InProcessSimilarSearcher, type SimilarSearcher } from './similar-searcher';
import { WorkerSimilarSearcher } from './worker-similar-searcher';

/**
 * A worker when the platform can start one, otherwise in-process with the reason logged (in the Grounded
 * Similar Passages log): the passages found are the same either way, only the extension host's thread is
 * spared by the worker.
 */
export function createSimilarSearcher(services: GroundedServices): SimilarSearcher {
  const channel = vscode.window.createOutputChannel('Grounded Similar Passages', { log: true });
  services.context.subscriptions.push(channel);
  const start = services.platform.similarWorker;
  if (!start) {
    const reason = 'this platform starts no similar-passage worker';
    channel.info(`Similar passages are searched in-process: ${reason}.`);
    return new InProcessSimilarSearcher(`in-process (${reason})`);
  }
  try {
    return new WorkerSimilarSearcher(start(services.context.extensionUri), (message) => channel.warn(message));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    channel.warn(`Similar passages are searched in-process: the similar-passage worker did not start (${reason}).`);
    return new InProcessSimilarSearcher(`in-process (${reason})`);
  }
}
