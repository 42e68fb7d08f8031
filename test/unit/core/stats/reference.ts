/** Loads the R reference values (test/reference/stats-reference.json) and compares numbers within fixed tolerances. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// R-side values: numbers, "Inf"/"-Inf" strings for infinities, null for NA.
export type RNumber = number | string | null;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RCase = Record<string, any>;

export const reference: Record<string, RCase[] | string> = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'reference', 'stats-reference.json'), 'utf8'),
);

export function cases(section: string): RCase[] {
  const found = reference[section];
  if (!Array.isArray(found) || found.length === 0) throw new Error(`no reference cases for ${section}`);
  return found;
}

export function fromR(value: RNumber): number | null {
  if (value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  return value as number | null;
}

/** Statistics: 1e-9 absolute or relative. */
export const STATISTIC_TOLERANCE = 1e-9;
/** p-values and CI bounds: 1e-6 relative (absolute 1e-12 near 0). */
export const P_TOLERANCE = 1e-6;

export function assertClose(
  actual: number | null | undefined,
  expectedRaw: RNumber,
  tolerance: number,
  what: string,
): void {
  const expected = fromR(expectedRaw);
  assert.equal(typeof actual, 'number', `${what}: expected a number, got ${String(actual)}`);
  assert.notEqual(expected, null, `${what}: reference value missing`);
  const a = actual as number;
  const e = expected as number;
  if (!Number.isFinite(e)) {
    assert.equal(a, e, what);
    return;
  }
  const allowed = Math.max(tolerance * Math.abs(e), tolerance === P_TOLERANCE ? 1e-12 : tolerance);
  assert.ok(Math.abs(a - e) <= allowed, `${what}: ${a} vs R ${e} (|Δ| = ${Math.abs(a - e)}, allowed ${allowed})`);
}

export function assertAllClose(
  actual: ReadonlyArray<number> | null | undefined,
  expected: ReadonlyArray<RNumber>,
  tolerance: number,
  what: string,
): void {
  assert.ok(actual, `${what}: expected values, got ${String(actual)}`);
  assert.equal(actual.length, expected.length, `${what}: length`);
  actual.forEach((value, i) => assertClose(value, expected[i] as RNumber, tolerance, `${what}[${i}]`));
}
