import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  addCodings,
  codebookEdits,
  editCodebook,
  findMatches,
  loadStudy,
  type Study,
  type StudyTranscript,
} from '../../core/index';
import { pathToUri } from '../../node/node-file-system';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { resolveCoder } from '../coder';
import { codingRows, oneLineQuote, type CodingRow } from '../coding-rows';
import { CliError, EXIT_OK, UsageError } from '../errors';
import { findStudyRoot, resolvePath } from '../study-root';
import { requireCodebook } from '../study-guards';

export const codeCommand: CommandSpec = {
  name: 'code',
  summary: 'code a passage (by offsets) or every match of a regular expression',
  usage: [
    'code <transcript> --code <id> --start <n> --end <n> [--by <coder>] [--memo <text>]',
    'code <transcript>... --code <id> --match <regex> [--ignore-case] [--by <coder>] [--memo <text>]',
  ],
  details: [
    'Offsets are Unicode code points of the transcript text (line ends counted as one "\\n"), end exclusive.',
    "The study is the nearest folder above the transcript with a grounded.yaml (else the transcript's folder).",
    'The coder is --by, else $GROUNDED_CODER, else `git config user.name`; the codings go to',
    '<transcript>.<coder>.codes.yaml next to the transcript. Coding the same range with the same code twice adds nothing.',
  ],
  options: {
    code: { type: 'string', value: '<id>', description: 'code id from the codebook (required)' },
    start: { type: 'string', value: '<n>', description: 'first code point of the passage' },
    end: { type: 'string', value: '<n>', description: 'code point after the passage' },
    match: { type: 'string', value: '<regex>', description: 'code every match of this JavaScript regular expression' },
    'ignore-case': { type: 'boolean', short: 'i', description: 'with --match: ignore case' },
    by: {
      type: 'string',
      value: '<coder>',
      description: 'who is coding (default $GROUNDED_CODER, then git user.name)',
    },
    memo: { type: 'string', value: '<text>', description: 'a memo on each new coding' },
    create: { type: 'boolean', description: 'add the code to the codebook if it is not there yet' },
    ...JSON_OPTION,
  },
  positionals: { min: 1, max: Infinity },
  run: runCode,
};

type Target = { readonly match: RegExp } | { readonly start: number; readonly end: number };

async function runCode(context: CommandContext, args: Arguments): Promise<number> {
  const { out } = context;
  const codeId = args.requiredString('code');
  const target = targetOf(args);
  const paths = args.positionals.map((path) => {
    const absolute = resolvePath(context, path);
    if (!isFile(absolute)) throw new CliError(`${path}: no such transcript`, 2);
    return absolute;
  });
  const coder = resolveCoder(context, args.string('by'), dirname(paths[0] as string));
  const memo = args.string('memo');

  // Every transcript is resolved (and the code checked) before anything is written, so a typo in the
  // third file name does not leave the first two coded.
  const studies = new Map<string, Study>();
  const transcripts: { transcript: StudyTranscript; study: Study }[] = [];
  for (const path of paths) {
    const root = findStudyRoot(dirname(path));
    let study = studies.get(root);
    if (!study) studies.set(root, (study = await loadStudy(context.fs, pathToUri(root))));
    transcripts.push({ transcript: transcriptOf(context, study, path), study });
  }
  for (const study of studies.values()) await ensureCode(context, study, codeId, args.flag('create'));

  const rows: CodingRow[] = [];
  for (const { transcript, study } of transcripts) {
    const ranges = 'match' in target ? findMatches(transcript.text, target.match) : [target];
    const added =
      ranges.length === 0
        ? []
        : await addCodings(
            context.fs,
            transcript,
            coder,
            ranges.map(({ start, end }) => ({ code: codeId, start, end, ...(memo ? { memo } : {}) })),
            undefined,
            { codebookUri: study.codebookUri },
          );
    const made = codingRows(transcript, added);
    rows.push(...made);
    report(context, transcript, ranges.length, made);
  }
  out.data(rows);
  return EXIT_OK;
}

/** --start/--end or --match, exactly one of them; several transcripts only with --match. */
function targetOf(args: Arguments): Target {
  const start = args.integer('start');
  const end = args.integer('end');
  const pattern = args.string('match');
  if (pattern !== undefined) {
    if (start !== undefined || end !== undefined)
      throw new UsageError('give either --match or --start/--end, not both');
    try {
      return { match: new RegExp(pattern, args.flag('ignore-case') ? 'iu' : 'u') };
    } catch (error) {
      throw new CliError(`--match: ${(error as Error).message}`, 2);
    }
  }
  if (start === undefined || end === undefined) throw new UsageError('give --start and --end, or --match');
  if (args.positionals.length > 1)
    throw new UsageError('--start/--end code one transcript; use --match to code several');
  if (args.flag('ignore-case')) throw new UsageError('--ignore-case goes with --match');
  return { start, end };
}

async function ensureCode(context: CommandContext, study: Study, codeId: string, create: boolean): Promise<void> {
  requireCodebook(study, context.out);
  if (study.codebook.codes.some((code) => code.id === codeId)) return;
  const where = context.out.path(study.codebookUri);
  if (!create) {
    const similar = study.codebook.codes
      .filter(
        (code) =>
          code.id.includes(codeId) ||
          codeId.includes(code.id) ||
          code.name.toLowerCase().includes(codeId.toLowerCase()),
      )
      .map((code) => code.id);
    throw new CliError(
      `unknown code "${codeId}": it is not in ${where}${similar.length > 0 ? ` (similar: ${similar.slice(0, 5).join(', ')})` : ''}`,
      2,
      `add it first with \`grounded codebook add ${codeId} --name "…"\`, or pass --create to add it now`,
    );
  }
  await editCodebook(context.fs, study.codebookUri, (codebook) => codebookEdits.add(codebook, codeId, {}));
  context.out.line(`added code "${codeId}" to ${where}`);
}

/** Only a transcript the study knows gets codings: anything else would leave a sidecar `check` calls stray. */
function transcriptOf(context: CommandContext, study: Study, path: string): StudyTranscript {
  const uri = pathToUri(path);
  const transcript = study.transcripts.find((t) => t.uri === uri);
  if (transcript) return transcript;
  const problem = study.problems.find((p) => p.uri === uri && p.severity === 'error');
  if (problem) throw new CliError(context.out.formatProblem(problem), 1);
  throw new CliError(
    `${context.out.path(uri)} is not a transcript of the study at ${context.out.path(study.root)} (transcripts: ${study.settings.transcripts.join(', ')}; exclude: ${study.settings.exclude.join(', ')})`,
    2,
    'add a matching pattern under "transcripts" in grounded.yaml',
  );
}

function report(
  context: CommandContext,
  transcript: StudyTranscript,
  attempted: number,
  added: readonly CodingRow[],
): void {
  const { out } = context;
  const shown = out.path(transcript.uri);
  if (attempted === 0) {
    out.line(`${shown}: no match`);
    return;
  }
  for (const row of added) {
    out.line(`${shown}:${row.line}  ${row.start}–${row.end}  ${row.code}  by ${row.by}  "${oneLineQuote(row.quote)}"`);
  }
  const skipped = attempted - added.length;
  out.line(`${shown}: ${added.length} coding(s) added${skipped > 0 ? `, ${skipped} already coded` : ''}`);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
