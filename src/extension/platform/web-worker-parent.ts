// Inside a worker: the end that talks to the extension host, over worker_threads (desktop) or a Web Worker's scope.
import type { MessageEnd } from '../shared/worker-messages';

interface WorkerScope {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** The Web Worker's own scope as a message end (bundled only into the browser workers). */
export function webWorkerParent<Out, In>(): MessageEnd<Out, In> {
  const scope = globalThis as unknown as WorkerScope;
  return {
    post: (message, transfer) => scope.postMessage(message, transfer ? [...transfer] : []),
    onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data as In)),
  };
}
