import { assistedCount, coderIdFrom, codingProgress, type CodingProgress, type Study } from '../../core/index';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { EXIT_OK, EXIT_PROBLEMS } from '../errors';
import { warnAboutUnloadedFiles } from '../load-warnings';
import type { Output } from '../output';
import { progressLine, progressOf } from '../progress-text';
import { openStudy } from '../study-root';
import { knownCoder, warnAboutUnknownCoders } from '../selection-warnings';

export const statusCommand: CommandSpec = {
  name: 'status',
  summary: 'coding progress: which transcripts each coder has coded, with how many codings',
  usage: ['status [dir] [--coder <id>]... [--json]'],
  details: [
    'A transcript is coded by a coder when that coder\'s sidecar exists for it, also an empty one ("read, nothing',
    'applies": `grounded mark --coded`, or a `grounded code --match` search without a match). Per transcript and',
    'coder: the number of codings (0: coded, nothing applies) or "-" (not coded); then the summary, e.g.',
    '"38 / 44 coded by amara, 10 / 44 by jonas; 4 not coded by anyone".',
    'With --json: {format: "grounded-status/1", total, codedByAnyone, notCodedByAnyone, summary, coders:',
    '[{coder, coded, codedEmpty}], transcripts: [{transcript, participant, coders: [{coder, coded, codings}]}]}',
    '(transcript paths relative to the study root; schemas/status.schema.json). When some codings came from',
    'accepted language-model suggestions (`assisted:` in the sidecar), a line says how many, per model (JSON:',
    'assisted: {total, byModel: [{model, codings}]}, present only then).',
  ],
  options: {
    coder: {
      type: 'string',
      multiple: true,
      value: '<id>',
      description: 'only this coder (repeat for several; listed even before their first transcript)',
    },
    ...JSON_OPTION,
  },
  positionals: { min: 0, max: 1 },
  run: runStatus,
};

/** The JSON of `status --json`, the shape schemas/status.schema.json describes. */
export interface StatusJson {
  readonly format: 'grounded-status/1';
  readonly total: number;
  readonly codedByAnyone: number;
  readonly notCodedByAnyone: number;
  readonly summary: string;
  readonly coders: readonly { coder: string; coded: number; codedEmpty: number }[];
  readonly transcripts: readonly {
    transcript: string;
    participant: string | null;
    coders: readonly { coder: string; coded: boolean; codings: number }[];
  }[];
  /** Codings from accepted model suggestions; only when there are some. */
  readonly assisted?: { total: number; byModel: readonly { model: string; codings: number }[] };
}

async function runStatus(context: CommandContext, args: Arguments): Promise<number> {
  const { out } = context;
  const study = await openStudy(context, args.positional(0));
  // As in the analysis commands: repeat --coder or separate ids by commas.
  const given = args
    .strings('coder')
    .flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter((c) => c !== '');
  warnAboutUnknownCoders(study, given, out);
  const coders = [...new Set(given.map((c) => knownCoder(study, c) ?? coderIdFrom(c)))];
  const all = codingProgress(study, coders);
  const progress = coders.length > 0 ? progressOf(all, coders) : all;

  const limitedTo = coders.length > 0 ? coders : undefined;
  const assisted = assistedCount(study, coders);
  out.data({ ...statusJson(progress, limitedTo), ...(assisted.total > 0 ? { assisted } : {}) });
  printTable(out, study, progress);
  out.line(progressLine(progress, limitedTo));
  if (assisted.total > 0)
    out.line(
      `${assisted.total} coding(s) from accepted model suggestions (assisted): ` +
        assisted.byModel.map(({ model, codings }) => `${codings} ${model}`).join(', '),
    );
  return warnAboutUnloadedFiles(study, out) ? EXIT_PROBLEMS : EXIT_OK;
}

function statusJson(progress: CodingProgress, coders: readonly string[] | undefined): StatusJson {
  return {
    format: 'grounded-status/1',
    total: progress.total,
    codedByAnyone: progress.codedByAnyone,
    notCodedByAnyone: progress.total - progress.codedByAnyone,
    summary: progressLine(progress, coders),
    coders: progress.coders.map(({ coder, coded, codedEmpty }) => ({ coder, coded, codedEmpty })),
    transcripts: progress.transcripts.map((t) => ({
      transcript: t.path,
      participant: t.participant ?? null,
      coders: progress.coders.map(({ coder }) => ({
        coder,
        coded: t.codedBy.includes(coder),
        codings: t.codings[coder] ?? 0,
      })),
    })),
  };
}

/** One row per transcript, one column per coder: codings, or "-" when that coder has not coded it. */
function printTable(out: Output, study: Study, progress: CodingProgress): void {
  if (out.json) return;
  if (progress.total === 0) {
    out.line(`no transcripts match ${study.settings.transcripts.join(', ')}`);
    return;
  }
  const header = ['transcript', 'participant', ...progress.coders.map((c) => c.coder)];
  const rows = progress.transcripts.map((t) => [
    out.path(t.uri),
    t.participant ?? '(none)',
    ...progress.coders.map(({ coder }) => (t.codedBy.includes(coder) ? String(t.codings[coder] ?? 0) : '-')),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
  );
  for (const row of [header, ...rows])
    out.line(
      row
        .map((cell, column) => cell.padEnd(widths[column] as number))
        .join('  ')
        .trimEnd(),
    );
  if (progress.coders.length > 0)
    out.line('(per coder: number of codings, 0 = coded with nothing that applies; - = not coded)');
}
