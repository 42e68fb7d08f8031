import stdlibFactorialln from '@stdlib/math-base-special-factorialln';
import { margins } from './contingency-table';
import type { CountTable } from './types';

// log(k!) is looked up millions of times during enumeration: memoise it (a pure cache, shared by calls).
const logFactorials: number[] = [];
function factorialln(k: number): number {
  let value = logFactorials[k];
  if (value === undefined) logFactorials[k] = value = stdlibFactorialln(k);
  return value;
}

/** Default cap on path extensions for r × c tables; past it the p-value is null with a reason. */
export const DEFAULT_MAX_FISHER_WORK = 5_000_000;

// Relative slack R applies so that tables as likely as the observed one, up to rounding, still count.
const LOG_SLACK = Math.log(1 + 1e-7);
// Partial path values closer than this (in log probability) are merged; far below the slack above.
const MERGE_RESOLUTION = 1e9;

/**
 * Two-sided Fisher p for an r × c table: the total probability of all tables with the observed margins
 * that are no more likely than the observed one. Tables are built column by column; after each column only
 * the multiset of remaining row totals matters for what can follow, so paths that reach the same remaining
 * totals with the same probability so far are merged, and whole groups of completions are counted or
 * dropped at once when bounds on their probability allow (the ideas of R's network algorithm, FEXACT,
 * with simpler bounds). Returns null when the work would exceed `maxWork` path extensions.
 */
export function fisherRxCPValue(input: CountTable, maxWork = DEFAULT_MAX_FISHER_WORK): number | null {
  // Fewer rows means fewer distinct states; the p-value does not change under transposition.
  const table = input.length <= (input[0]?.length ?? 0) ? input : transpose(input);
  const { rows, columns, total } = margins(table);
  const constant =
    rows.reduce((s, r) => s + factorialln(r), 0) + columns.reduce((s, c) => s + factorialln(c), 0) - factorialln(total);
  const observed = table.flat().reduce((s, x) => s - factorialln(x), constant) + LOG_SLACK;

  type Partial = { logP: number; paths: number };
  type State = { remaining: number[]; partials: Map<number, Partial>; most: number; least: number; logTotal: number };
  const keyOf = (remaining: number[]): string => remaining.join(',');
  const sortedDescending = (values: number[]): number[] => [...values].sort((a, b) => b - a);
  const start = sortedDescending(rows);
  let layer = new Map<string, State>([
    [
      keyOf(start),
      { remaining: start, partials: new Map([[0, { logP: constant, paths: 1 }]]), ...completionBounds(start, columns) },
    ],
  ]);
  let work = 0;
  let p = 0;

  for (let j = 0; j < columns.length - 1; j++) {
    const later = columns.slice(j + 1);
    const next = new Map<string, State>();
    for (const state of layer.values()) {
      const splits = splitsOfColumn(columns[j] as number, state.remaining);
      work += splits.length;
      for (const { cells, term } of splits) {
        work += state.partials.size;
        if (work > maxWork) return null;
        const remaining = sortedDescending(state.remaining.map((r, i) => r - (cells[i] as number)));
        const key = keyOf(remaining);
        let target = next.get(key);
        if (!target)
          next.set(key, (target = { remaining, partials: new Map(), ...completionBounds(remaining, later) }));
        for (const partial of state.partials.values()) {
          const logP = partial.logP + term;
          // Settle whole groups of completions at once where the bounds allow (the network algorithm's shortcut).
          if (logP + target.most <= observed) {
            p += partial.paths * Math.exp(logP + target.logTotal); // every completion is as or less likely
          } else if (logP + target.least <= observed) {
            const bucket = Math.round(logP * MERGE_RESOLUTION);
            const existing = target.partials.get(bucket);
            if (existing) existing.paths += partial.paths;
            else target.partials.set(bucket, { logP, paths: partial.paths });
          } // else: no completion is as unlikely as the observed table
        }
      }
    }
    layer = next;
  }
  // The last column is forced: it takes whatever each row still needs.
  for (const state of layer.values()) {
    const term = state.remaining.reduce((s, x) => s - factorialln(x), 0);
    for (const partial of state.partials.values()) {
      const logP = partial.logP + term;
      if (logP <= observed) p += partial.paths * Math.exp(logP);
    }
  }
  return Math.min(1, p);
}

/**
 * Bounds on −Σ log(x!) over the cells still to fill, and the log of its sum over all completions
 * (Σ Π 1/x! = N! / (Π R! Π C!), since the hypergeometric probabilities of the sub-table sum to 1).
 * Both bounds relax the table to each column (or each row) on its own, keeping only the caps the other
 * margin imposes, and keep the tighter of the two. Per column the exact extremes are known: the most even
 * split maximises −Σ log(x!) (concave), filling the largest caps first minimises it (that split majorises
 * every other, and Σ log(x!) is Schur-convex).
 */
function completionBounds(
  rows: ReadonlyArray<number>,
  columns: ReadonlyArray<number>,
): { most: number; least: number; logTotal: number } {
  const remainingTotal = rows.reduce((a, b) => a + b, 0);
  const logTotal =
    factorialln(remainingTotal) -
    rows.reduce((s, r) => s + factorialln(r), 0) -
    columns.reduce((s, c) => s + factorialln(c), 0);
  const most = Math.min(
    columns.reduce((s, c) => s + mostEvenSplit(c, rows), 0),
    rows.reduce((s, r) => s + mostEvenSplit(r, columns), 0),
  );
  const least = Math.max(
    columns.reduce((s, c) => s + mostConcentratedSplit(c, rows), 0),
    rows.reduce((s, r) => s + mostConcentratedSplit(r, columns), 0),
  );
  return { most, least, logTotal };
}

/** max of −Σ log(x_i!) subject to Σ x_i = total, 0 ≤ x_i ≤ caps_i: fill the lowest cell first. */
function mostEvenSplit(total: number, caps: ReadonlyArray<number>): number {
  return -evenSplit(total, caps).reduce((s, x) => s + factorialln(x), 0);
}

/**
 * The cells that filling `total` units one at a time, each into the lowest cell still below its cap (the first
 * such cell on a tie), ends with: every cell at the level the filling reached (or its cap, if lower), and one
 * more in the first cells that can take it, for what is left below the next level. Found from the level
 * rather than unit by unit: the bounds of a code almost every participant has spread hundreds of units, for
 * every state of the test.
 */
export function evenSplit(total: number, caps: ReadonlyArray<number>): number[] {
  // The highest level every cell can be filled to (its cap, if lower) with `total` units: a binary search.
  let low = 0;
  let high = caps.reduce((most, cap) => Math.max(most, cap), 0);
  while (low < high) {
    const level = (low + high + 1) >> 1;
    if (filledTo(level, caps) <= total) low = level;
    else high = level - 1;
  }
  const cells = caps.map((cap) => Math.min(cap, low));
  let left = total - filledTo(low, caps);
  for (let i = 0; i < cells.length && left > 0; i++) {
    if ((caps[i] as number) > low) {
      cells[i] = low + 1;
      left--;
    }
  }
  return cells;
}

/** Units in the cells filled to `level`, each capped. */
function filledTo(level: number, caps: ReadonlyArray<number>): number {
  let units = 0;
  for (let i = 0; i < caps.length; i++) units += Math.min(caps[i] as number, level);
  return units;
}

/** min of −Σ log(x_i!) subject to Σ x_i = total, 0 ≤ x_i ≤ caps_i: fill the largest caps first. */
function mostConcentratedSplit(total: number, caps: ReadonlyArray<number>): number {
  let left = total;
  let value = 0;
  for (const cap of [...caps].sort((a, b) => b - a)) {
    const x = Math.min(cap, left);
    value -= factorialln(x);
    left -= x;
  }
  return value;
}

/** Every way to spread one column's total over rows with the given remaining totals, with −Σ log(x!). */
function splitsOfColumn(columnTotal: number, remaining: ReadonlyArray<number>): { cells: number[]; term: number }[] {
  const out: { cells: number[]; term: number }[] = [];
  const cells = new Array<number>(remaining.length).fill(0);
  const suffix = remaining.map((_, i) => remaining.slice(i + 1).reduce((a, b) => a + b, 0));
  const place = (i: number, left: number, term: number): void => {
    if (i === remaining.length - 1) {
      if (left > (remaining[i] as number)) return;
      cells[i] = left;
      out.push({ cells: [...cells], term: term - factorialln(left) });
      return;
    }
    const from = Math.max(0, left - (suffix[i] as number));
    const to = Math.min(left, remaining[i] as number);
    for (let x = from; x <= to; x++) {
      cells[i] = x;
      place(i + 1, left - x, term - factorialln(x));
    }
  };
  place(0, columnTotal, 0);
  return out;
}

function transpose(table: CountTable): number[][] {
  return (table[0] ?? []).map((_, j) => table.map((row) => row[j] as number));
}
