import type { Study } from '../../core/index';

/** Two coders of a study and how many transcripts both coded (each has a sidecar for it). */
export interface CoderPair {
  readonly first: string;
  readonly second: string;
  readonly both: number;
}

/**
 * Every pair of coders with a transcript both coded, the likeliest comparison first: pairs without the
 * consensus coder before pairs with it, then the most transcripts in common, then by name. In each pair the
 * coders are in alphabetical order (the first is "A" on screen).
 */
export function coderPairs(study: Study, consensus: string): CoderPair[] {
  const coders = [...new Set(study.transcripts.flatMap((t) => t.sidecars.map((s) => s.coder)))].sort();
  const pairs: CoderPair[] = [];
  for (const [i, first] of coders.entries())
    for (const second of coders.slice(i + 1)) {
      const both = study.transcripts.filter((t) =>
        [first, second].every((coder) => t.sidecars.some((s) => s.coder === coder)),
      ).length;
      if (both > 0) pairs.push({ first, second, both });
    }
  const withConsensus = (pair: CoderPair) => (pair.first === consensus || pair.second === consensus ? 1 : 0);
  return pairs.sort(
    (a, b) =>
      withConsensus(a) - withConsensus(b) ||
      b.both - a.both ||
      a.first.localeCompare(b.first) ||
      a.second.localeCompare(b.second),
  );
}
