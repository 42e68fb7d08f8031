import { coderIdFrom, descendantsOf, type Study } from '../../core/index';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { codingRows, type CodingRow } from '../coding-rows';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../errors';
import { LineIndex } from '../line-index';
import { warnAboutUnloadedFiles } from '../load-warnings';
import { openStudy } from '../study-root';
import { warnAboutUnknownCoders, warnAboutUnknownParticipant } from '../selection-warnings';

export const retrieveCommand: CommandSpec = {
  name: 'retrieve',
  summary: 'list coded quotes, filtered by code, coder or participant',
  usage: ['retrieve [dir] [--code <id>] [--coder <id>] [--participant <id>] [--json]'],
  details: [
    "--code includes the codings of every code below it (a category retrieves its children's quotes too).",
    'Offsets are Unicode code points, end exclusive: text[start:end] in Python, substr(text, start + 1, end) in R.',
    'With --json: an array of {transcript, participant, code, start, end, quote, by, status, id, memo, line};',
    'status is "ok" when the coding is anchored, else "needs-review" or "orphan" (then "currentText" holds',
    'the text now at its offsets, while "quote" keeps what was coded).',
  ],
  options: {
    code: { type: 'string', value: '<id>', description: 'only this code and the codes below it' },
    coder: { type: 'string', value: '<id>', description: "only this coder's codings" },
    participant: { type: 'string', value: '<id>', description: "only this participant's transcripts" },
    ...JSON_OPTION,
  },
  positionals: { min: 0, max: 1 },
  run: runRetrieve,
};

async function runRetrieve(context: CommandContext, args: Arguments): Promise<number> {
  const { out } = context;
  const study = await openStudy(context, args.positional(0));
  const codes = codeFilter(study, args.string('code'));
  const coder = args.string('coder');
  const participant = args.string('participant');
  if (coder !== undefined) warnAboutUnknownCoders(study, [coder], out);
  if (participant !== undefined) warnAboutUnknownParticipant(study, participant, out);

  const rows: CodingRow[] = [];
  const shownPath = new Map<string, string>();
  for (const transcript of study.transcripts) {
    shownPath.set(transcript.path, out.path(transcript.uri));
    if (participant !== undefined && transcript.participant !== participant) continue;
    const codings = transcript.sidecars
      .filter((s) => coder === undefined || s.coder === coder || s.coder === coderIdFrom(coder))
      .flatMap((s) => s.sidecar.codings)
      .filter((c) => codes === undefined || codes.has(c.code));
    if (codings.length === 0) continue;
    rows.push(...codingRows(transcript, codings, new LineIndex(transcript.text)));
  }
  rows.sort(
    (a, b) =>
      compare(a.transcript, b.transcript) ||
      a.start - b.start ||
      a.end - b.end ||
      compare(a.code, b.code) ||
      compare(a.by, b.by),
  );

  out.data(rows);
  for (const row of rows) {
    const status = row.status === 'ok' ? '' : ` · ${row.status}`;
    out.line(
      `${shownPath.get(row.transcript)}:${row.line}  [${row.start}–${row.end}]  ${row.participant ?? '(no participant)'} · ${row.code} · ${row.by}${status}`,
    );
    for (const line of row.quote.split('\n')) out.line(`    ${line}`);
    if (row.currentText !== undefined) out.line(`    now at these offsets: ${row.currentText.replace(/\n/g, ' ⏎ ')}`);
    if (row.memo !== null) out.line(`    memo: ${row.memo}`);
  }
  out.line(summary(rows, args.string('code'), codes));
  return warnAboutUnloadedFiles(study, out) ? EXIT_PROBLEMS : EXIT_OK;
}

/** The code and its descendants; an id neither in the codebook nor used by any coding is a mistake. */
function codeFilter(study: Study, id: string | undefined): Set<string> | undefined {
  if (id === undefined) return undefined;
  const inCodebook = study.codebook.codes.some((c) => c.id === id);
  const used = study.transcripts.some((t) => t.sidecars.some((s) => s.sidecar.codings.some((c) => c.code === id)));
  if (!inCodebook && !used)
    throw new CliError(
      `unknown code "${id}": it is neither in ${study.settings.codebook} nor used by any coding`,
      2,
      'see the codes with `grounded codes`',
    );
  return descendantsOf(study.codebook, id);
}

function summary(rows: readonly CodingRow[], code: string | undefined, codes: ReadonlySet<string> | undefined): string {
  const transcripts = new Set(rows.map((r) => r.transcript)).size;
  const participants = new Set(rows.flatMap((r) => (r.participant === null ? [] : [r.participant]))).size;
  const review = rows.filter((r) => r.status !== 'ok').length;
  const children = codes && code !== undefined ? [...codes].filter((c) => c !== code).sort(compare) : [];
  const scope = code === undefined ? '' : ` of ${code}${children.length > 0 ? ` (with ${children.join(', ')})` : ''}`;
  return `${rows.length} coding(s)${scope} in ${transcripts} transcript(s), ${participants} participant(s)${review > 0 ? `; ${review} need review` : ''}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
