import type { SimilarPassage, Study, VisibleCoders } from '../../../core/index';
import { StudyShipper } from '../../shared/study-shipper';
import type { WorkerEnd } from '../../shared/worker-messages';
import type { FoundPassage, FromSimilarWorker, SimilarQuery, ToSimilarWorker } from './messages';
import { InProcessSimilarSearcher, withTranscripts, type SimilarSearcher } from './similar-searcher';

/** The similar-passage worker as the host holds it. */
export type SimilarWorkerHandle = WorkerEnd<ToSimilarWorker, FromSimilarWorker>;

type Pending = { resolve: (passages: readonly FoundPassage[]) => void; reject: (error: Error) => void };

/**
 * Indexes and searches in a worker, one search at a time: before each, the study is shipped (only the
 * transcripts the worker does not hold yet, as for the report worker). If the worker fails, this and every
 * later search run in-process, and the reason is logged.
 */
export class WorkerSimilarSearcher implements SimilarSearcher {
  private readonly shipper: StudyShipper;
  private readonly pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();
  private nextJob = 0;
  private fallback: InProcessSimilarSearcher | undefined;
  private disposed = false;

  constructor(
    private readonly worker: SimilarWorkerHandle,
    private readonly log: (message: string) => void,
  ) {
    this.shipper = new StudyShipper((message) => worker.post(message));
    worker.onMessage((message) => this.receive(message));
    worker.onError((error) => this.fail(`the similar-passage worker stopped: ${error.message}`));
  }

  get where(): string {
    return this.fallback ? this.fallback.where : 'worker';
  }

  search(study: Study, visible: VisibleCoders, query: SimilarQuery): Promise<SimilarPassage[]> {
    const result = this.queue.then(async () => {
      if (this.fallback) return this.fallback.search(study, visible, query);
      try {
        await this.shipper.ship(study);
        return withTranscripts(study, await this.send(visible, query));
      } catch (error) {
        // The worker died under this search: it is done in-process rather than lost.
        const fallback = this.fallbackNow();
        if (fallback) return fallback.search(study, visible, query);
        throw error;
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
    for (const pending of this.pending.values()) pending.reject(new Error('the search was closed'));
    this.pending.clear();
  }

  private send(visible: VisibleCoders, query: SimilarQuery): Promise<readonly FoundPassage[]> {
    const job = this.nextJob++;
    return new Promise((resolve, reject) => {
      this.pending.set(job, { resolve, reject });
      this.worker.post({ type: 'search', job, visible, query });
    });
  }

  private receive(message: FromSimilarWorker): void {
    const pending = this.pending.get(message.job);
    this.pending.delete(message.job);
    if (!pending) return;
    if (message.type === 'found') pending.resolve(message.passages);
    else pending.reject(new Error(message.message));
  }

  /** Read after an await: the worker may have failed meanwhile. */
  private fallbackNow(): InProcessSimilarSearcher | undefined {
    return this.fallback;
  }

  private fail(reason: string): void {
    if (this.fallback || this.disposed) return;
    this.log(`Similar passages are searched in-process from now on: ${reason}`);
    this.fallback = new InProcessSimilarSearcher(`in-process (${reason})`);
    for (const pending of this.pending.values()) pending.reject(new Error(reason));
    this.pending.clear();
  }
}
