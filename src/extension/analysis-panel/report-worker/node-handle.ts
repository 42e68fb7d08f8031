// Starts the desktop report worker (worker_threads). Imported only by the desktop entry point.
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './messages';
import type { WorkerHandle } from './worker-report-computer';

export function startNodeReportWorker(script: string): WorkerHandle {
  const worker = new Worker(script, { name: 'grounded-report' });
  // The host keeps running while a panel is idle: an idle worker must not hold the process open.
  worker.unref();
  return {
    post: (message: ToWorker, transfer) => worker.postMessage(message, transfer ? [...transfer] : undefined),
    onMessage: (listener) => worker.on('message', (message: FromWorker) => listener(message)),
    onError: (listener) => {
      worker.on('error', listener);
      worker.on('exit', (code) => listener(new Error(`exited with code ${code}`)));
    },
    terminate: () => void worker.terminate(),
  };
}
