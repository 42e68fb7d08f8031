import type { SimilarPassage, Study, VisibleCoders } from '../../../core/index';
import type { FoundPassage, SimilarQuery } from './messages';
import { SimilarService } from './similar-service';

/**
 * Where Find Similar Passages indexes and searches: in a worker (building the index of a large study takes
 * seconds, which the extension host's thread is spared) or in-process where workers are unavailable. Both run
 * the same SimilarService over the same study, so both find the same passages.
 */
export interface SimilarSearcher {
  /** 'worker', or 'in-process' with the reason. */
  readonly where: string;
  search(study: Study, visible: VisibleCoders, query: SimilarQuery): Promise<SimilarPassage[]>;
  dispose(): void;
}

export class InProcessSimilarSearcher implements SimilarSearcher {
  private readonly service = new SimilarService();

  constructor(readonly where = 'in-process') {}

  async search(study: Study, visible: VisibleCoders, query: SimilarQuery): Promise<SimilarPassage[]> {
    return withTranscripts(study, this.service.search(study, visible, query));
  }

  dispose(): void {
    // The index goes with this object.
  }
}

/** The found passages with the study's own transcripts (what the list shows and codes). */
export function withTranscripts(study: Study, found: readonly FoundPassage[]): SimilarPassage[] {
  const transcripts = new Map(study.transcripts.map((t) => [t.uri, t]));
  const passages: SimilarPassage[] = [];
  for (const { transcriptUri, ...passage } of found) {
    const transcript = transcripts.get(transcriptUri);
    if (transcript) passages.push({ ...passage, transcript });
  }
  return passages;
}
