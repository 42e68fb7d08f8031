import type { ImportPlan, TranscriptConversion } from '../../core/index';
import type { WorkerEnd } from '../shared/worker-messages';

/**
 * What the extension host posts to the conversion worker, one file at a time with its bytes moved: a source for
 * Import Transcripts, or a .qdpx for Import REFI-QDA Project.
 */
export interface ToConversionWorker {
  readonly type: 'transcript' | 'project';
  readonly job: number;
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The worker's answer to a job: the conversion or the new study's plan; `refused` for a file that cannot be
 * imported (the core's TranscriptConversionError or RefiImportError: a message, and a hint, meant for the person
 * importing); `failed` for anything else.
 */
export type FromConversionWorker =
  | { readonly type: 'transcript'; readonly job: number; readonly conversion: TranscriptConversion }
  | { readonly type: 'project'; readonly job: number; readonly plan: ImportPlan }
  | { readonly type: 'refused'; readonly job: number; readonly message: string; readonly hint?: string }
  | { readonly type: 'failed'; readonly job: number; readonly message: string };

export type ConversionWorkerHandle = WorkerEnd<ToConversionWorker, FromConversionWorker>;
