/**
 * Agreement of two coders on one yes/no question over many units (a code point, a transcript): how many
 * units both said yes, only the first, only the second, neither.
 */
export interface TwoByTwo {
  readonly both: number;
  readonly first: number;
  readonly second: number;
  readonly neither: number;
}

/** A figure that can be undefined for a table: then `null` with the reason, never 0. */
export interface Coefficient {
  readonly value: number | null;
  readonly reason?: string;
}

export const EMPTY_TABLE: TwoByTwo = { both: 0, first: 0, second: 0, neither: 0 };

export function addTables(a: TwoByTwo, b: TwoByTwo): TwoByTwo {
  return {
    both: a.both + b.both,
    first: a.first + b.first,
    second: a.second + b.second,
    neither: a.neither + b.neither,
  };
}

export function unitsOf(table: TwoByTwo): number {
  return table.both + table.first + table.second + table.neither;
}

/** (both + neither) / all units. */
export function percentAgreement(table: TwoByTwo): Coefficient {
  const n = unitsOf(table);
  if (n === 0) return { value: null, reason: 'no units to compare' };
  return { value: (table.both + table.neither) / n };
}

/**
 * Cohen's κ of the 2×2 table: (p_o − p_e) / (1 − p_e), with p_e from each coder's own yes/no proportions.
 * Undefined when there are no units or when chance agreement is 1 (both coders said the same thing of every
 * unit, all yes or all no: there is no variation to agree on).
 */
export function kappaOf(table: TwoByTwo): Coefficient {
  const n = unitsOf(table);
  if (n === 0) return { value: null, reason: 'no units to compare' };
  const observed = (table.both + table.neither) / n;
  const firstYes = (table.both + table.first) / n;
  const secondYes = (table.both + table.second) / n;
  const expected = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
  if (expected === 1)
    return { value: null, reason: 'both coders gave every unit the same answer: κ is undefined without variation' };
  return { value: (observed - expected) / (1 - expected) };
}
