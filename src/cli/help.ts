import { HELP_OPTION, type CommandSpec, type OptionSpec } from './command';

/** Full help of one command: synopsis, details, options. */
export function commandHelp(spec: CommandSpec): string {
  const lines = [`${spec.summary}`, '', 'Usage:', ...spec.usage.map((line) => `  grounded ${line}`)];
  if (spec.details && spec.details.length > 0) lines.push('', ...spec.details);
  const options: (readonly [string, OptionSpec])[] = [...Object.entries(spec.options), HELP_OPTION];
  lines.push('', 'Options:');
  const labels = options.map(([name, option]) => optionLabel(name, option));
  const width = Math.max(...labels.map((label) => label.length));
  options.forEach(([, option], index) =>
    lines.push(`  ${(labels[index] as string).padEnd(width)}  ${option.description}`),
  );
  return lines.join('\n') + '\n';
}

/** Just the synopsis, printed under a usage error. */
export function usageText(spec: CommandSpec): string {
  return (
    [
      'Usage:',
      ...spec.usage.map((line) => `  grounded ${line}`),
      `Run \`grounded ${spec.name} --help\` for the options.`,
    ].join('\n') + '\n'
  );
}

/** The overview: every command (groups listed by their subcommands) with its summary. */
export function overviewHelp(commands: readonly CommandSpec[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return (
    [
      `grounded ${version} — grounded-theory coding of interview transcripts, from the command line.`,
      '',
      'Usage: grounded <command> [options]',
      '',
      'Commands:',
      ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
      '',
      "Run `grounded <command> --help` for a command's options.",
      'Exit codes: 0 ok, 1 problems found, 2 usage error, 3 a file could not be read or written',
      '(no permission, disk full, read-only drive…; the message names the file), 4 another Grounded process',
      'kept a file busy for too long (nothing written; run the command again).',
    ].join('\n') + '\n'
  );
}

/** Help of a command group such as `grounded codebook`. */
export function groupHelp(group: string, commands: readonly CommandSpec[]): string {
  const members = commands.filter((c) => c.name.startsWith(group + ' '));
  const width = Math.max(...members.map((c) => c.name.length));
  return (
    [
      `Usage: grounded ${group} <subcommand> [options]`,
      '',
      'Subcommands:',
      ...members.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
      '',
      `Run \`grounded ${group} <subcommand> --help\` for its options.`,
    ].join('\n') + '\n'
  );
}

function optionLabel(name: string, option: OptionSpec): string {
  const short = option.short ? `-${option.short}, ` : '';
  const value = option.type === 'string' ? ` ${option.value ?? '<value>'}` : '';
  return `${short}--${name}${value}`;
}
