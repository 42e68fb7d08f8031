import { findLikertScale, LIKERT_SCALES, likertLabels, likertPosition, type LikertScale } from './likert';
import type { TypeSpec } from './type-spec';
import type { OrdinalScale, SurveyValue, VariableType } from './types';
import { decimalMarkOf, isIsoDate, parseNumber, parseYesNo, type DecimalMark } from './values';

/** Inferred categorical columns have at most this many levels, and at most one per two answers. */
export const MAX_INFERRED_LEVELS = 20;
/** Inferred ordinal: integers within this range with at least MIN_ORDINAL_DISTINCT distinct answers. */
const ORDINAL_RANGE = { min: 0, max: 10 };
const MIN_ORDINAL_DISTINCT = 3;

/**
 * A column's non-missing cells typed. `values[i]` types `cells[i]`; `invalid` lists the indices of cells
 * that did not fit (only a declared type can have any: inference picks a type every cell fits).
 */
export interface TypedCells {
  readonly type: VariableType;
  readonly scale?: OrdinalScale;
  readonly levels?: readonly string[];
  readonly values: readonly SurveyValue[];
  readonly invalid: readonly number[];
}

/** Types trimmed, non-missing cells: by the declared spec when there is one, else by inference. */
export function typeCells(cells: readonly string[], delimiter: string, spec: TypeSpec | undefined): TypedCells {
  const mark = decimalMarkOf(cells, delimiter);
  return spec ? declared(cells, mark, spec) : inferred(cells, mark);
}

function inferred(cells: readonly string[], mark: DecimalMark): TypedCells {
  if (cells.length === 0) return text(cells);
  if (cells.every((cell) => parseYesNo(cell, false) !== undefined)) return yesNo(cells, false);
  if (cells.every(isIsoDate)) return date(cells);
  const numbers = cells.map((cell) => parseNumber(cell, mark));
  if (numbers.every((n) => n !== undefined)) return numbersInferred(numbers as number[]);
  const likert = findLikertScale(cells);
  if (likert) return ordinalLabels(cells, likertLabels(likert), likert);
  return stringKind(cells) === 'categorical' ? categorical(cells) : text(cells);
}

/**
 * A column whose every answer inference has already read as a number: those numbers are its values, as
 * numeric() and ordinalIntegers() would read them again (every cell fits, and an inferred ordinal column is
 * integers only). Parsed once: a big survey has 20 such columns of 5,000 answers.
 */
function numbersInferred(numbers: number[]): TypedCells {
  if (numberKind(numbers) === 'numeric') return { type: 'numeric', values: numbers, invalid: [] };
  const scale = observedRange(numbers);
  return { type: 'ordinal', scale: { min: scale.min, max: scale.max }, values: numbers, invalid: [] };
}

/** Inferred type of a column whose answers are all numbers. Exported for merging files. */
export function numberKind(numbers: readonly number[]): 'ordinal' | 'numeric' {
  const likertLike = numbers.every((n) => Number.isInteger(n) && n >= ORDINAL_RANGE.min && n <= ORDINAL_RANGE.max);
  return likertLike && new Set(numbers).size >= MIN_ORDINAL_DISTINCT ? 'ordinal' : 'numeric';
}

/** Inferred type of a column of labels that are no numbers, dates, yes/no or Likert. Exported for merging files. */
export function stringKind(cells: readonly string[]): 'categorical' | 'text' {
  const distinct = new Set(cells).size;
  const fewLevels = distinct <= MAX_INFERRED_LEVELS && distinct * 2 <= cells.length;
  return fewLevels && !cells.some((cell) => cell.includes('\n')) ? 'categorical' : 'text';
}

/** min..max of the answers (0..0 when there are none); a loop, not Math.min(...xs), which overflows the stack on big columns. */
export function observedRange(numbers: readonly number[]): { min: number; max: number } {
  if (numbers.length === 0) return { min: 0, max: 0 };
  let min = Infinity;
  let max = -Infinity;
  for (const n of numbers) {
    if (n < min) min = n;
    if (n > max) max = n;
  }
  return { min, max };
}

/** Distinct labels in code-unit order: the same on every machine and whatever the order of the rows. */
export function sortedLevels(cells: Iterable<string>): string[] {
  return [...new Set(cells)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function declared(cells: readonly string[], mark: DecimalMark, spec: TypeSpec): TypedCells {
  switch (spec.type) {
    case 'numeric':
      return numeric(cells, mark);
    case 'ordinal':
      if (spec.range) return ordinalIntegers(cells, mark, spec.range);
      if (spec.labels) return ordinalLabels(cells, spec.labels, undefined);
      return ordinalAny(cells, mark);
    case 'yes-no':
      return yesNo(cells, true);
    case 'date':
      return date(cells);
    case 'categorical':
      return categorical(cells);
    case 'text':
      return text(cells);
  }
}

/** Runs `read` over every cell; undefined results become null and are listed as invalid. */
function readAll(cells: readonly string[], read: (cell: string) => SurveyValue | undefined) {
  const invalid: number[] = [];
  const values = cells.map((cell, index) => {
    const value = read(cell);
    if (value === undefined) invalid.push(index);
    return value ?? null;
  });
  return { values, invalid };
}

function numeric(cells: readonly string[], mark: DecimalMark): TypedCells {
  return { type: 'numeric', ...readAll(cells, (cell) => parseNumber(cell, mark)) };
}

/** Integer answers; the scale is the declared range, or else the answers' own min..max. */
function ordinalIntegers(
  cells: readonly string[],
  mark: DecimalMark,
  range: { min: number; max: number } | undefined,
): TypedCells {
  const { values, invalid } = readAll(cells, (cell) => {
    const n = parseNumber(cell, mark);
    const fits = n !== undefined && Number.isInteger(n) && (!range || (n >= range.min && n <= range.max));
    return fits ? n : undefined;
  });
  const present = values.filter((v): v is number => typeof v === 'number');
  const scale = range ?? observedRange(present);
  return { type: 'ordinal', scale: { min: scale.min, max: scale.max }, values, invalid };
}

/** Labels in order, valued 1..k; a cell matches a label ignoring case (a Likert scale also accepts its alternative spellings). */
function ordinalLabels(
  cells: readonly string[],
  labels: readonly string[],
  likert: LikertScale | undefined,
): TypedCells {
  const position = (cell: string): number | undefined => {
    if (likert) return likertPosition(likert, cell);
    const index = labels.findIndex((label) => label.toLowerCase() === cell.toLowerCase());
    return index < 0 ? undefined : index;
  };
  const { values, invalid } = readAll(cells, (cell) => {
    const index = position(cell);
    return index === undefined ? undefined : index + 1;
  });
  return { type: 'ordinal', scale: { min: 1, max: labels.length, labels: [...labels] }, values, invalid };
}

/** Declared `ordinal` without a scale: integers if every answer is one, else the Likert scale most answers fit. */
function ordinalAny(cells: readonly string[], mark: DecimalMark): TypedCells {
  const integers = cells.filter((cell) => Number.isInteger(parseNumber(cell, mark))).length;
  let best: LikertScale | undefined;
  let bestCount = 0;
  for (const scale of LIKERT_SCALES) {
    const count = cells.filter((cell) => likertPosition(scale, cell) !== undefined).length;
    if (count > bestCount) {
      best = scale;
      bestCount = count;
    }
  }
  return best && bestCount > integers
    ? ordinalLabels(cells, likertLabels(best), best)
    : ordinalIntegers(cells, mark, undefined);
}

function yesNo(cells: readonly string[], allowDigits: boolean): TypedCells {
  const { values, invalid } = readAll(cells, (cell) => parseYesNo(cell, allowDigits));
  const firstSpelling = (wanted: boolean) => cells.find((_, index) => values[index] === wanted);
  return { type: 'yes-no', levels: [firstSpelling(false) ?? 'no', firstSpelling(true) ?? 'yes'], values, invalid };
}

function date(cells: readonly string[]): TypedCells {
  return { type: 'date', ...readAll(cells, (cell) => (isIsoDate(cell) ? cell : undefined)) };
}

/**
 * Each answer is its level's first cell: the same string object for the same label, as the levels are (what
 * sortedLevels keeps). The report then groups and counts thousands of answers by label (5,000 rows × every
 * column in a big study) and a map finds the same object at once, where each cell's own copy is compared
 * character by character.
 */
function categorical(cells: readonly string[]): TypedCells {
  const firstOf = new Map<string, string>();
  const values: string[] = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    let first = firstOf.get(cell);
    if (first === undefined) firstOf.set(cell, (first = cell));
    values[i] = first;
  }
  return { type: 'categorical', levels: sortedLevels(firstOf.values()), values, invalid: [] };
}

function text(cells: readonly string[]): TypedCells {
  return { type: 'text', values: [...cells], invalid: [] };
}
