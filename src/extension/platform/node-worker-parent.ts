// Inside a worker_threads worker: the end that talks to the extension host. Bundled only into desktop workers.
import { parentPort } from 'node:worker_threads';
import type { MessageEnd } from '../shared/worker-messages';

/** Undefined when this code does not run in a worker (nothing to serve). */
export function nodeWorkerParent<Out, In>(): MessageEnd<Out, In> | undefined {
  const port = parentPort;
  if (!port) return undefined;
  return {
    post: (message, transfer) => port.postMessage(message, transfer ? [...transfer] : undefined),
    onMessage: (listener) => port.on('message', (message: In) => listener(message)),
  };
}
