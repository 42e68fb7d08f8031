// Starts the desktop similar-passage worker (worker_threads). Imported only by the desktop entry point.
import { startNodeWorker } from '../../platform/node-worker-start';
import type { SimilarWorkerHandle } from './worker-similar-searcher';

export function startNodeSimilarWorker(script: string): SimilarWorkerHandle {
  return startNodeWorker(script, 'grounded-similar');
}
