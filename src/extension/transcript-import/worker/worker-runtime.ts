import { convertTranscript, TranscriptConversionError } from '../../../core/index';
import type { MessageEnd } from '../../shared/worker-messages';
import type { FromConversionWorker, ToConversionWorker } from './messages';

/** Inside the conversion worker: converts each source it is sent, one after another, and answers by job. */
export function serveConversions(parent: MessageEnd<FromConversionWorker, ToConversionWorker>): void {
  let queue = Promise.resolve();
  parent.onMessage((message) => {
    queue = queue.then(async () => {
      try {
        const conversion = await convertTranscript(message.name, message.bytes);
        parent.post({ type: 'converted', job: message.job, conversion });
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        parent.post({
          type: error instanceof TranscriptConversionError ? 'refused' : 'failed',
          job: message.job,
          message: text,
        });
      }
    });
  });
}
