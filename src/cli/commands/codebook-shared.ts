import { codebookEdits, editCodebook, type Code, type CodeFields, type Study } from '../../core/index';
import type { CommandContext, OptionSpec } from '../command';
import { JSON_OPTION } from '../command';
import { openStudy } from '../study-root';
import { requireCodebook } from '../study-guards';

/** Options every `grounded codebook …` subcommand takes. */
export const CODEBOOK_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  study: {
    type: 'string',
    value: '<dir>',
    description: 'the study folder (default: the nearest folder with a grounded.yaml above the working folder)',
  },
  ...JSON_OPTION,
};

/** The study, with a codebook that loaded: every edit re-reads and rewrites it through the safe-write path. */
export async function openCodebook(context: CommandContext, studyFolder: string | undefined): Promise<Study> {
  const study = await openStudy(context, studyFolder);
  requireCodebook(study, context.out);
  return study;
}

/**
 * Updates one code's fields in the codebook file and reports the result. The edit is validated against
 * the codebook as loaded first, so a bad argument fails before the file is touched.
 */
export async function updateCode(
  context: CommandContext,
  studyFolder: string | undefined,
  id: string,
  fields: CodeFields,
  describe: (code: Code) => string,
): Promise<number> {
  const study = await openCodebook(context, studyFolder);
  codebookEdits.update(study.codebook, id, fields);
  const codebook = await editCodebook(context.fs, study.codebookUri, (current) =>
    codebookEdits.update(current, id, fields),
  );
  const code = codebook.codes.find((c) => c.id === id) as Code;
  context.out.line(`${context.out.path(study.codebookUri)}: ${describe(code)}`);
  context.out.data({ codebook: context.out.path(study.codebookUri), code });
  return 0;
}

export function describeCode(code: Code): string {
  return `"${code.name}" [${code.id}]`;
}
