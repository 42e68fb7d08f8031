/**
 * Recognisers for single cells. Strict on purpose: a cell is read as a number, date or yes/no only when
 * its text leaves no doubt, so nothing is silently recoded.
 */

/** Decimal point numbers. No exponents, thousands separators or leading zeros ("01234" is a code, not 1234). */
const POINT_NUMBER = /^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?$/;
/** Decimal comma numbers, as Excel writes them where the list separator is ';'. */
const COMMA_NUMBER = /^[+-]?(?:0|[1-9]\d*)(?:,\d+)?$/;

export type DecimalMark = '.' | ',';

/**
 * The decimal mark of a column's cells. A comma is only a decimal mark in ';' files, and only when some cell
 * uses it; then a '.' cell is ambiguous ("1.234" is 1234 in German) and does not parse.
 */
export function decimalMarkOf(cells: readonly string[], delimiter: string): DecimalMark {
  return delimiter === ';' && cells.some((cell) => cell.includes(',') && COMMA_NUMBER.test(cell)) ? ',' : '.';
}

/**
 * The number a cell spells, or undefined. Integers beyond 2^53 are refused: they would silently lose digits
 * (they are identifiers anyway). "-0" reads as 0.
 */
export function parseNumber(cell: string, mark: DecimalMark): number | undefined {
  const valid = mark === ',' ? COMMA_NUMBER.test(cell) : POINT_NUMBER.test(cell);
  if (!valid) return undefined;
  const n = Number(mark === ',' ? cell.replace(',', '.') : cell);
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return undefined;
  return n === 0 ? 0 : n;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 dates (`2024-03-05`) and date-times (`2024-03-05T14:22`, `2024-03-05 14:22:10`, with zone), real dates only. */
export function isIsoDate(cell: string): boolean {
  const match = ISO_DATE.exec(cell);
  if (!match) return false;
  const [year, month, day, hour = '0', minute = '0', second = '0'] = match.slice(1).map((part) => part ?? '0');
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60
  );
}

const YES = new Set(['yes', 'y', 'true']);
const NO = new Set(['no', 'n', 'false']);

/**
 * yes/no, y/n, true/false in any case. 1/0 only when `allowDigits` (a column declared yes-no): inferred,
 * a 0/1 column stays numeric, whose mean is already the share of ones.
 */
export function parseYesNo(cell: string, allowDigits: boolean): boolean | undefined {
  const lower = cell.toLowerCase();
  if (YES.has(lower) || (allowDigits && lower === '1')) return true;
  if (NO.has(lower) || (allowDigits && lower === '0')) return false;
  return undefined;
}
