// The conversion worker in the browser (vscode.dev): a Web Worker (bundled to dist/extension/conversion-worker.web.js).
import { webWorkerParent } from '../platform/web-worker-parent';
import type { FromConversionWorker, ToConversionWorker } from './messages';
import { serveConversions } from './worker-runtime';

serveConversions(webWorkerParent<FromConversionWorker, ToConversionWorker>());
