import type { TranscriptConversion } from '../../../core/index';
import type { WorkerEnd } from '../../shared/worker-messages';

/** What the extension host posts to the conversion worker: one source file at a time, its bytes moved. */
export interface ToConversionWorker {
  readonly type: 'convert';
  readonly job: number;
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The worker's answer to a job: the conversion; `refused` for a file that cannot be converted (the core's
 * TranscriptConversionError, its message meant for the person importing); `failed` for anything else.
 */
export type FromConversionWorker =
  | { readonly type: 'converted'; readonly job: number; readonly conversion: TranscriptConversion }
  | { readonly type: 'refused'; readonly job: number; readonly message: string }
  | { readonly type: 'failed'; readonly job: number; readonly message: string };

export type ConversionWorkerHandle = WorkerEnd<ToConversionWorker, FromConversionWorker>;
