import {
  addCodings,
  codebookEdits,
  editCodebook,
  findMatches,
  markTranscriptCoded,
  matchSpeaker,
  speakersAcross,
  speakerTurnCodings,
  type Study,
  type StudyTranscript,
} from '../../core/index';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { resolveCoder } from '../coder';
import { codingRows, oneLineQuote, type CodingRow } from '../coding-rows';
import { CliError, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../errors';
import { requireCodebook } from '../study-guards';
import {
  ALL_OPTION,
  requireCoderSidecarsLoad,
  selectTranscripts,
  type SelectedTranscript,
  type TranscriptSelection,
  warnAboutSkippedTranscripts,
} from '../transcript-selection';

export const codeCommand: CommandSpec = {
  name: 'code',
  summary: 'code a passage (by offsets), every match of a regular expression, or every turn of a speaker',
  usage: [
    'code <transcript> --code <id> --start <n> --end <n> [--by <coder>] [--memo <text>]',
    'code <transcript>... --code <id> --match <regex> [--ignore-case] [--by <coder>] [--memo <text>]',
    'code --all [dir] --code <id> --match <regex> [--ignore-case] [--by <coder>] [--memo <text>]',
    'code <transcript>... --code <id> --speaker <name> [--by <coder>] [--memo <text>]',
    'code --all [dir] --code <id> --speaker <name> [--by <coder>] [--memo <text>]',
  ],
  details: [
    'Offsets are Unicode code points of the transcript text (line ends counted as one "\\n"), end exclusive.',
    "The study is the nearest folder above the transcript with a grounded.yaml (else the transcript's folder).",
    'The coder is --by, else $GROUNDED_CODER, else `git config user.name`; the codings go to',
    '<transcript>.<coder>.codes.yaml next to the transcript. Coding the same range with the same code twice adds nothing.',
    'With --match every transcript searched counts as coded by the coder: one without a match gets an empty',
    'sidecar ("read, nothing applies"), so analyses count its participant as not having the code instead of',
    'leaving them out as not coded. --all searches every transcript of the study (no file names, so no limit',
    "on the shell's argument list); transcripts that do not load are skipped, listed, and the exit code is 1.",
    'With --speaker every turn of that speaker ("P07: …" or "[00:01:02] P07: …" paragraphs) is coded, one coding',
    'per turn from after the label to the end of the turn; the name is matched exactly, else ignoring case. A',
    'transcript where the speaker does not speak is left as it is; a name no transcript has is an error (exit 2).',
  ],
  options: {
    code: { type: 'string', value: '<id>', description: 'code id from the codebook (required)' },
    start: { type: 'string', value: '<n>', description: 'first code point of the passage' },
    end: { type: 'string', value: '<n>', description: 'code point after the passage' },
    match: { type: 'string', value: '<regex>', description: 'code every match of this JavaScript regular expression' },
    speaker: { type: 'string', value: '<name>', description: 'code every turn of this speaker' },
    'ignore-case': { type: 'boolean', short: 'i', description: 'with --match: ignore case' },
    by: {
      type: 'string',
      value: '<coder>',
      description: 'who is coding (default $GROUNDED_CODER, then git user.name)',
    },
    memo: { type: 'string', value: '<text>', description: 'a memo on each new coding' },
    create: { type: 'boolean', description: 'add the code to the codebook if it is not there yet' },
    ...ALL_OPTION,
    ...JSON_OPTION,
  },
  positionals: { min: 0, max: Infinity },
  run: runCode,
};

type Target =
  { readonly match: RegExp } | { readonly speaker: string } | { readonly start: number; readonly end: number };

async function runCode(context: CommandContext, args: Arguments): Promise<number> {
  const { out } = context;
  const codeId = args.requiredString('code');
  const target = targetOf(args);
  const selection = await selectTranscripts(context, args);
  const coder = resolveCoder(context, args.string('by'), selection.folder);
  const memo = args.string('memo');
  const searching = 'match' in target;
  // A search writes to every transcript it covers (codings or an empty sidecar): all must be writable first.
  if (searching || 'speaker' in target) requireCoderSidecarsLoad(context, selection, coder);
  if ('speaker' in target) {
    const speaker = speakerOf(context, selection.transcripts, target.speaker);
    for (const study of selection.studies) await ensureCode(context, study, codeId, args.flag('create'));
    return codeSpeakerTurns(context, selection, speaker, codeId, coder, memo);
  }
  for (const study of selection.studies) await ensureCode(context, study, codeId, args.flag('create'));

  const rows: CodingRow[] = [];
  const searched = { matched: 0, unmatched: 0, alreadyCoded: 0 };
  for (const { transcript, study } of selection.transcripts) {
    const ranges = searching ? findMatches(transcript.text, target.match) : [target];
    if (ranges.length === 0) {
      // The search was done and found nothing: that is a result ("nothing applies"), recorded as coded.
      const created = await markTranscriptCoded(context.fs, transcript, coder);
      searched.unmatched++;
      if (!created) searched.alreadyCoded++;
      out.line(
        `${out.path(transcript.uri)}: no match, ${created ? `marked coded by ${coder} (empty sidecar)` : `already coded by ${coder}`}`,
      );
      continue;
    }
    searched.matched++;
    const added = await addCodings(
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
  if (searching) {
    const already = searched.alreadyCoded > 0 ? ` (${searched.alreadyCoded} of them already were)` : '';
    out.line(
      `${searched.matched} transcript(s) coded, ${searched.unmatched} searched without a match marked coded by ${coder}${already}`,
    );
  }
  return warnAboutSkippedTranscripts(context, selection) ? EXIT_PROBLEMS : EXIT_OK;
}

/** --start/--end, --match or --speaker, exactly one of them; several transcripts only with --match or --speaker. */
function targetOf(args: Arguments): Target {
  const start = args.integer('start');
  const end = args.integer('end');
  const pattern = args.string('match');
  const speaker = args.string('speaker');
  if (speaker !== undefined) {
    if (pattern !== undefined || start !== undefined || end !== undefined)
      throw new UsageError('give one of --speaker, --match or --start/--end');
    if (args.flag('ignore-case')) throw new UsageError('--ignore-case goes with --match');
    if (speaker.trim() === '') throw new UsageError('--speaker needs the name of a speaker');
    return { speaker };
  }
  if (args.flag('all') && pattern === undefined)
    throw new UsageError(
      '--all codes every match of --match, or every turn of --speaker, in every transcript: give one of them',
    );
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

/** The speaker as the transcripts spell them; a name none of them has is refused before anything is written. */
function speakerOf(context: CommandContext, transcripts: readonly SelectedTranscript[], typed: string): string {
  const speakers = speakersAcross(transcripts.map(({ transcript }) => transcript.text)).map((found) => found.speaker);
  const speaker = matchSpeaker(speakers, typed);
  if (speaker !== undefined) return speaker;
  const where =
    transcripts.length === 1
      ? context.out.path(transcripts[0]!.transcript.uri)
      : `the ${transcripts.length} transcripts`;
  throw new CliError(
    `no turns of "${typed}" in ${where}`,
    2,
    speakers.length === 0
      ? 'a turn is a paragraph that starts with "Speaker:" or "[00:01:02] Speaker:"; subtitles name no speakers'
      : `speakers found: ${speakers.join(', ')}`,
  );
}

/** Codes every turn of the speaker in each transcript where they speak; the others are left as they are. */
async function codeSpeakerTurns(
  context: CommandContext,
  selection: TranscriptSelection,
  speaker: string,
  codeId: string,
  coder: string,
  memo: string | undefined,
): Promise<number> {
  const { out } = context;
  const rows: CodingRow[] = [];
  let turns = 0;
  let transcripts = 0;
  for (const { transcript, study } of selection.transcripts) {
    const additions = speakerTurnCodings(transcript.text, speaker, [codeId], memo);
    if (additions.length === 0) {
      out.line(`${out.path(transcript.uri)}: no turns of ${speaker}`);
      continue;
    }
    turns += additions.length;
    transcripts++;
    const added = await addCodings(context.fs, transcript, coder, additions, undefined, {
      codebookUri: study.codebookUri,
    });
    const made = codingRows(transcript, added);
    rows.push(...made);
    report(context, transcript, additions.length, made);
  }
  out.data(rows);
  out.line(`${turns} turn(s) of ${speaker} in ${transcripts} transcript(s), ${rows.length} coding(s) added`);
  return warnAboutSkippedTranscripts(context, selection) ? EXIT_PROBLEMS : EXIT_OK;
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

function report(
  context: CommandContext,
  transcript: StudyTranscript,
  attempted: number,
  added: readonly CodingRow[],
): void {
  const { out } = context;
  const shown = out.path(transcript.uri);
  for (const row of added) {
    out.line(`${shown}:${row.line}  ${row.start}–${row.end}  ${row.code}  by ${row.by}  "${oneLineQuote(row.quote)}"`);
  }
  const skipped = attempted - added.length;
  out.line(`${shown}: ${added.length} coding(s) added${skipped > 0 ? `, ${skipped} already coded` : ''}`);
}
