import * as vscode from 'vscode';
import type { GroundedServices } from '../../services';
import { InProcessSimilarSearcher, type SimilarSearcher } from './similar-searcher';
import { WorkerSimilarSearcher } from './worker-similar-searcher';

/** The log where Find Similar Passages says why it searches in-process; made only when there is something to say. */
function logger(services: GroundedServices): () => vscode.LogOutputChannel {
  let channel: vscode.LogOutputChannel | undefined;
  return () => {
    if (!channel) {
      channel = vscode.window.createOutputChannel('Grounded Similar Passages', { log: true });
      services.context.subscriptions.push(channel);
    }
    return channel;
  };
}

/**
 * A worker when the platform can start one, otherwise in-process with the reason logged: the passages found are
 * the same either way, only the extension host's thread is spared by the worker.
 */
export function createSimilarSearcher(services: GroundedServices): SimilarSearcher {
  const log = logger(services);
  const start = services.platform.similarWorker;
  if (!start) {
    const reason = 'this platform starts no similar-passage worker';
    log().info(`Similar passages are searched in-process: ${reason}.`);
    return new InProcessSimilarSearcher(`in-process (${reason})`);
  }
  try {
    return new WorkerSimilarSearcher(start(services.context.extensionUri), (message) => log().warn(message));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log().warn(`Similar passages are searched in-process: the similar-passage worker did not start (${reason}).`);
    return new InProcessSimilarSearcher(`in-process (${reason})`);
  }
}
