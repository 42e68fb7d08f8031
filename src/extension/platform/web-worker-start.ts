// Starts a Web Worker (nested in the web extension host's worker) behind the face both hosts share.
import type { WorkerEnd } from '../shared/worker-messages';

interface WebWorker {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

/** Throws when this host has no Worker (the caller then works in-process and logs why). */
export function startWebWorker<Out, In>(url: string, name: string): WorkerEnd<Out, In> {
  const WorkerClass = (globalThis as { Worker?: new (url: string, options?: { name?: string }) => WebWorker }).Worker;
  if (!WorkerClass) throw new Error('this extension host has no Web Worker support');
  const worker = new WorkerClass(url, { name });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer ? [...transfer] : []),
    onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data as In)),
    onError: (listener) =>
      worker.addEventListener('error', (event) => listener(new Error(event.message ?? 'the worker failed'))),
    terminate: () => worker.terminate(),
  };
}
