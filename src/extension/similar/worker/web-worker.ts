// The similar-passage worker in the browser (vscode.dev): a Web Worker (bundled to dist/extension/similar-worker.web.js).
import { webWorkerParent } from '../../platform/web-worker-parent';
import type { FromSimilarWorker, ToSimilarWorker } from './messages';
import { serveSimilarPassages } from './worker-runtime';

serveSimilarPassages(webWorkerParent<FromSimilarWorker, ToSimilarWorker>());
