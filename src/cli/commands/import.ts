import {
  editCodebook,
  importQdpx,
  mergeRefiCodebook,
  readQdc,
  RefiImportError,
  StudyFolderNotEmptyError,
  writeNewStudy,
  type CodebookMerge,
  type ImportSummary,
  type Skipped,
} from '../../core/index';
import { pathToUri } from '../../node/node-file-system';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { CliError, EXIT_OK } from '../errors';
import { resolvePath } from '../study-root';
import { openCodebook } from './codebook-shared';

export const importQdpxCommand: CommandSpec = {
  name: 'import qdpx',
  summary: 'create a new study from a REFI-QDA project (.qdpx from MAXQDA, NVivo, ATLAS.ti, QualCoder)',
  usage: ['import qdpx <file.qdpx> --into <dir>'],
  details: [
    'Writes transcripts/<source name>.txt (UTF-8, LF) and one sidecar per coder for each text source, codebook.yaml',
    '(hierarchy, colours, definitions, GUIDs), survey.csv from cases and variables (participant = case name),',
    'memos/*.md from notes, and grounded.yaml. <dir> must be empty or new. Everything is read and checked first:',
    'a package that is not a zip, not XML, unsafe or too large writes nothing. What could not be imported (PDF,',
    'picture, audio and video sources, sets, graphs, links, unknown elements) is listed, never dropped silently.',
  ],
  options: {
    into: { type: 'string', value: '<dir>', description: 'the folder of the new study (empty or not yet there)' },
    ...JSON_OPTION,
  },
  positionals: { min: 1, max: 1 },
  run: runImportQdpx,
};

export const importQdcCommand: CommandSpec = {
  name: 'import qdc',
  summary: "add a REFI-QDA codebook's codes (.qdc) to the study's codebook",
  usage: ['import qdc <file.qdc> [dir]'],
  details: [
    'Codes are matched by GUID, then by name (under the same parent, or anywhere when the name is unique):',
    'codes the codebook has are left untouched, the others are added under their parents with their colour,',
    'description and GUID. Prints what was added and what was skipped.',
  ],
  options: { ...JSON_OPTION },
  positionals: { min: 1, max: 2 },
  run: runImportQdc,
};

async function readInput(context: CommandContext, shown: string): Promise<Uint8Array> {
  try {
    return await context.fs.readFile(pathToUri(resolvePath(context, shown)));
  } catch {
    throw new CliError(`${shown}: no such file, or it cannot be read`, 2);
  }
}

function refusal(error: unknown): never {
  if (error instanceof RefiImportError) throw new CliError(error.message, 1, error.hint);
  throw error;
}

async function runImportQdpx(context: CommandContext, args: Arguments): Promise<number> {
  const { out } = context;
  const shown = args.positional(0) as string;
  const into = args.requiredString('into');
  const folderUri = pathToUri(resolvePath(context, into));
  const bytes = await readInput(context, shown);
  let plan: ReturnType<typeof importQdpx>;
  try {
    plan = importQdpx(bytes, shown);
  } catch (error) {
    refusal(error);
  }
  try {
    await writeNewStudy(context.fs, folderUri, plan.files);
  } catch (error) {
    if (error instanceof StudyFolderNotEmptyError)
      throw new CliError(
        `${into}: ${error.reason === 'a-file' ? 'is a file, not a folder' : 'is not empty'}; nothing was imported`,
        1,
        'give --into a new or empty folder: an import creates a new study and never mixes into existing files',
      );
    throw error;
  }
  const { summary } = plan;
  out.data({ study: out.path(folderUri), files: plan.files.map((file) => file.path), ...summary });
  out.line(`Imported ${shown}${summary.project ? ` (project "${summary.project}")` : ''} into ${out.path(folderUri)}`);
  for (const line of summaryLines(summary)) out.line(`  ${line}`);
  printSkipped(context, summary.notImported);
  if (summary.warnings.length > 0) {
    out.line(`Imported with a change (${summary.warnings.length}):`);
    for (const warning of summary.warnings) out.line(`  ${warning.where}: ${warning.message}`);
  }
  out.line('');
  out.line(`Next: cd ${out.path(folderUri)} && grounded check`);
  return EXIT_OK;
}

function summaryLines(summary: ImportSummary): string[] {
  const coders = summary.coders.length === 0 ? '' : ` by ${summary.coders.join(', ')}`;
  const orphans = summary.orphans === 0 ? '' : ` (${summary.orphans} orphaned: positions outside their source)`;
  return [
    `${summary.transcripts.length} transcript(s) in transcripts/`,
    `${summary.codings} coding(s)${coders}${orphans}`,
    `${summary.codes} code(s) in codebook.yaml`,
    summary.surveyRows === 0
      ? 'no cases with variables: no survey.csv'
      : `survey.csv: ${summary.surveyRows} participant(s) × ${summary.surveyColumns} variable(s)`,
    `${summary.memos} memo(s) in memos/`,
  ];
}

/** What was not imported, grouped by kind and reason, each name listed (a few per group, then a count). */
function printSkipped(context: CommandContext, skipped: readonly Skipped[]): void {
  if (skipped.length === 0) return;
  const groups = new Map<string, string[]>();
  for (const item of skipped) {
    const key = `${item.kind}\u0000${item.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), item.name]);
  }
  context.out.line(`Not imported (${skipped.length}):`);
  for (const [key, names] of groups) {
    const [kind, reason] = key.split('\u0000') as [string, string];
    const shown = names
      .slice(0, 5)
      .map((name) => `"${name}"`)
      .join(', ');
    const more = names.length > 5 ? ` and ${names.length - 5} more (all in --json)` : '';
    context.out.line(`  ${names.length} ${kind}${names.length === 1 ? '' : '(s)'}: ${shown}${more} — ${reason}`);
  }
}

async function runImportQdc(context: CommandContext, args: Arguments): Promise<number> {
  const { out } = context;
  const shown = args.positional(0) as string;
  const bytes = await readInput(context, shown);
  let read: ReturnType<typeof readQdc>;
  try {
    read = readQdc(bytes, shown);
  } catch (error) {
    refusal(error);
  }
  const study = await openCodebook(context, args.positional(1));
  let merge: CodebookMerge | undefined;
  await editCodebook(context.fs, study.codebookUri, (current) => {
    merge = mergeRefiCodebook(current, read.codes);
    return merge.codebook;
  });
  const { added, skipped } = merge as CodebookMerge;
  const where = out.path(study.codebookUri);
  out.data({ codebook: where, added, skipped, notImported: read.skipped });
  out.line(`${where}: added ${added.length} code(s), skipped ${skipped.length} the codebook already has`);
  for (const code of added)
    out.line(`  + "${code.name}" [${code.id}]${code.parent !== undefined ? ` under ${code.parent}` : ''}`);
  for (const code of skipped)
    out.line(`  = "${code.name}" is [${code.existing}] already (same ${code.how}); left as it is`);
  printSkipped(context, read.skipped);
  return EXIT_OK;
}
