import type { FileSystemPort } from '../core/index';
import type { CliIo } from './io';
import type { Output } from './output';
import { UsageError } from './errors';

/** One option of a command, as node:util parseArgs takes it, plus what `--help` says about it. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** Placeholder shown in help, e.g. "<id>". */
  readonly value?: string;
  readonly description: string;
}

export interface CommandSpec {
  /** One word, or "group sub" (e.g. "codebook add"). */
  readonly name: string;
  /** One line for the overview. */
  readonly summary: string;
  /** Synopsis lines without the leading "grounded ". */
  readonly usage: readonly string[];
  /** Paragraphs shown by --help after the synopsis. */
  readonly details?: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly positionals: { readonly min: number; readonly max: number };
  run(context: CommandContext, args: Arguments): Promise<number>;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly out: Output;
  readonly fs: FileSystemPort;
}

/** Every command takes --help; it is added by the runner and listed by the help text. */
export const HELP_OPTION: readonly [string, OptionSpec] = [
  'help',
  { type: 'boolean', short: 'h', description: 'show this help' },
];

/** `--json` is offered by every command that reports something: human text by default, JSON for scripts. */
export const JSON_OPTION: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', description: 'print the result as JSON on stdout (for scripts)' },
};

/** Parsed arguments with typed accessors, so commands don't cast parseArgs' loose value record. */
export class Arguments {
  constructor(
    readonly positionals: readonly string[],
    private readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>,
  ) {}

  string(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === 'string' ? value : undefined;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw new UsageError(`missing --${name}`);
    return value;
  }

  /** Every value of a repeatable option (`multiple: true`), in the order given; [] when absent. */
  strings(name: string): string[] {
    const value = this.values[name];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
    return typeof value === 'string' ? [value] : [];
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  /** A non-negative integer option such as --start; anything else is a usage error. */
  integer(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
      throw new UsageError(`--${name} must be a whole number ≥ 0, not "${value}"`);
    return Number(value);
  }

  positional(index: number): string | undefined {
    return this.positionals[index];
  }
}
