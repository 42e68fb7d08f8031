// The similar-passage worker on the desktop: a worker_threads worker (bundled to dist/extension/similar-worker.js).
import { nodeWorkerParent } from '../../platform/node-worker-parent';
import type { FromSimilarWorker, ToSimilarWorker } from './messages';
import { serveSimilarPassages } from './worker-runtime';

const parent = nodeWorkerParent<FromSimilarWorker, ToSimilarWorker>();
if (parent) serveSimilarPassages(parent);
