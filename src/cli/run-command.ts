import { parseArgs } from 'node:util';
import {
  CodebookEditError,
  CodingRangeError,
  ConcurrentChangeError,
  FileAccessError,
  FileAccessReporting,
  fileAccessErrorFromSystem,
  FileLoadError,
  FileLockedError,
  UnknownCodeError,
} from '../core/index';
import { pathToUri } from '../node/node-file-system';
import { Arguments, HELP_OPTION, type CommandSpec, type OptionSpec } from './command';
import { CliError, EXIT_BUSY, EXIT_FILE_ACCESS, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from './errors';
import { cliFileSystem } from './file-system';
import { commandHelp, usageText } from './help';
import type { CliIo } from './io';
import { Output } from './output';

/** Parses a command's arguments, runs it, and turns every kind of failure into a message and an exit code. */
export async function runCommand(spec: CommandSpec, argv: readonly string[], io: CliIo): Promise<number> {
  let args: Arguments;
  try {
    args = parse(spec, argv);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(spec, error.message, io);
    throw error;
  }
  if (args.flag('help')) {
    io.stdout(commandHelp(spec));
    return EXIT_OK;
  }
  const out = new Output(io, args.flag('json'));
  try {
    const { min, max } = spec.positionals;
    if (args.positionals.length < min) throw new UsageError('missing argument');
    if (args.positionals.length > max) throw new UsageError(`unexpected argument "${args.positionals[max]}"`);
    return await spec.run({ io, out, fs: new FileAccessReporting(io.fileSystem ?? cliFileSystem()) }, args);
  } catch (error) {
    return reportFailure(spec, error, out, io);
  }
}

function parse(spec: CommandSpec, argv: readonly string[]): Arguments {
  const specs: (readonly [string, OptionSpec])[] = [...Object.entries(spec.options), HELP_OPTION];
  const options = Object.fromEntries(
    specs.map(([name, option]) => [
      name,
      {
        type: option.type,
        ...(option.short ? { short: option.short } : {}),
        ...(option.multiple ? { multiple: true } : {}),
      },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return new Arguments(positionals, values);
  } catch (error) {
    // parseArgs reports unknown options and missing option values with ERR_PARSE_ARGS_* codes.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message);
    throw error;
  }
}

function usageFailure(spec: CommandSpec, message: string, io: CliIo): number {
  io.stderr(`grounded ${spec.name}: ${message}\n\n${usageText(spec)}`);
  return EXIT_USAGE;
}

function reportFailure(spec: CommandSpec, error: unknown, out: Output, io: CliIo): number {
  if (error instanceof UsageError) return usageFailure(spec, error.message, io);
  if (error instanceof CliError) {
    out.error(`grounded ${spec.name}: ${error.message}${error.hint ? `\n  ${error.hint}` : ''}`);
    return error.exitCode;
  }
  if (error instanceof FileLoadError) {
    out.error(`grounded ${spec.name}: ${out.path(error.uri)} does not load, so nothing was written to it:`);
    for (const problem of error.problems) out.error(out.formatProblem(problem));
    return EXIT_PROBLEMS;
  }
  if (error instanceof CodebookEditError || error instanceof CodingRangeError || error instanceof UnknownCodeError) {
    // The arguments do not fit the study (code exists already, offsets past the end…): a usage-level error.
    out.error(`grounded ${spec.name}: ${error.message}`);
    return EXIT_USAGE;
  }
  if (error instanceof ConcurrentChangeError || error instanceof FileLockedError) {
    const message = error instanceof FileLockedError ? error.describe((uri) => out.path(uri)) : error.message;
    out.error(`grounded ${spec.name}: ${message}`);
    return EXIT_BUSY;
  }
  const refusal = error instanceof FileAccessError ? error : fileAccessErrorFromSystem(error, pathToUri);
  if (refusal) {
    out.error(`grounded ${spec.name}: ${fileAccessMessage(refusal, out)}`);
    return EXIT_FILE_ACCESS;
  }
  out.error(
    `grounded ${spec.name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return EXIT_PROBLEMS;
}

/** "could not write transcripts/P04.amara.codes.yaml: the disk is full (ENOSPC)", and what to do. */
function fileAccessMessage(error: FileAccessError, out: Output): string {
  return `${error.describe(out.path(error.uri))}\n  ${error.advice}`;
}
