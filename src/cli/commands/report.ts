import { extname } from 'node:path';
import {
  buildStudyReport,
  loadSurvey,
  type MergedSurvey,
  parseFilter,
  type Problem,
  renderHtml,
  renderMarkdown,
  type ReportFilter,
  type ReportRequest,
  requestErrors,
  type Study,
  UNCODED_MODES,
  type UncodedMode,
} from '../../core/index';
import type { Arguments, CommandContext, CommandSpec, OptionSpec } from '../command';
import { CliError, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../errors';
import { warnAboutUnloadedFiles } from '../load-warnings';
import { warnAboutEmptySelection } from '../selection-warnings';
import { openStudy } from '../study-root';
import { writeOutputFile } from '../output-file';

/** Options every analysis command shares (report, stats, export matrix). */
export const ANALYSIS_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  coder: {
    type: 'string',
    multiple: true,
    value: '<id>',
    description: "only this coder's codings (repeat for several; default: every coder, pooled)",
  },
  where: {
    type: 'string',
    multiple: true,
    value: '<column=value>',
    description: 'only participants whose survey cell equals value (repeat: all must match)',
  },
  uncoded: {
    type: 'string',
    value: 'missing|absent',
    description:
      "a participant whose transcripts nobody coded: left out of code figures, or 0 (default: grounded.yaml's analysis.uncoded, else missing)",
  },
};

export const ANALYSIS_DETAILS: readonly string[] = [
  'Codings of every coder are pooled by default: a participant has a code when any coder coded it. --coder',
  'restricts to one coder (or several). --where keeps participants whose survey cell is exactly the value as',
  'written in the CSV (yes-no cells by their label; participants without a survey row never match).',
  '--uncoded absent counts a participant whose transcripts no included coder has a sidecar for as not having',
  'the codes (for a study where every transcript was read); missing leaves them out of the denominator.',
  'Participants without a transcript (survey only) are missing either way.',
  'Survey files that do not load are listed with file, line and column, and the command exits 1.',
];

/** --by, --coder, --where and --uncoded as a ReportRequest; a malformed --where is a usage error. */
export function analysisRequest(args: Arguments, by: string | undefined): ReportRequest {
  const filters: ReportFilter[] = args.strings('where').map((text) => {
    const filter = parseFilter(text);
    if (!filter) throw new UsageError(`--where needs column=value, not "${text}"`);
    return filter;
  });
  const coders = args
    .strings('coder')
    .flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const uncoded = args.string('uncoded');
  if (uncoded !== undefined && !(UNCODED_MODES as readonly string[]).includes(uncoded))
    throw new UsageError(`--uncoded must be ${UNCODED_MODES.join(' or ')}, not "${uncoded}"`);
  return {
    ...(by !== undefined ? { by } : {}),
    ...(coders.length > 0 ? { coders } : {}),
    filters,
    ...(uncoded !== undefined ? { uncoded: uncoded as UncodedMode } : {}),
  };
}

export interface OpenedAnalysis {
  readonly study: Study;
  readonly survey: MergedSurvey | undefined;
  readonly warnings: readonly Problem[];
  /** Some study file did not load: the command still answers but exits 1. */
  readonly incomplete: boolean;
}

/**
 * Loads the study and its survey for an analysis command. A survey that does not load stops the command
 * (exit 1) after listing every problem; warnings are listed on stderr and the analysis goes on. A request
 * naming an unknown column or coder is a usage error (exit 2) naming what exists.
 */
export async function openAnalysis(
  context: CommandContext,
  args: Arguments,
  request: ReportRequest,
): Promise<OpenedAnalysis> {
  const { out } = context;
  const study = await openStudy(context, args.positional(0));
  const loaded = await loadSurvey(context.fs, study);
  if (loaded && !loaded.ok) {
    for (const p of loaded.problems) out.error(out.formatProblem(p));
    throw new CliError(
      'the survey does not load, so no statistics were computed (see above)',
      1,
      'fix the cells named above; statistics must not run on a silently reduced set of rows',
    );
  }
  const warnings = loaded?.warnings ?? [];
  for (const p of warnings) out.error(out.formatProblem(p));
  const survey = loaded?.value;
  const errors = requestErrors(study, survey, request);
  if (errors.length > 0) throw new CliError(errors.join('\n  '), 2);
  warnAboutEmptySelection(survey, request.filters ?? [], out);
  const incomplete = warnAboutUnloadedFiles(study, out);
  return { study, survey, warnings, incomplete };
}

/** Writes text to -o (relative to the working folder; never onto a study file) or stdout. */
export async function emit(
  context: CommandContext,
  study: Study,
  text: string,
  output: string | undefined,
): Promise<void> {
  if (output === undefined) context.io.stdout(text);
  else await writeOutputFile(context, study, output, text);
}

const FORMATS = ['md', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

function formatOf(args: Arguments): Format {
  const given = args.string('format');
  if (given !== undefined) {
    if (!(FORMATS as readonly string[]).includes(given))
      throw new UsageError(`--format must be md, html or json, not "${given}"`);
    return given as Format;
  }
  const extension = extname(args.string('output') ?? '').toLowerCase();
  if (extension === '.html' || extension === '.htm') return 'html';
  if (extension === '.json') return 'json';
  return 'md';
}

export const reportCommand: CommandSpec = {
  name: 'report',
  summary: 'survey descriptives, group comparisons and code prevalence as Markdown, HTML or JSON',
  usage: [
    'report [dir] [--by <column>] [--format md|html|json] [-o <file>] [--coder <id>] [--where <column=value>] [--uncoded missing|absent]',
  ],
  details: [
    'Describes every survey variable (n, missing, mean, SD, median, IQR, 95% CIs; counts with Wilson CIs),',
    "compares each by --by (Welch t and Mann–Whitney with Hedges' g for two groups, Welch ANOVA and",
    "Kruskal–Wallis for more, χ² or Fisher's exact for tables), reports code prevalence over participants by",
    'group with Holm and Benjamini–Hochberg adjusted p, numeric variables by code presence, co-occurrence and a',
    "joint display with representative quotes. The format follows -o's extension unless --format is given.",
    'JSON follows schemas/report.schema.json.',
    ...ANALYSIS_DETAILS,
  ],
  options: {
    by: {
      type: 'string',
      value: '<column>',
      description: 'compare groups of this survey column (categorical, yes-no or ordinal)',
    },
    format: { type: 'string', value: 'md|html|json', description: 'output format (default: from -o, else md)' },
    output: {
      type: 'string',
      short: 'o',
      value: '<file>',
      description: 'write the report to this file instead of stdout; never a file of the study',
    },
    quotes: { type: 'string', value: '<n>', description: 'representative quotes per joint-display cell (default 2)' },
    ...ANALYSIS_OPTIONS,
  },
  positionals: { min: 0, max: 1 },
  run: runReport,
};

async function runReport(context: CommandContext, args: Arguments): Promise<number> {
  const format = formatOf(args);
  const quotes = args.integer('quotes');
  const request = {
    ...analysisRequest(args, args.string('by')),
    ...(quotes !== undefined ? { quotesPerCell: quotes } : {}),
  };
  const { study, survey, warnings, incomplete } = await openAnalysis(context, args, request);
  const report = buildStudyReport(study, survey, request, warnings);
  const text =
    format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : format === 'html'
        ? renderHtml(report)
        : renderMarkdown(report);
  await emit(context, study, text, args.string('output'));
  return incomplete ? EXIT_PROBLEMS : EXIT_OK;
}
