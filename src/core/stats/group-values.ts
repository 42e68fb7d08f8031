import { isMissingLabel } from './missing';
import type { CategoricalValue, NumericValue } from './types';

export interface GroupedValues {
  /** Group labels, in the order given by `levels`, then order of first appearance. */
  levels: string[];
  /** values[i] holds the (possibly missing) values of levels[i], ready for welchAnova/kruskalWallis. */
  values: NumericValue[][];
  /** Rows left out because their group label is missing (their value may be present). */
  missingGroup: number;
}

/**
 * Splits a value column by a group column (e.g. burnout score by role). Rows without a group cannot go
 * anywhere, so they are counted in `missingGroup` rather than dropped silently; missing values stay in
 * their group so the tests count them. Arrays of different lengths are a caller bug and throw.
 */
export function groupValues(
  values: ReadonlyArray<NumericValue>,
  groups: ReadonlyArray<CategoricalValue>,
  levels: ReadonlyArray<string> = [],
): GroupedValues {
  if (values.length !== groups.length) throw new Error('groupValues: value and group columns differ in length');
  const order = [...levels];
  const byLevel = new Map<string, NumericValue[]>(order.map((level) => [level, []]));
  let missingGroup = 0;
  values.forEach((value, i) => {
    const group = groups[i];
    if (isMissingLabel(group)) {
      missingGroup++;
      return;
    }
    let bucket = byLevel.get(group);
    if (!bucket) {
      byLevel.set(group, (bucket = []));
      order.push(group);
    }
    bucket.push(value);
  });
  return { levels: order, values: order.map((level) => byLevel.get(level) as NumericValue[]), missingGroup };
}
