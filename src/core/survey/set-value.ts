import type { SurveyValue } from './types';

/**
 * Sets a column's value on a row. Column names come from user files: plain assignment of "__proto__" would
 * replace the prototype instead of adding a value, so that one name is defined as an own property.
 * (Object.fromEntries would do the same for all names, at three times the cost on wide surveys.)
 */
export function setValue(values: Record<string, SurveyValue> | undefined, name: string, value: SurveyValue): void {
  if (!values) return;
  if (name === '__proto__')
    Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
  else values[name] = value;
}
