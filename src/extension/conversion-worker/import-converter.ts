import {
  convertTranscript,
  importQdpx,
  RefiImportError,
  TranscriptConversionError,
  type ImportPlan,
  type TranscriptConversion,
} from '../../core/index';
import type { ConversionWorkerHandle, FromConversionWorker, ToConversionWorker } from './messages';

/** A .qdpx's plan, or why it cannot be imported (the message names the file, the hint says what to do). */
export type ProjectPlanning =
  | { readonly ok: true; readonly plan: ImportPlan }
  | { readonly ok: false; readonly message: string; readonly hint: string };

interface Pending {
  /** The same job in this thread, should the worker fail before answering. */
  readonly here: () => Promise<unknown>;
  settle(message: FromConversionWorker): void;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Converts what an import brings in (Import Transcripts' sources, Import REFI-QDA Project's .qdpx) in a worker
 * started on the first file and stopped by dispose(): Word documents go through mammoth and an XML parser, captions
 * through the WebVTT parser, a project through unzipping and XML parsing — a second or more for a long interview
 * or a big project, none of it on the extension host's thread. Where no worker starts, or the worker fails, the
 * files are converted in this thread instead, with the same result; `place` says which happened, and why.
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
    this.run(
      'transcript',
      name,
      bytes,
      () => convertTranscript(name, bytes),
      (message) => {
        if (message.type === 'transcript') return message.conversion;
        throw message.type === 'refused' ? new TranscriptConversionError(message.message) : unexpected(message);
      },
    );

  /** Import REFI-QDA Project's reading of the package into the new study's files. */
  readonly project = (name: string, bytes: Uint8Array): Promise<ProjectPlanning> =>
    this.run(
      'project',
      name,
      bytes,
      async (): Promise<ProjectPlanning> => {
        try {
          return { ok: true, plan: importQdpx(bytes, name) };
        } catch (error) {
          if (error instanceof RefiImportError) return { ok: false, message: error.message, hint: error.hint };
          throw error;
        }
      },
      (message): ProjectPlanning => {
        if (message.type === 'project') return { ok: true, plan: message.plan };
        if (message.type === 'refused') return { ok: false, message: message.message, hint: message.hint ?? '' };
        throw unexpected(message);
      },
    );

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private run<T>(
    type: ToConversionWorker['type'],
    name: string,
    bytes: Uint8Array,
    here: () => Promise<T>,
    settle: (message: FromConversionWorker) => T,
  ): Promise<T> {
    const worker = this.started();
    if (!worker) return this.inProcess(here);
    const job = this.nextJob++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(job, {
        here,
        settle: (message) => {
          try {
            resolve(settle(message));
          } catch (error) {
            reject(error);
          }
        },
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      // A copy is moved: the original stays here, for converting in this thread should the worker fail.
      const copy = bytes.slice();
      worker.post({ type, job, name, bytes: copy }, [copy.buffer as ArrayBuffer]);
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
    for (const job of waiting) this.inProcess(job.here).then(job.resolve, job.reject);
  }

  private inProcess<T>(here: () => Promise<T>): Promise<T> {
    this.place = `in-process (${this.fallbackReason ?? 'no worker'})`;
    return here();
  }
}

/** The worker failed on the job (`failed`), or answered another kind of job than it was sent. */
function unexpected(message: FromConversionWorker): Error {
  return new Error(message.type === 'failed' ? message.message : `the worker answered a ${message.type} job`);
}
