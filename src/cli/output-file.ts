import { asFileAccessError, FileAccessError, type Study, STUDY_FILE_DESCRIPTION, studyFileAt } from '../core/index';
import { pathToUri } from '../node/node-file-system';
import type { CommandContext } from './command';
import { CliError, EXIT_BUSY } from './errors';
import { resolvePath } from './study-root';

/**
 * The URI of `output` (relative to the working folder), or a usage error (exit 2) when it is one of the
 * study's own files. Commands that change the study on the way to their output (an export storing GUIDs)
 * call it first, so a refused output leaves the study untouched.
 */
export async function refuseStudyFileAsOutput(context: CommandContext, study: Study, output: string): Promise<string> {
  const uri = pathToUri(resolvePath(context, output));
  const kind = await studyFileAt(context.fs, study, uri).catch(() => undefined);
  if (kind !== undefined)
    throw new CliError(
      `refusing to write to ${output}: it is ${STUDY_FILE_DESCRIPTION[kind]}, and output must not replace study files`,
      2,
      'choose another -o file, e.g. one outside the study folder',
    );
  return uri;
}

/**
 * Writes a command's output to `-o` (relative to the working folder): never onto one of the study's own
 * files (exit 2, nothing written), and through the file system's compare-and-swap, as study files are
 * written: a full disk leaves the old file rather than part of the new one, the file keeps its permissions, a
 * read-only one is refused, and a link keeps pointing at its file, which gets the new bytes. Text is written
 * as UTF-8; bytes (an archive) as they are.
 */
export async function writeOutputFile(
  context: CommandContext,
  study: Study,
  output: string,
  content: string | Uint8Array,
): Promise<void> {
  const uri = await refuseStudyFileAsOutput(context, study, output);
  try {
    // Where a link leads (its file gets the new bytes); undefined: nothing is there yet.
    const real = context.fs.realPath ? await context.fs.realPath(uri) : uri;
    const target = real ?? uri;
    const current =
      real !== undefined && (await context.fs.stat(target))?.type === 'file'
        ? await context.fs.readFile(target)
        : undefined;
    if (
      !(await context.fs.replaceIfUnchanged(
        target,
        current,
        typeof content === 'string' ? new TextEncoder().encode(content) : content,
      ))
    )
      throw new CliError(
        `${output} changed while it was being written; nothing was written. Run the command again.`,
        EXIT_BUSY,
      );
  } catch (error) {
    if (error instanceof CliError) throw error;
    const refusal = asFileAccessError(error, 'write', uri); // the system refused: its own message and exit code
    if (refusal instanceof FileAccessError) throw refusal;
    throw new CliError(`cannot write ${output}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  context.out.error(`wrote ${context.out.path(uri)}`);
}
