import type { SimilarPassage, Study, VisibleCoders } from '../../../core/index';
import { StudyShipper } from '../../shared/study-shipper';
import type { WorkerEnd } from '../../shared/worker-messages';
import { WorkerJobs } from '../../shared/worker-jobs';
import type { FoundPassage, FromSimilarWorker, SimilarQuery, ToSimilarWorker } from './messages';
import { InProcessSimilarSearcher, withTranscripts, type SimilarSearcher } from './similar-searcher';

/** The similar-passage worker as the host holds it. */
export type SimilarWorkerHandle = WorkerEnd<ToSimilarWorker, FromSimilarWorker>;

/**
 * Indexes and searches in a worker, one search at a time: before each, the study is shipped (only the
 * transcripts the worker does not hold yet, as for the report worker). If the worker fails, this and every
 * later search run in-process, and the reason is logged.
 */
export class WorkerSimilarSearcher implements SimilarSearcher {
  private readonly shipper: StudyShipper;
  private readonly jobs = new WorkerJobs<readonly FoundPassage[]>();
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
    return this.jobs.enqueue(async () => {
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
  }

  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
    this.jobs.rejectAll(new Error('the search was closed'));
  }

  private send(visible: VisibleCoders, query: SimilarQuery): Promise<readonly FoundPassage[]> {
    return this.jobs.send((job) => this.worker.post({ type: 'search', job, visible, query }));
  }

  private receive(message: FromSimilarWorker): void {
    this.jobs.settle(
      message.job,
      message.type === 'found' ? { value: message.passages } : { error: new Error(message.message) },
    );
  }

  /** Read after an await: the worker may have failed meanwhile. */
  private fallbackNow(): InProcessSimilarSearcher | undefined {
    return this.fallback;
  }

  private fail(reason: string): void {
    if (this.fallback || this.disposed) return;
    this.log(`Similar passages are searched in-process from now on: ${reason}`);
    this.fallback = new InProcessSimilarSearcher(`in-process (${reason})`);
    this.jobs.rejectAll(new Error(reason));
  }
}
