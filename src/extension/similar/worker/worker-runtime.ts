import type { MessageEnd } from '../../shared/worker-messages';
import { StudyMirror } from '../../shared/study-mirror';
import type { FromSimilarWorker, ToSimilarWorker } from './messages';
import { SimilarService } from './similar-service';

/**
 * The similar-passage worker's side: keeps the latest study the host shipped and answers each search with the
 * same SimilarService the host runs in-process (its index stays here, between searches).
 */
export function serveSimilarPassages(host: MessageEnd<FromSimilarWorker, ToSimilarWorker>): void {
  const mirror = new StudyMirror();
  const service = new SimilarService();
  host.onMessage((message) => {
    if (mirror.receive(message)) return;
    try {
      const study = mirror.study;
      if (!study) throw new Error('no study was sent before the search');
      host.post({ type: 'found', job: message.job, passages: service.search(study, message.visible, message.query) });
    } catch (error) {
      host.post({ type: 'failed', job: message.job, message: error instanceof Error ? error.message : String(error) });
    }
  });
}
