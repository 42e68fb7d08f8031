import type {
  Codebook,
  CodeNetwork,
  FileSystemPort,
  RefiExportOptions,
  Study,
  VisibleCoders,
} from '../../../core/index';
import type { ReportRequestState } from '../../../../webview/protocol';
import type { EncodedOutcome } from './encoded-report';
import type { RefiProjectOutcome, RPackageOutcome } from './outcomes';
import type { FileAnswer, FileQuestion, FromWorker, OverlapsResult, ToWorker } from './messages';
import { InProcessReportComputer, type ReportComputer } from './report-computer';
import { StudyShipper } from '../../shared/study-shipper';
import type { WorkerEnd } from '../../shared/worker-messages';
import { WorkerJobs } from '../../shared/worker-jobs';

/** What a job of the report worker answers. */
type JobResult = EncodedOutcome | OverlapsResult | RPackageOutcome | RefiProjectOutcome | CodeNetwork;

/** The report worker as the host holds it (a worker_threads Worker or a Web Worker behind the same face). */
export type WorkerHandle = WorkerEnd<ToWorker, FromWorker>;

/** A report job that a newer one replaced before it started: its result would have been thrown away. */
export class ReportSuperseded extends Error {
  constructor() {
    super('superseded by a newer report request');
  }
}

/**
 * Computes reports in a worker. One job at a time: before each, the study is shipped (only the transcripts
 * the worker does not hold yet); a report request that a newer one overtakes while waiting is dropped
 * (ReportSuperseded). If the worker fails, this and every later job run in-process, and the reason is logged.
 */
export class WorkerReportComputer implements ReportComputer {
  private readonly shipper: StudyShipper;
  private readonly jobs = new WorkerJobs<JobResult>();
  private latestReport = 0;
  private fallback: InProcessReportComputer | undefined;
  private disposed = false;

  constructor(
    private readonly worker: WorkerHandle,
    private readonly fs: FileSystemPort,
    private readonly log: (message: string) => void,
  ) {
    this.shipper = new StudyShipper((message) => worker.post(message));
    worker.onMessage((message) => this.receive(message));
    worker.onError((error) => this.fail(`the report worker stopped: ${error.message}`));
  }

  get where(): string {
    return this.fallback ? this.fallback.where : 'worker';
  }

  /** Transcripts cloned into the worker so far. */
  get transcriptsSent(): number {
    return this.shipper.transcriptsSent;
  }

  report(study: Study, visible: VisibleCoders, request: ReportRequestState): Promise<EncodedOutcome> {
    const ticket = ++this.latestReport;
    return this.job(
      study,
      (job) => ({ type: 'report', job, visible, request }),
      (fallback) => fallback.report(study, visible, request),
      () => {
        if (ticket !== this.latestReport) throw new ReportSuperseded();
      },
    );
  }

  overlaps(
    study: Study,
    visible: VisibleCoders,
    request: ReportRequestState,
    a: string,
    b: string,
  ): Promise<OverlapsResult> {
    return this.job(
      study,
      (job) => ({ type: 'overlaps', job, visible, request, a, b }),
      (fallback) => fallback.overlaps(study, visible, request, a, b),
    );
  }

  rPackage(study: Study, visible: VisibleCoders, request: ReportRequestState): Promise<RPackageOutcome> {
    return this.job(
      study,
      (job) => ({ type: 'r-package', job, visible, request }),
      (fallback) => fallback.rPackage(study, visible, request),
    );
  }

  network(
    study: Study,
    visible: VisibleCoders,
    request: ReportRequestState,
    threshold: number | null,
  ): Promise<CodeNetwork> {
    return this.job(
      study,
      (job) => ({ type: 'network', job, visible, request, threshold }),
      (fallback) => fallback.network(study, visible, request, threshold),
    );
  }

  refiProject(study: Study, codebook: Codebook, options: RefiExportOptions): Promise<RefiProjectOutcome> {
    return this.job(
      study,
      (job) => ({ type: 'refi-project', job, codebook, options }),
      (fallback) => fallback.refiProject(study, codebook, options),
    );
  }

  /**
   * One job, after the ones before it: the study shipped (what the worker lacks), the message sent, its answer
   * awaited. In-process once the worker has failed, and also for this job if the worker dies under it: a job
   * is done rather than lost. `beforeStart` may refuse the job when its turn comes (a superseded report).
   */
  private job<T extends JobResult>(
    study: Study,
    message: (job: number) => ToWorker,
    inProcess: (fallback: InProcessReportComputer) => Promise<T>,
    beforeStart?: () => void,
  ): Promise<T> {
    return this.jobs.enqueue(async () => {
      beforeStart?.();
      if (this.fallback) return inProcess(this.fallback);
      try {
        await this.shipper.ship(study);
        return (await this.jobs.send((job) => this.worker.post(message(job)))) as T;
      } catch (error) {
        const fallback = this.fallbackNow();
        if (fallback) return inProcess(fallback);
        throw error;
      }
    });
  }

  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
    this.jobs.rejectAll(new Error('the analysis panel was closed'));
  }

  private receive(message: FromWorker): void {
    if (message.type === 'ask') {
      void this.answer(message.call, message.question);
      return;
    }
    if (message.type === 'survey') return; // asked only of a survey parser's own worker (survey-parser.ts)
    this.jobs.settle(
      message.job,
      message.type === 'report' || message.type === 'r-package' || message.type === 'refi-project'
        ? { value: message.outcome }
        : message.type === 'network'
          ? { value: message.network }
          : message.type === 'overlaps'
            ? { value: message.result }
            : { error: new Error(message.message) },
    );
  }

  /** Reads a file for the worker through the host's port; the bytes are copied and handed over, not cloned. */
  private async answer(call: number, question: FileQuestion): Promise<void> {
    try {
      let value: FileAnswer;
      if (question.op === 'readFile') {
        const bytes = (await this.fs.readFile(question.uri)).slice();
        this.worker.post({ type: 'answer', call, value: bytes }, [bytes.buffer as ArrayBuffer]);
        return;
      }
      if (question.op === 'stat') value = await this.fs.stat(question.uri);
      else value = await this.fs.list(question.uri);
      this.worker.post({ type: 'answer', call, value });
    } catch (error) {
      this.worker.post({ type: 'refusal', call, message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Read after an await: the worker may have failed meanwhile. */
  private fallbackNow(): InProcessReportComputer | undefined {
    return this.fallback;
  }

  private fail(reason: string): void {
    if (this.fallback || this.disposed) return;
    this.log(`Reports are computed in-process from now on: ${reason}`);
    this.fallback = new InProcessReportComputer(this.fs, `in-process (${reason})`);
    this.jobs.rejectAll(new Error(reason));
  }
}
