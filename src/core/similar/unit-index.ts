import MiniSearch from 'minisearch';
import type { Transcript } from '../model';
import { passagesOf, type PassageSpan, type PassageUnit } from './passages';
import { termsOf } from './terms';

/** A passage as indexed: where it is, and which transcript (by URI) holds it. */
export interface IndexedPassage extends PassageSpan {
  readonly id: number;
  readonly transcriptUri: string;
}

interface IndexedTranscript {
  readonly textHash: string;
  readonly text: string;
  readonly ids: readonly number[];
}

/** A scored hit of a search, best first. */
export interface PassageHit {
  readonly passage: IndexedPassage;
  readonly score: number;
}

/**
 * The BM25 index (MiniSearch) of one unit of passage across a study's transcripts. Passages are tokenized
 * once, here, with termsOf; MiniSearch receives the terms already split, so what is indexed, what is queried
 * and the document frequencies kept beside it agree word for word. Updating is per transcript: a transcript
 * whose text hash is unchanged is left alone, so after a coding (which never changes a text) nothing is redone.
 */
export class UnitIndex {
  private readonly search = new MiniSearch<{ id: number; terms: string }>({
    fields: ['terms'],
    idField: 'id',
    tokenize: (text) => (text === '' ? [] : text.split(' ')),
    processTerm: (term) => term,
    searchOptions: { prefix: false, fuzzy: false, combineWith: 'OR' },
  });
  private readonly passages = new Map<number, IndexedPassage>();
  private readonly transcripts = new Map<string, IndexedTranscript>();
  /** In how many indexed passages each term occurs (for choosing the telling terms of a query). */
  private readonly documentFrequency = new Map<string, number>();
  private nextId = 0;

  constructor(
    readonly unit: PassageUnit,
    private readonly locale?: string,
  ) {}

  /** Brings the index to these transcripts: new or changed ones are (re)indexed, vanished ones removed. */
  update(transcripts: readonly Transcript[]): void {
    const present = new Set<string>();
    for (const transcript of transcripts) {
      present.add(transcript.uri);
      const indexed = this.transcripts.get(transcript.uri);
      if (indexed?.textHash === transcript.textHash) continue;
      if (indexed) this.remove(transcript.uri, indexed);
      this.add(transcript);
    }
    for (const [uri, indexed] of this.transcripts) if (!present.has(uri)) this.remove(uri, indexed);
  }

  get passageCount(): number {
    return this.passages.size;
  }

  /** The share of passages a term occurs in is what makes it telling; 0 for a term no passage has. */
  frequency(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /** Passages holding any of the terms, best BM25 score first; `weights` boosts each query term. */
  query(weights: ReadonlyMap<string, number>): PassageHit[] {
    if (weights.size === 0) return [];
    const hits = this.search.search([...weights.keys()].join(' '), { boostTerm: (term) => weights.get(term) ?? 1 });
    return hits.map((hit) => ({ passage: this.passages.get(hit.id as number) as IndexedPassage, score: hit.score }));
  }

  /** The text of an indexed passage. */
  textOf(passage: IndexedPassage): string {
    const indexed = this.transcripts.get(passage.transcriptUri);
    return indexed ? indexed.text.slice(passage.start16, passage.end16) : '';
  }

  private add(transcript: Transcript): void {
    const ids: number[] = [];
    for (const span of passagesOf(transcript.text, this.unit, this.locale)) {
      const terms = termsOf(transcript.text.slice(span.start16, span.end16));
      if (terms.length === 0) continue;
      const id = this.nextId++;
      this.passages.set(id, { ...span, id, transcriptUri: transcript.uri });
      ids.push(id);
      for (const term of new Set(terms)) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      this.search.add({ id, terms: terms.join(' ') });
    }
    this.transcripts.set(transcript.uri, { textHash: transcript.textHash, text: transcript.text, ids });
  }

  private remove(uri: string, indexed: IndexedTranscript): void {
    for (const id of indexed.ids) {
      const passage = this.passages.get(id) as IndexedPassage;
      for (const term of new Set(termsOf(indexed.text.slice(passage.start16, passage.end16)))) {
        const left = (this.documentFrequency.get(term) ?? 1) - 1;
        if (left > 0) this.documentFrequency.set(term, left);
        else this.documentFrequency.delete(term);
      }
      this.search.discard(id);
      this.passages.delete(id);
    }
    this.transcripts.delete(uri);
  }
}
