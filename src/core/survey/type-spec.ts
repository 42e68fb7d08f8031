import { VARIABLE_TYPES, type VariableType } from './types';

/**
 * A column type declared in settings (`survey.types`). Besides the plain type names, an ordinal scale can
 * be declared exactly: `ordinal:1-5` (integers 1..5, even if nobody answered 5) or `ordinal:Low|Medium|High`
 * (labels in order, valued 1..3) — inference only ever sees the answers that occur.
 */
export interface TypeSpec {
  readonly type: VariableType;
  readonly range?: { readonly min: number; readonly max: number };
  readonly labels?: readonly string[];
}

const RANGE = /^ordinal\s*:\s*(-?\d+)\s*(?:-|\.\.)\s*(-?\d+)$/;

/** The spec, or undefined when the string is not one (the caller warns and infers instead). */
export function parseTypeSpec(spec: string): TypeSpec | undefined {
  const trimmed = spec.trim();
  if ((VARIABLE_TYPES as readonly string[]).includes(trimmed)) return { type: trimmed as VariableType };
  const range = RANGE.exec(trimmed);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    return min < max ? { type: 'ordinal', range: { min, max } } : undefined;
  }
  if (trimmed.startsWith('ordinal:')) {
    const labels = trimmed
      .slice('ordinal:'.length)
      .split('|')
      .map((label) => label.trim());
    const distinct = new Set(labels.map((label) => label.toLowerCase()));
    if (labels.length >= 2 && labels.every((label) => label !== '') && distinct.size === labels.length) {
      return { type: 'ordinal', labels };
    }
  }
  return undefined;
}
