import { version } from '../../package.json';
import { EXIT_OK, EXIT_USAGE } from './errors';
import { groupHelp, overviewHelp } from './help';
import { processIo, type CliIo } from './io';
import { COMMANDS, findCommand, isGroup } from './registry';
import { runCommand } from './run-command';

/**
 * The `grounded` command line. Returns the exit code: 0 ok, 1 problems found, 2 usage error, 3 a file could
 * not be read or written, 4 a file stayed busy (locked by another Grounded process, or changing on every try).
 * `io` defaults to the real process; tests pass their own to capture output.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [first, second] = argv;
  if (first === undefined) {
    io.stderr(overviewHelp(COMMANDS, version));
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(overviewHelp(COMMANDS, version));
    return EXIT_OK;
  }
  if (first === '--version' || first === '-V') {
    io.stdout(version + '\n');
    return EXIT_OK;
  }
  if (first === 'help') return main(second === undefined ? ['--help'] : [...argv.slice(1), '--help'], io);

  const found = findCommand(argv);
  if (found) return runCommand(found.spec, found.rest, io);

  if (isGroup(first)) {
    if (second === '--help' || second === '-h') {
      io.stdout(groupHelp(first, COMMANDS));
      return EXIT_OK;
    }
    io.stderr(
      `grounded ${first}: ${second === undefined ? 'missing subcommand' : `unknown subcommand "${second}"`}\n\n${groupHelp(first, COMMANDS)}`,
    );
    return EXIT_USAGE;
  }
  const suggestion = COMMANDS.map((c) => c.name.split(' ')[0] as string).find((name) =>
    name.startsWith(first.slice(0, 3)),
  );
  io.stderr(
    `grounded: unknown command "${first}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}\n\n${overviewHelp(COMMANDS, version)}`,
  );
  return EXIT_USAGE;
}
