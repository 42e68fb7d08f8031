// The report worker in the browser (vscode.dev): a Web Worker (bundled to dist/extension/report-worker.web.js).
import type { FromWorker, ToWorker } from './messages';
import { serveReports } from './worker-runtime';

interface WorkerScope {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
serveReports({
  post: (message: FromWorker, transfer) => scope.postMessage(message, transfer ? [...transfer] : []),
  onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data as ToWorker)),
});
