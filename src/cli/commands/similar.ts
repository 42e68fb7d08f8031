import {
  codeQueryText,
  DEFAULT_SIMILAR_LIMIT,
  descendantsOf,
  findSimilarPassages,
  loadSurvey,
  parseFilter,
  participantsMatching,
  PASSAGE_UNITS,
  type PassageUnit,
  readDismissals,
  type ReportFilter,
  requestErrors,
  SimilarIndex,
  type SimilarPassage,
  type Study,
} from '../../core/index';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { CliError, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../errors';
import { warnAboutUnloadedFiles } from '../load-warnings';
import { warnAboutEmptySelection } from '../selection-warnings';
import { openStudy } from '../study-root';

export const SIMILAR_FORMAT = 'grounded-similar/1';

/** One passage of `similar --json` (schemas/similar.schema.json). */
export interface SimilarRow {
  readonly transcript: string;
  readonly participant: string | null;
  readonly unit: PassageUnit;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly score: number;
  readonly text: string;
}

export const similarCommand: CommandSpec = {
  name: 'similar',
  summary: 'passages like a code or a text that are not coded with it yet (offline, BM25)',
  usage: [
    'similar [dir] (--code <id> | --text <text>) [--limit 20] [--unit sentence|turn] [--where <column=value>] [--json]',
  ],
  details: [
    "--code searches with the code's quotes (and its sub-codes'), and leaves out passages that overlap a coding",
    'of the code or a sub-code, and passages dismissed for it in similar-dismissed.yaml. --text searches with',
    'the text; with --code too, the text is the query and the code decides what is left out.',
    'Passages are sentences (default) or whole speaker turns, without speaker labels; ranked by BM25 over the',
    'words the query shares with them (the 32 most telling words of the query; numbers and one-letter words',
    'are ignored). --where keeps participants whose survey cell equals the value, as in `grounded report`.',
    `With --json: {format: "${SIMILAR_FORMAT}", code, unit, limit, where, results: [{transcript, participant,`,
    'unit, start, end, line, score, text}]}; offsets are code points, end exclusive (schemas/similar.schema.json).',
  ],
  options: {
    code: {
      type: 'string',
      value: '<id>',
      description: "search with this code's quotes; leave out what is coded with it",
    },
    text: { type: 'string', value: '<text>', description: 'search with this text' },
    limit: {
      type: 'string',
      value: '<n>',
      description: `at most this many passages (default ${DEFAULT_SIMILAR_LIMIT})`,
    },
    unit: { type: 'string', value: 'sentence|turn', description: 'what a passage is (default sentence)' },
    where: {
      type: 'string',
      multiple: true,
      value: '<column=value>',
      description: 'only participants whose survey cell equals value (repeat: all must match)',
    },
    ...JSON_OPTION,
  },
  positionals: { min: 0, max: 1 },
  run: runSimilar,
};

async function runSimilar(context: CommandContext, args: Arguments): Promise<number> {
  const { out } = context;
  const codeId = args.string('code');
  const text = args.string('text');
  if (codeId === undefined && text === undefined) throw new UsageError('give --code <id> or --text <text>');
  if (text !== undefined && text.trim() === '') throw new UsageError('--text is empty');
  const limit = args.integer('limit') ?? DEFAULT_SIMILAR_LIMIT;
  if (limit === 0) throw new UsageError('--limit must be at least 1');
  const unit = args.string('unit') ?? 'sentence';
  if (!(PASSAGE_UNITS as readonly string[]).includes(unit))
    throw new UsageError(`--unit must be ${PASSAGE_UNITS.join(' or ')}, not "${unit}"`);
  const filters = args.strings('where').map((where): ReportFilter => {
    const filter = parseFilter(where);
    if (!filter) throw new UsageError(`--where needs column=value, not "${where}"`);
    return filter;
  });

  const study = await openStudy(context, args.positional(0));
  if (codeId !== undefined) checkCode(study, codeId);
  const query = text ?? codeQueryText(study, codeId as string);
  if (query.trim() === '')
    throw new CliError(
      `code "${codeId}" has no codings yet, so there is nothing to search with`,
      2,
      'give --text <text>',
    );
  const participants = await surveyFilter(context, study, filters);
  const dismissed = codeId === undefined ? undefined : await readDismissals(context.fs, study);

  const index = new SimilarIndex();
  index.update(study.transcripts);
  const passages = findSimilarPassages(index, study, {
    text: query,
    unit: unit as PassageUnit,
    limit,
    ...(codeId !== undefined ? { code: codeId } : {}),
    ...(participants ? { participants } : {}),
    ...(dismissed ? { dismissed } : {}),
  });

  const rows = passages.map(toRow);
  out.data({ format: SIMILAR_FORMAT, code: codeId ?? null, unit, limit, where: filters, results: rows });
  for (const [i, row] of rows.entries()) {
    const passage = passages[i] as SimilarPassage;
    out.line(
      `${out.path(passage.transcript.uri)}:${row.line}  [${row.start}–${row.end}]  ${row.participant ?? '(no participant)'} · score ${row.score}`,
    );
    for (const line of row.text.split('\n')) out.line(`    ${line}`);
  }
  out.line(summary(study, rows.length, unit as PassageUnit, codeId, text));
  return warnAboutUnloadedFiles(study, out) ? EXIT_PROBLEMS : EXIT_OK;
}

function toRow(passage: SimilarPassage): SimilarRow {
  return {
    transcript: passage.transcript.path,
    participant: passage.transcript.participant ?? null,
    unit: passage.unit,
    start: passage.start,
    end: passage.end,
    line: passage.line,
    score: Math.round(passage.score * 1000) / 1000,
    text: passage.text,
  };
}

function checkCode(study: Study, id: string): void {
  if (study.codebook.codes.some((c) => c.id === id)) return;
  throw new CliError(
    `unknown code "${id}": it is not in ${study.settings.codebook}`,
    2,
    'see the codes with `grounded codes`',
  );
}

/** The participants --where keeps (undefined without --where); a survey that does not load stops the command. */
async function surveyFilter(
  context: CommandContext,
  study: Study,
  filters: readonly ReportFilter[],
): Promise<Set<string> | undefined> {
  if (filters.length === 0) return undefined;
  const { out } = context;
  const loaded = await loadSurvey(context.fs, study);
  if (loaded && !loaded.ok) {
    for (const p of loaded.problems) out.error(out.formatProblem(p));
    throw new CliError('the survey does not load, so --where cannot be applied (see above)', 1);
  }
  const survey = loaded?.value;
  const errors = requestErrors(study, survey, { filters });
  if (errors.length > 0 || !survey) throw new CliError(errors.join('\n  '), 2);
  warnAboutEmptySelection(survey, filters, out);
  return participantsMatching(survey, filters);
}

function summary(
  study: Study,
  count: number,
  unit: PassageUnit,
  code: string | undefined,
  text: string | undefined,
): string {
  const what = unit === 'sentence' ? 'sentence(s)' : 'speaker turn(s)';
  const like = text !== undefined ? 'like the text' : `like the quotes of ${code}`;
  const codes = code === undefined ? undefined : [...descendantsOf(study.codebook, code)];
  const left = code === undefined ? '' : `, not coded with ${codes!.join(', ')} and not dismissed for ${code}`;
  return `${count} ${what} ${like}${left}`;
}
