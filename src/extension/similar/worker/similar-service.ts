import {
  DismissedPassages,
  findSimilarPassages,
  SimilarIndex,
  visibleStudy,
  type SimilarRequest,
  type Study,
  type VisibleCoders,
} from '../../../core/index';
import type { FoundPassage, SimilarQuery } from './messages';

/** The core's request for a query as it crossed to the worker (dismissals as data become the lookup again). */
export function similarRequest(query: SimilarQuery): SimilarRequest {
  return {
    text: query.text,
    unit: query.unit,
    limit: query.limit,
    exclude: query.exclude,
    dismissed: new DismissedPassages(query.dismissals),
    ...(query.code !== undefined ? { code: query.code } : {}),
    ...(query.participants ? { participants: query.participants } : {}),
  };
}

/**
 * The search itself, the same on every thread: one index per study root and locale, kept between searches and
 * brought up to date with each study (only transcripts whose text changed are indexed again), searched over the
 * study as displayed (blind coding applied: the codings left out are the visible ones).
 */
export class SimilarService {
  private readonly indexes = new Map<string, SimilarIndex>();

  search(study: Study, visible: VisibleCoders, query: SimilarQuery): FoundPassage[] {
    const key = `${study.root}\u0000${query.locale ?? ''}`;
    let index = this.indexes.get(key);
    if (!index) this.indexes.set(key, (index = new SimilarIndex(query.locale)));
    index.update(study.transcripts);
    return findSimilarPassages(index, visibleStudy(study, visible), similarRequest(query)).map(
      ({ transcript, ...passage }) => ({
        ...passage,
        transcriptUri: transcript.uri,
      }),
    );
  }
}
