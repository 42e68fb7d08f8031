// Starts a worker_threads worker behind the face both hosts share. Imported only by the desktop entry point.
import { Worker } from 'node:worker_threads';
import type { WorkerEnd } from '../shared/worker-messages';

export function startNodeWorker<Out, In>(script: string, name: string): WorkerEnd<Out, In> {
  const worker = new Worker(script, { name });
  // The host keeps running while nothing is asked of the worker: an idle worker must not hold the process open.
  worker.unref();
  return {
    post: (message, transfer) => worker.postMessage(message, transfer ? [...transfer] : undefined),
    onMessage: (listener) => worker.on('message', (message: In) => listener(message)),
    onError: (listener) => {
      worker.on('error', listener);
      worker.on('exit', (code) => listener(new Error(`exited with code ${code}`)));
    },
    terminate: () => void worker.terminate(),
  };
}
