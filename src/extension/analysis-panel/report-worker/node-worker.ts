// The report worker on the desktop: a worker_threads worker (bundled to dist/extension/report-worker.js).
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './messages';
import { serveReports } from './worker-runtime';

const port = parentPort;
if (port)
  serveReports({
    post: (message: FromWorker, transfer) => port.postMessage(message, transfer ? [...transfer] : undefined),
    onMessage: (listener) => port.on('message', (message: ToWorker) => listener(message)),
  });
