import { convertTranscript, TranscriptConversionError, type TranscriptConversion } from '../../../core/index';
import type { ConversionWorkerHandle, FromConversionWorker } from './messages';

interface Pending {
  readonly name: string;
  readonly bytes: Uint8Array;
  resolve(conversion: TranscriptConversion): void;
  reject(error: Error): void;
}

/**
 * Converts the sources of one import in a worker started on the first file and stopped by dispose(): Word
 * documents run through mammoth and an XML parser (a second or more for a long interview), captions through the
 * WebVTT parser, none of it on the extension host's thread. Where no worker starts, or the worker fails, the
 * files are converted in this thread instead, with the same result; `place` says which happened, and why.
 */
export class TranscriptConverter {
  private worker: ConversionWorkerHandle | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextJob = 0;
  /** Where the last file was converted: 'worker', or 'in-process (<reason>)'. */
  place: string | undefined;
  private fallbackReason: string | undefined;

  constructor(private readonly start: (() => ConversionWorkerHandle) | undefined) {
    if (!start) this.fallbackReason = 'this platform starts no worker';
  }

  readonly convert = (name: string, bytes: Uint8Array): Promise<TranscriptConversion> => {
    const worker = this.started();
    if (!worker) return this.inProcess(name, bytes);
    const job = this.nextJob++;
    return new Promise<TranscriptConversion>((resolve, reject) => {
      this.pending.set(job, { name, bytes, resolve, reject });
      // A copy is moved: the original stays here, for converting in this thread should the worker fail.
      const copy = bytes.slice();
      worker.post({ type: 'convert', job, name, bytes: copy }, [copy.buffer as ArrayBuffer]);
    });
  };

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
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
    if (message.type === 'converted') pending.resolve(message.conversion);
    else if (message.type === 'refused') pending.reject(new TranscriptConversionError(message.message));
    else pending.reject(new Error(message.message));
  }

  /** The worker is gone: what it held is converted here, and so is every later file of this import. */
  private fail(reason: string): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.fallbackReason = `the worker failed (${reason})`;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const job of waiting) this.inProcess(job.name, job.bytes).then(job.resolve, job.reject);
  }

  private inProcess(name: string, bytes: Uint8Array): Promise<TranscriptConversion> {
    this.place = `in-process (${this.fallbackReason ?? 'no worker'})`;
    return convertTranscript(name, bytes);
  }
}
