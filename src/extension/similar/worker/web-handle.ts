// Starts the browser similar-passage worker (a Web Worker nested in the web extension host's worker).
import { startWebWorker } from '../../platform/web-worker-start';
import type { SimilarWorkerHandle } from './worker-similar-searcher';

/** Throws when this host has no Worker (the caller then searches in-process and logs why). */
export function startWebSimilarWorker(url: string): SimilarWorkerHandle {
  return startWebWorker(url, 'grounded-similar');
}
