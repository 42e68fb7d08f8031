/** The command line was wrong (unknown flag, missing argument): exit 2 and show the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * A command could not do what was asked. `exitCode` 2 when the arguments do not fit the study (an unknown
 * code, bad offsets), 1 when the study itself stands in the way (a file that does not load, a code in use),
 * 3 when that is because the system would not let a file be read.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3 | 4,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
/** The system refused to read or write a file (permissions, a full disk, a read-only drive…). */
export const EXIT_FILE_ACCESS = 3 as const;
/**
 * Another Grounded process (a terminal, the extension, a second window) kept the file locked for longer than a
 * command waits, or the file kept changing under us: nothing was written, and running the command again is
 * the remedy.
 */
export const EXIT_BUSY = 4 as const;
