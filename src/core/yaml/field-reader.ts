import { problem, type Problem } from '../problems';
import type { YamlFile } from './safe-parse';

type Path = readonly (string | number)[];

/**
 * Reads typed fields out of parsed YAML and records a Problem (with line and column) for every field
 * that is missing, of the wrong type or unknown. Unknown keys are errors, not warnings: Grounded rewrites
 * its files, and a key it does not know would be lost on the next write.
 */
export class FieldReader {
  readonly problems: Problem[] = [];

  constructor(readonly file: YamlFile) {}

  error(path: Path, kind: string, message: string, hint?: string, at: 'value' | 'key' = 'value'): void {
    const { line, column } = at === 'key' ? this.file.keyPositionOf(path) : this.file.positionOf(path);
    this.problems.push(problem(this.file.uri, line, column, kind, message, hint));
  }

  /** The object at `path`, or undefined (with a problem) when it is something else. */
  object(value: unknown, path: Path, allowedKeys: readonly string[]): Record<string, unknown> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.error(path, 'schema', `${describe(path)} must be a mapping (key: value lines)`);
      return undefined;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!allowedKeys.includes(key)) {
        this.error(
          [...path, key],
          'unknown-key',
          `unknown key "${key}" in ${describe(path)}`,
          `Grounded would drop it on the next write; known keys: ${allowedKeys.join(', ')}`,
          'key',
        );
      }
    }
    return record;
  }

  array(record: Record<string, unknown>, key: string, path: Path): unknown[] {
    const value = record[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.error([...path, key], 'schema', `"${key}" must be a list`);
      return [];
    }
    return value;
  }

  requiredString(
    record: Record<string, unknown>,
    key: string,
    path: Path,
    pattern?: RegExp,
    patternHint?: string,
  ): string {
    const value = record[key];
    if (typeof value !== 'string' || value === '') {
      this.error(
        value === undefined ? path : [...path, key],
        'schema',
        value === undefined ? `missing "${key}" in ${describe(path)}` : `"${key}" must be a non-empty string`,
      );
      return '';
    }
    if (pattern && !pattern.test(value))
      this.error([...path, key], 'schema', `"${key}" is "${value}": ${patternHint ?? `must match ${pattern}`}`);
    return value;
  }

  optionalString(
    record: Record<string, unknown>,
    key: string,
    path: Path,
    pattern?: RegExp,
    patternHint?: string,
  ): string | undefined {
    const value = record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.error([...path, key], 'schema', `"${key}" must be a string (quote it)`);
      return undefined;
    }
    if (pattern && !pattern.test(value))
      this.error([...path, key], 'schema', `"${key}" is "${value}": ${patternHint ?? `must match ${pattern}`}`);
    return value;
  }

  /** A string that may be empty (prefix/suffix at the ends of a text). Missing counts as empty. */
  text(record: Record<string, unknown>, key: string, path: Path): string {
    const value = record[key];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') {
      this.error([...path, key], 'schema', `"${key}" must be a string (quote it)`);
      return '';
    }
    return value;
  }

  nonNegativeInteger(record: Record<string, unknown>, key: string, path: Path): number {
    const value = record[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      this.error(
        value === undefined ? path : [...path, key],
        'schema',
        value === undefined
          ? `missing "${key}" in ${describe(path)}`
          : `"${key}" must be a whole number ≥ 0, not ${JSON.stringify(value)}`,
      );
      return 0;
    }
    return value;
  }

  stringList(record: Record<string, unknown>, key: string, path: Path): string[] {
    const items = this.array(record, key, path);
    return items.filter((item, index) => {
      if (typeof item === 'string') return true;
      this.error([...path, key, index], 'schema', `"${key}" must list strings (quote ${JSON.stringify(item)})`);
      return false;
    }) as string[];
  }

  /** Checks the `grounded: 1` format version every Grounded file starts with. */
  version(record: Record<string, unknown>, supported: number): void {
    const value = record['grounded'];
    if (value === undefined) {
      this.error([], 'schema', 'missing "grounded: 1" (the format version)', 'add the line "grounded: 1" at the top');
    } else if (value !== supported) {
      this.error(
        ['grounded'],
        'version',
        `format version ${JSON.stringify(value)} is not supported (this Grounded reads version ${supported})`,
        'update Grounded, or check the file was written by Grounded',
      );
    }
  }
}

function describe(path: Path): string {
  if (path.length === 0) return 'the file';
  return path
    .map((part) => (typeof part === 'number' ? `[${part + 1}]` : part))
    .join('.')
    .replace(/\.\[/g, '[');
}
