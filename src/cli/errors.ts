/** The command line was wrong (unknown flag, missing argument): exit 2 and show the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * A command could not do what was asked. `exitCode` 2 when the arguments do not fit the study (an unknown
 * code, bad offsets), 1 when the study itself stands in the way (a file that does not load, a code in use).
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
