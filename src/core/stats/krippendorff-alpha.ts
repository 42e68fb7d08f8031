import type { NumericValue } from './types';

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface AlphaResult {
  name: 'krippendorff-alpha';
  level: AlphaLevel;
  /** null when undefined: fewer than 2 pairable values, or no disagreement is possible (one value only). */
  value: number | null;
  /** Units with at least 2 ratings (the only ones that carry information). */
  units: number;
  /** Pairable values: ratings in those units (Krippendorff's n). */
  n: number;
  /** Missing cells in the coders × units matrix. */
  missing: number;
  reason?: string;
}

/**
 * Krippendorff's α for a coders × units matrix (rows are coders, as in irr::kripp.alpha), any number of
 * coders, missing ratings allowed. Values are numbers; for nominal data any numeric codes will do.
 * α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck over the coincidence matrix o (Krippendorff 2011).
 */
export function krippendorffAlpha(ratings: ReadonlyArray<ReadonlyArray<NumericValue>>, level: AlphaLevel): AlphaResult {
  const unitCount = Math.max(0, ...ratings.map((row) => row.length));
  let missing = 0;
  const units: number[][] = [];
  for (let u = 0; u < unitCount; u++) {
    const values: number[] = [];
    for (const row of ratings) {
      const v = row[u];
      if (v === null || v === undefined || Number.isNaN(v)) missing++;
      else values.push(v);
    }
    if (values.length >= 2) units.push(values);
  }
  const categories = [...new Set(units.flat())].sort((a, b) => a - b);
  const index = new Map(categories.map((c, i) => [c, i]));
  const size = categories.length;
  // Coincidence matrix: each ordered pair of ratings within a unit weighs 1/(m_u − 1).
  const coincidence = categories.map(() => new Array<number>(size).fill(0));
  for (const values of units) {
    const weight = 1 / (values.length - 1);
    const at = values.map((value) => index.get(value) as number);
    // Cells are added to in the same order as pair by pair, so sums are the same to the last bit.
    for (let i = 0; i < at.length; i++) {
      const row = coincidence[at[i] as number] as number[];
      for (let j = 0; j < at.length; j++) if (i !== j) row[at[j] as number]! += weight;
    }
  }
  return alphaOfCoincidence(level, categories, coincidence, units.length, missing);
}

/**
 * α from the coincidence matrix of `categories` (ascending): the part of krippendorffAlpha after the matrix,
 * shared with nominalAlphaOfPairs so that both give the same value to the last bit.
 */
function alphaOfCoincidence(
  level: AlphaLevel,
  categories: readonly number[],
  coincidence: readonly (readonly number[])[],
  unitCount: number,
  missing: number,
): AlphaResult {
  const base = { name: 'krippendorff-alpha' as const, level };
  const size = categories.length;
  const marginals = coincidence.map((row) => row.reduce((s, x) => s + x, 0));
  const n = marginals.reduce((s, x) => s + x, 0);
  const result = { ...base, units: unitCount, n: Math.round(n), missing };
  if (n < 2) return { ...result, value: null, reason: 'fewer than 2 pairable ratings' };
  if (size < 2) return { ...result, value: null, reason: 'all ratings are the same value: no variation to agree on' };

  const distance = (c: number, k: number): number => {
    const vc = categories[c] as number;
    const vk = categories[k] as number;
    switch (level) {
      case 'nominal':
        return c === k ? 0 : 1;
      case 'interval':
        return (vc - vk) ** 2;
      case 'ratio':
        return vc + vk === 0 ? 0 : ((vc - vk) / (vc + vk)) ** 2;
      case 'ordinal': {
        // Ranks are the observed values in order; the distance counts the marginal mass between them.
        const [from, to] = c < k ? [c, k] : [k, c];
        let between = 0;
        for (let g = from; g <= to; g++) between += marginals[g] as number;
        return (between - ((marginals[c] as number) + (marginals[k] as number)) / 2) ** 2;
      }
    }
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const delta = distance(c, k);
      observed += ((coincidence[c] as number[])[k] as number) * delta;
      expected += (marginals[c] as number) * (marginals[k] as number) * delta;
    }
  }
  return { ...result, value: 1 - ((n - 1) * observed) / expected };
}

/**
 * Nominal α of two coders' yes/no answers over units every unit of which both answered, from the counts
 * of each answer pair: what krippendorffAlpha gives for the coders × units matrix of those answers (each
 * unit adds 1 to two cells of the coincidence matrix; sums of whole numbers are exact in any order).
 */
export function nominalAlphaOfPairs(counts: {
  readonly both: number;
  readonly first: number;
  readonly second: number;
  readonly neither: number;
}): AlphaResult {
  const units = counts.both + counts.first + counts.second + counts.neither;
  const categories: number[] = [];
  if (counts.first + counts.second + counts.neither > 0) categories.push(0);
  if (counts.both + counts.first + counts.second > 0) categories.push(1);
  const at = (value: 0 | 1) => categories.indexOf(value);
  const coincidence = categories.map(() => new Array<number>(categories.length).fill(0));
  const add = (a: 0 | 1, b: 0 | 1, times: number) => {
    if (times === 0) return;
    (coincidence[at(a)] as number[])[at(b)]! += times;
    (coincidence[at(b)] as number[])[at(a)]! += times;
  };
  add(1, 1, counts.both);
  add(1, 0, counts.first);
  add(0, 1, counts.second);
  add(0, 0, counts.neither);
  return alphaOfCoincidence('nominal', categories, coincidence, units, 0);
}
