import type { CategoricalValue, NumericValue } from './types';

/** True for the values a survey blank turns into. NaN counts as missing, as in R's is.na. */
export function isMissingNumber(value: NumericValue): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

export function isMissingLabel(value: CategoricalValue): value is null | undefined {
  return value === null || value === undefined || value === '';
}

/** Present values and the count of the missing ones; infinite values are kept (R keeps them too). */
export function splitNumbers(values: ReadonlyArray<NumericValue>): { values: readonly number[]; missing: number } {
  // Most inputs have no missing value: then they are the present values (nobody writes to either).
  if (!values.some(isMissingNumber)) return { values: values as readonly number[], missing: 0 };
  const present: number[] = [];
  let missing = 0;
  for (const value of values) {
    if (isMissingNumber(value)) missing++;
    else present.push(value);
  }
  return { values: present, missing };
}
