import { TranscriptConversionError, type ImportPlan, type TranscriptConversion } from '../../core/index';
import type { ConversionWorkerHandle, FromConversionWorker, ToConversionWorker } from './messages';
import { answer } from './worker-runtime';

/** A .qdpx's plan, or why it cannot be imported (the message names the file, the hint says what to do). */
export type ProjectPlanning =
  | { readonly ok: true; readonly plan: ImportPlan }
  | { readonly ok: false; readonly message: string; readonly hint: string };

interface Pending {
  /** The job as posted, with the original bytes: done in this thread should the worker fail before answering. */
  readonly job: ToConversionWorker;
  settle(message: FromConversionWorker): void;
}

/**
 * Converts what an import brings in (Import Transcripts' sources, Import REFI-QDA Project's .qdpx) in a worker
 * started on the first file and stopped by dispose(): Word documents go through mammoth and an XML parser, captions
 * through the WebVTT parser, a project through unzipping and XML parsing — a second or more for a long interview
 * or a big project, none of it on the extension host's thread. Where no worker starts, or the worker fails, the
 * worker's own answer() runs in this thread instead, so the result is the same; `place` says which happened, and why.
 */
export class ImportConverter {
  private worker: ConversionWorkerHandle | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextJob = 0;
  /** Where the last file was converted: 'worker', or 'in-process (<reason>)'. */
  place: string | undefined;
  private fallbackReason: string | undefined;

  constructor(private readonly start: (() => ConversionWorkerHandle) | undefined) {
    if (!start) this.fallbackReason = 'this platform starts no worker';
  }

  /** Import Transcripts' conversion; rejects with a TranscriptConversionError as convertTranscript does. */
  readonly transcript = (name: string, bytes: Uint8Array): Promise<TranscriptConversion> =>
    this.run('transcript', name, bytes, (message) => {
      if (message.type === 'transcript') return message.conversion;
      throw message.type === 'refused' ? new TranscriptConversionError(message.message) : unexpected(message);
    });

  /** Import REFI-QDA Project's reading of the package into the new study's files. */
  readonly project = (name: string, bytes: Uint8Array): Promise<ProjectPlanning> =>
    this.run('project', name, bytes, (message): ProjectPlanning => {
      if (message.type === 'project') return { ok: true, plan: message.plan };
      if (message.type === 'refused') return { ok: false, message: message.message, hint: message.hint ?? '' };
      throw unexpected(message);
    });

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private run<T>(
    type: ToConversionWorker['type'],
    name: string,
    bytes: Uint8Array,
    settle: (message: FromConversionWorker) => T,
  ): Promise<T> {
    const job = { type, job: this.nextJob++, name, bytes };
    const worker = this.started();
    if (!worker) return this.inProcess(job).then(settle);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(job.job, {
        job,
        settle: (message) => {
          try {
            resolve(settle(message));
          } catch (error) {
            reject(error);
          }
        },
      });
      // A copy is moved: the original stays here, for converting in this thread should the worker fail.
      const copy = bytes.slice();
      worker.post({ ...job, bytes: copy }, [copy.buffer as ArrayBuffer]);
    });
  }

  private started(): ConversionWorkerHandle | undefined {
    if (this.worker || this.fallbackReason !== undefined) return this.worker;
    try {
      const worker = (this.start as () => ConversionWorkerHandle)();
      worker.onMessage((message) => this.receive(message));
      worker.onError((error) => this.fail(error.message));
      this.worker = worker;
    } catch (error) {
      this.fallbackReason = `the worker did not start (${error instanceof Error ? error.message : String(error)})`;
    }
    return this.worker;
  }

  private receive(message: FromConversionWorker): void {
    const pending = this.pending.get(message.job);
    if (!pending) return;
    this.pending.delete(message.job);
    this.place = 'worker';
    pending.settle(message);
  }

  /** The worker is gone: what it held is converted here, and so is every later file of this import. */
  private fail(reason: string): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.fallbackReason = `the worker failed (${reason})`;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { job, settle } of waiting) void this.inProcess(job).then(settle);
  }

  private inProcess(job: ToConversionWorker): Promise<FromConversionWorker> {
    this.place = `in-process (${this.fallbackReason ?? 'no worker'})`;
    return answer(job);
  }
}

/** The worker failed on the job (`failed`), or answered another kind of job than it was sent. */
function unexpected(message: FromConversionWorker): Error {
  return new Error(message.type === 'failed' ? message.message : `the worker answered a ${message.type} job`);
}
