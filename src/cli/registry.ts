import type { CommandSpec } from './command';
import { initCommand } from './commands/init';
import { codeCommand } from './commands/code';
import { markCommand } from './commands/mark';
import { codesCommand } from './commands/codes';
import { codebookCommands } from './commands/codebook';
import { retrieveCommand } from './commands/retrieve';
import { similarCommand } from './commands/similar';
import { statusCommand } from './commands/status';
import { checkCommand } from './commands/check';
import { reportCommand } from './commands/report';
import { statsCommand } from './commands/stats';
import { exportMatrixCommand } from './commands/export';
import { exportNetworkCommand } from './commands/export-network';
import { exportQdcCommand, exportQdpxCommand } from './commands/export-refi';
import { exportRCommand } from './commands/export-r';
import { agreeCommand } from './commands/agree';
import { consensusSeedCommand } from './commands/consensus';
import { importQdcCommand, importQdpxCommand } from './commands/import';
import { importTranscriptCommand } from './commands/import-transcript';

/**
 * Every command, in the order the overview lists them. A new command (report, stats, export…) is one
 * file in commands/ and one entry here; names of two words form a group (`grounded codebook add`).
 */
export const COMMANDS: readonly CommandSpec[] = [
  initCommand,
  codeCommand,
  markCommand,
  codesCommand,
  ...codebookCommands,
  retrieveCommand,
  similarCommand,
  statusCommand,
  checkCommand,
  reportCommand,
  statsCommand,
  agreeCommand,
  consensusSeedCommand,
  exportMatrixCommand,
  exportNetworkCommand,
  exportQdpxCommand,
  exportQdcCommand,
  exportRCommand,
  importQdpxCommand,
  importQdcCommand,
  importTranscriptCommand,
];

/** The command named by the start of argv (two-word names first) and the arguments after its name. */
export function findCommand(argv: readonly string[]): { spec: CommandSpec; rest: readonly string[] } | undefined {
  const [first, second] = argv;
  const byTwo = second === undefined ? undefined : COMMANDS.find((c) => c.name === `${first} ${second}`);
  if (byTwo) return { spec: byTwo, rest: argv.slice(2) };
  const byOne = COMMANDS.find((c) => c.name === first);
  return byOne ? { spec: byOne, rest: argv.slice(1) } : undefined;
}

export function isGroup(word: string): boolean {
  return COMMANDS.some((c) => c.name.startsWith(word + ' '));
}
