// Starts the desktop report worker (worker_threads). Imported only by the desktop entry point.
import { startNodeWorker } from '../../platform/node-worker-start';
import type { WorkerHandle } from './worker-report-computer';

export function startNodeReportWorker(script: string): WorkerHandle {
  return startNodeWorker(script, 'grounded-report');
}
