import type { Dismissals, PassageUnit, PlaceInTranscript, SimilarPassage, VisibleCoders } from '../../../core/index';
import type { StudyMessage } from '../../shared/worker-messages';

/** A search as it crosses to the worker: plain data (the dismissals as read from the study's file). */
export interface SimilarQuery {
  readonly text: string;
  readonly code?: string;
  readonly unit: PassageUnit;
  readonly limit: number;
  readonly exclude: readonly PlaceInTranscript[];
  readonly participants?: ReadonlySet<string>;
  readonly dismissals?: Dismissals;
  /** The locale sentences are segmented by (the display language). */
  readonly locale?: string;
}

/** A found passage as it crosses back: its transcript named by URI (the host holds the transcript itself). */
export type FoundPassage = Omit<SimilarPassage, 'transcript'> & { readonly transcriptUri: string };

/** What the extension host posts to the similar-passage worker; the study travels as to the report worker. */
export type ToSimilarWorker =
  | StudyMessage
  | { readonly type: 'search'; readonly job: number; readonly visible: VisibleCoders; readonly query: SimilarQuery };

export type FromSimilarWorker =
  | { readonly type: 'found'; readonly job: number; readonly passages: readonly FoundPassage[] }
  | { readonly type: 'failed'; readonly job: number; readonly message: string };
