/**
 * Reading what a command handler was given. A command runs from four places, each passing something else:
 * a script or test (`executeCommand(id, { study, id, … })`, an arguments object), a view's item menu (the
 * tree item, an object with `kind`), an explorer or editor menu (the resource, a Uri), or a palette entry
 * (nothing). One reader for all of them, so no handler casts its argument.
 *
 * Free of `vscode` so it is unit-tested in plain Node: what counts as a resource is passed in (see
 * `commandArgs` in register-command.ts).
 */

/** A script passed an argument of the wrong type: the message names the argument and what it must be. */
export class CommandArgumentError extends Error {
  constructor(key: string, expected: string, value: unknown) {
    super(`The command argument "${key}" must be ${expected}, not ${describe(value)}.`);
    this.name = 'CommandArgumentError';
  }
}

export class CommandArgs<Resource> {
  private readonly record: Readonly<Record<string, unknown>> | undefined;

  constructor(
    private readonly value: unknown,
    private readonly isResource: (value: unknown) => value is Resource,
  ) {
    this.record =
      typeof value === 'object' && value !== null && !isResource(value)
        ? (value as Record<string, unknown>)
        : undefined;
  }

  /** Whether the argument is an object other than a resource: a script's arguments or a view item. */
  get isObject(): boolean {
    return this.record !== undefined;
  }

  /** An arguments object from a script (an object that is neither a resource nor a view item). */
  get fromScript(): boolean {
    return this.record !== undefined && !('kind' in this.record);
  }

  /** The view item a menu passed, when it is of this kind (`{ kind: 'code', … }`). */
  viewItem(kind: string): Readonly<Record<string, unknown>> | undefined {
    return this.record?.kind === kind ? this.record : undefined;
  }

  /** Whether a script's arguments object has this key (even with an undefined or null value). */
  has(key: string): boolean {
    return this.record !== undefined && key in this.record;
  }

  /** A string argument; undefined when absent. */
  string(key: string): string | undefined {
    return this.read(key, 'a string', (v): v is string => typeof v === 'string');
  }

  /** A number argument; undefined when absent. */
  number(key: string): number | undefined {
    return this.read(key, 'a number', (v): v is number => typeof v === 'number');
  }

  /** A boolean argument; undefined when absent. */
  boolean(key: string): boolean | undefined {
    return this.read(key, 'true or false', (v): v is boolean => typeof v === 'boolean');
  }

  /** A list of strings; undefined when absent. */
  strings(key: string): readonly string[] | undefined {
    return this.read(
      key,
      'a list of strings',
      (v): v is string[] => Array.isArray(v) && v.every((item) => typeof item === 'string'),
    );
  }

  /** One of a few words (`to: 'sentence'`); undefined when absent. */
  oneOf<const T extends string>(key: string, words: readonly T[]): T | undefined {
    return this.read(key, `one of ${words.map((w) => `"${w}"`).join(', ')}`, (v): v is T => words.includes(v as T));
  }

  /** A code-point range `{ start, end }`; undefined when absent. */
  span(key: string): Span | undefined {
    return this.read(key, 'a range { start, end } of whole numbers', isSpan);
  }

  /** A list of code-point ranges; undefined when absent. */
  spans(key: string): readonly Span[] | undefined {
    return this.read(
      key,
      'a list of ranges { start, end } of whole numbers',
      (v): v is Span[] => Array.isArray(v) && v.every(isSpan),
    );
  }

  /** An argument whose shape the handler's own code checks (ranges, `null` meaning "clear"). */
  unknown(key: string): unknown {
    return this.record?.[key];
  }

  /**
   * The code a command is about: a bare string argument, `codeId` (a coding's item), or `id` (a code's
   * item, or a script's `{ id }`).
   */
  codeId(): string | undefined {
    if (typeof this.value === 'string') return this.value;
    return this.string('codeId') ?? this.string('id');
  }

  /** The study a command is about: `study` (any file or folder of it, as a URI or path). */
  study(): string | undefined {
    return this.string('study');
  }

  /**
   * The file or folder a command is about: the resource a menu passed, or a script's `key` (a resource or a
   * URI string).
   */
  uri(key = 'uri'): Resource | string | undefined {
    if (this.isResource(this.value)) return this.value;
    const uri = this.record?.[key];
    if (uri === undefined || typeof uri === 'string' || this.isResource(uri)) return uri;
    return this.fromScript ? this.fail(key, 'a URI or a string', uri) : undefined;
  }

  /** The resource a menu passed (an explorer or editor-title menu), if any. */
  resource(): Resource | undefined {
    return this.isResource(this.value) ? this.value : undefined;
  }

  private read<T>(key: string, expected: string, is: (value: unknown) => value is T): T | undefined {
    const value = this.record?.[key];
    if (value === undefined || is(value)) return value;
    // A view item is ours and may carry other fields under the same name: only a script's mistake is an error.
    return this.fromScript ? this.fail(key, expected, value) : undefined;
  }

  private fail(key: string, expected: string, value: unknown): never {
    throw new CommandArgumentError(key, expected, value);
  }
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

function isSpan(value: unknown): value is Span {
  if (typeof value !== 'object' || value === null) return false;
  const { start, end } = value as Partial<Record<'start' | 'end', unknown>>;
  return Number.isInteger(start) && Number.isInteger(end);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
