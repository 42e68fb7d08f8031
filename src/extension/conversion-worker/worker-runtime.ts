import { convertTranscript, importQdpx, RefiImportError, TranscriptConversionError } from '../../core/index';
import type { MessageEnd } from '../shared/worker-messages';
import type { FromConversionWorker, ToConversionWorker } from './messages';

/** Inside the conversion worker: does each job it is sent, one after another, and answers by job. */
export function serveConversions(parent: MessageEnd<FromConversionWorker, ToConversionWorker>): void {
  let queue = Promise.resolve();
  parent.onMessage((message) => {
    queue = queue.then(async () => parent.post(await answer(message)));
  });
}

/** One job's answer; the host runs it too, in its own thread, where no worker serves it. */
export async function answer(message: ToConversionWorker): Promise<FromConversionWorker> {
  const { job, name, bytes } = message;
  try {
    if (message.type === 'project') return { type: 'project', job, plan: importQdpx(bytes, name) };
    return { type: 'transcript', job, conversion: await convertTranscript(name, bytes) };
  } catch (error) {
    if (error instanceof RefiImportError) return { type: 'refused', job, message: error.message, hint: error.hint };
    if (error instanceof TranscriptConversionError) return { type: 'refused', job, message: error.message };
    return { type: 'failed', job, message: error instanceof Error ? error.message : String(error) };
  }
}
