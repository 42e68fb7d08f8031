import { asFileAccessError, FileAccessError, type Study, STUDY_FILE_DESCRIPTION, studyFileAt } from '../core/index';
import { writeFileAtomically } from '../node/atomic-write';
import { pathToUri } from '../node/node-file-system';
import type { CommandContext } from './command';
import { CliError } from './errors';
import { resolvePath } from './study-root';

/**
 * Writes a command's output to `-o` (relative to the working folder): never onto one of the study's own
 * files (exit 2, nothing written), and atomically, so a full disk leaves the old file rather than part of
 * the new one.
 */
export async function writeOutputFile(
  context: CommandContext,
  study: Study,
  output: string,
  text: string,
): Promise<void> {
  const path = resolvePath(context, output);
  const uri = pathToUri(path);
  const kind = await studyFileAt(context.fs, study, uri).catch(() => undefined);
  if (kind !== undefined)
    throw new CliError(
      `refusing to write to ${output}: it is ${STUDY_FILE_DESCRIPTION[kind]}, and output must not replace study files`,
      2,
      'choose another -o file, e.g. one outside the study folder',
    );
  try {
    await writeFileAtomically(path, new TextEncoder().encode(text));
  } catch (error) {
    const refusal = asFileAccessError(error, 'write', uri); // the system refused: its own message and exit code
    if (refusal instanceof FileAccessError) throw refusal;
    throw new CliError(`cannot write ${output}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  context.out.error(`wrote ${context.out.path(uri)}`);
}
