import type { Study, StudyTranscript } from '../../core/index';

/** A study without its transcripts: they travel once each and are named by number afterwards. */
export type StudyFrame = Omit<Study, 'transcripts'>;

/**
 * How a study reaches a worker (the report worker, the similar-passage worker): each transcript is posted once
 * under a number, then each study version as its frame and the numbers of its transcripts. Plain data only
 * (structured clone), the same over worker_threads and Web Workers.
 */
export type StudyMessage =
  | {
      readonly type: 'transcripts';
      readonly items: readonly { readonly id: number; readonly transcript: StudyTranscript }[];
    }
  | { readonly type: 'study'; readonly frame: StudyFrame; readonly transcripts: readonly number[] };

/** One end of a worker as the code on either side sees it (worker_threads and Web Workers alike). */
export interface MessageEnd<Out, In> {
  post(message: Out, transfer?: readonly ArrayBuffer[]): void;
  onMessage(listener: (message: In) => void): void;
}

/** A started worker as the host holds it: a worker_threads Worker or a Web Worker behind the same face. */
export interface WorkerEnd<Out, In> extends MessageEnd<Out, In> {
  onError(listener: (error: Error) => void): void;
  terminate(): void;
}
