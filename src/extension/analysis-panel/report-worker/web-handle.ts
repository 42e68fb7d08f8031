// Starts the browser report worker (a Web Worker nested in the web extension host's worker).
import type { FromWorker, ToWorker } from './messages';
import type { WorkerHandle } from './worker-report-computer';

interface WebWorker {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

/** Throws when this host has no Worker (the caller then computes in-process and logs why). */
export function startWebReportWorker(url: string): WorkerHandle {
  const WorkerClass = (globalThis as { Worker?: new (url: string, options?: { name?: string }) => WebWorker }).Worker;
  if (!WorkerClass) throw new Error('this extension host has no Web Worker support');
  const worker = new WorkerClass(url, { name: 'grounded-report' });
  return {
    post: (message: ToWorker, transfer) => worker.postMessage(message, transfer ? [...transfer] : []),
    onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data as FromWorker)),
    onError: (listener) =>
      worker.addEventListener('error', (event) => listener(new Error(event.message ?? 'the worker failed'))),
    terminate: () => worker.terminate(),
  };
}
