// The report worker in the browser (vscode.dev): a Web Worker (bundled to dist/extension/report-worker.web.js).
import { webWorkerParent } from '../../platform/web-worker-parent';
import type { FromWorker, ToWorker } from './messages';
import { serveReports } from './worker-runtime';

serveReports(webWorkerParent<FromWorker, ToWorker>());
