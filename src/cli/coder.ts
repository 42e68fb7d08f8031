import { coderIdFrom } from '../core/index';
import type { CommandContext } from './command';
import { CliError } from './errors';

/**
 * Who is coding: --by, else $GROUNDED_CODER, else `git config user.name`. Turned into a coder id
 * (lowercase, file-name safe) because it ends up in the sidecar's file name.
 */
export function resolveCoder(context: CommandContext, by: string | undefined, folder: string): string {
  const name = nonEmpty(by) ?? nonEmpty(context.io.env['GROUNDED_CODER']) ?? nonEmpty(context.io.gitUserName(folder));
  if (name === undefined) {
    throw new CliError(
      'who is coding? no --by, no $GROUNDED_CODER and no git user.name',
      2,
      'pass --by <your name>, or set GROUNDED_CODER, or run `git config --global user.name "Your Name"`',
    );
  }
  return coderIdFrom(name);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
