// Starts the browser report worker (a Web Worker nested in the web extension host's worker).
import { startWebWorker } from '../../platform/web-worker-start';
import type { WorkerHandle } from './worker-report-computer';

/** Throws when this host has no Worker (the caller then computes in-process and logs why). */
export function startWebReportWorker(url: string): WorkerHandle {
  return startWebWorker(url, 'grounded-report');
}
