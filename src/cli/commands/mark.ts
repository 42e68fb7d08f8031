import {
  FileLoadError,
  markTranscriptCoded,
  markTranscriptNotCoded,
  TranscriptHasCodingsError,
  type StudyTranscript,
} from '../../core/index';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { resolveCoder } from '../coder';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../errors';
import { ALL_OPTION, selectTranscripts, warnAboutSkippedTranscripts } from '../transcript-selection';

export const markCommand: CommandSpec = {
  name: 'mark',
  summary: 'mark transcripts as coded (read, nothing more applies) or not coded by a coder',
  usage: [
    'mark --coded <transcript>... [--by <coder>] [--json]',
    'mark --not-coded <transcript>... [--by <coder>] [--json]',
    'mark --coded|--not-coded --all [dir] [--by <coder>] [--json]',
  ],
  details: [
    "A transcript is coded by a coder when that coder's sidecar exists, also one without codings: that is how",
    '"I read it and nothing applies" is recorded, and analyses then count its participant as not having the codes',
    'instead of leaving them out. --coded writes an empty sidecar where the coder has none (an existing one is',
    "left as it is). --not-coded removes the coder's sidecar when it holds no codings; one with codings is",
    'refused (it would delete them), named with what to do, and the others are still marked: exit 1.',
    'The coder is --by, else $GROUNDED_CODER, else `git config user.name`, as for `grounded code`.',
    'With --json: {coder, coded, transcripts: [{transcript, participant, outcome, message?}]}, outcome "marked",',
    '"unchanged" (it already was) or "refused" (message says why); transcript paths relative to the study root.',
  ],
  options: {
    coded: { type: 'boolean', description: 'mark as coded: an empty sidecar where the coder has none' },
    'not-coded': { type: 'boolean', description: "mark as not coded: remove the coder's sidecar if it is empty" },
    by: {
      type: 'string',
      value: '<coder>',
      description: 'whose progress (default $GROUNDED_CODER, then git user.name)',
    },
    ...ALL_OPTION,
    ...JSON_OPTION,
  },
  positionals: { min: 0, max: Infinity },
  run: runMark,
};

type Outcome = 'marked' | 'unchanged' | 'refused';

interface MarkRow {
  /** Relative to the study root, '/' separated, like the transcripts of `retrieve --json`. */
  readonly transcript: string;
  readonly participant: string | null;
  readonly outcome: Outcome;
  /** Why a transcript was refused. */
  readonly message?: string;
}

async function runMark(context: CommandContext, args: Arguments): Promise<number> {
  const { out } = context;
  const coded = args.flag('coded');
  if (coded === args.flag('not-coded')) throw new UsageError('give either --coded or --not-coded');
  const selection = await selectTranscripts(context, args);
  const coder = resolveCoder(context, args.string('by'), selection.folder);

  const rows: MarkRow[] = [];
  for (const { transcript } of selection.transcripts) {
    rows.push(await markOne(context, transcript, coder, coded));
  }
  out.data({ coder, coded, transcripts: rows });
  const count = (outcome: Outcome) => rows.filter((r) => r.outcome === outcome).length;
  const state = coded ? 'coded' : 'not coded';
  const refused = count('refused');
  out.line(
    `${count('marked')} transcript(s) marked ${state} by ${coder}, ${count('unchanged')} already were` +
      (refused > 0 ? `; ${refused} refused (see above)` : ''),
  );
  const skipped = warnAboutSkippedTranscripts(context, selection);
  return refused > 0 || skipped ? EXIT_PROBLEMS : EXIT_OK;
}

/** A sidecar with codings (for --not-coded) or one that does not load is refused for this transcript only. */
async function markOne(
  context: CommandContext,
  transcript: StudyTranscript,
  coder: string,
  coded: boolean,
): Promise<MarkRow> {
  const { out } = context;
  const shown = out.path(transcript.uri);
  try {
    if (coded) {
      const created = await markTranscriptCoded(context.fs, transcript, coder);
      out.line(`${shown}: ${created ? `marked coded by ${coder} (empty sidecar)` : `already coded by ${coder}`}`);
      return rowOf(transcript, created ? 'marked' : 'unchanged');
    }
    const removed = await markTranscriptNotCoded(context.fs, transcript, coder);
    out.line(`${shown}: ${removed ? `marked not coded by ${coder} (empty sidecar removed)` : `not coded by ${coder}`}`);
    return rowOf(transcript, removed ? 'marked' : 'unchanged');
  } catch (error) {
    if (error instanceof TranscriptHasCodingsError) {
      const message =
        `${out.path(error.sidecarUri)} holds ${error.codings} coding(s) by ${coder}, so ${shown} stays coded ` +
        '(marking it not coded would delete them)';
      out.error(`grounded mark: ${message}`);
      const list = `grounded retrieve --coder ${coder}${transcript.participant !== undefined ? ` --participant ${transcript.participant}` : ''}`;
      out.error(
        `  remove the codings first (in the editor; \`${list}\` lists them), or delete the file yourself if that is what you mean`,
      );
      return rowOf(transcript, 'refused', message);
    }
    if (error instanceof FileLoadError) {
      const message = `${out.path(error.uri)} does not load, so it was left as it is`;
      out.error(`grounded mark: ${message}:`);
      for (const problem of error.problems) out.error(out.formatProblem(problem));
      return rowOf(transcript, 'refused', message);
    }
    throw error;
  }
}

function rowOf(transcript: StudyTranscript, outcome: Outcome, message?: string): MarkRow {
  return {
    transcript: transcript.path,
    participant: transcript.participant ?? null,
    outcome,
    ...(message !== undefined ? { message } : {}),
  };
}
