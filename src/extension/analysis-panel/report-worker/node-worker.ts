// The report worker on the desktop: a worker_threads worker (bundled to dist/extension/report-worker.js).
import { nodeWorkerParent } from '../../platform/node-worker-parent';
import type { FromWorker, ToWorker } from './messages';
import { serveReports } from './worker-runtime';

const parent = nodeWorkerParent<FromWorker, ToWorker>();
if (parent) serveReports(parent);
