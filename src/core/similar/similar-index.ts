import type { Transcript } from '../model';
import type { PassageUnit } from './passages';
import { UnitIndex } from './unit-index';

/**
 * A study's passages indexed for similarity, one index per unit, each built on first use (a person who only
 * ever searches sentences never pays for turns). Keep one per study and call `update` with each new study
 * value: only transcripts whose text changed are indexed again, so repeated queries cost only the query.
 */
export class SimilarIndex {
  private readonly units = new Map<PassageUnit, UnitIndex>();
  private transcripts: readonly Transcript[] = [];

  constructor(private readonly locale?: string) {}

  update(transcripts: readonly Transcript[]): void {
    this.transcripts = transcripts;
    for (const index of this.units.values()) index.update(transcripts);
  }

  unit(unit: PassageUnit): UnitIndex {
    let index = this.units.get(unit);
    if (!index) {
      index = new UnitIndex(unit, this.locale);
      index.update(this.transcripts);
      this.units.set(unit, index);
    }
    return index;
  }
}
