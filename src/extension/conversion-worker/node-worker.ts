// The conversion worker on the desktop: a worker_threads worker (bundled to dist/extension/conversion-worker.js).
import { nodeWorkerParent } from '../platform/node-worker-parent';
import type { FromConversionWorker, ToConversionWorker } from './messages';
import { serveConversions } from './worker-runtime';

const parent = nodeWorkerParent<FromConversionWorker, ToConversionWorker>();
if (parent) serveConversions(parent);
