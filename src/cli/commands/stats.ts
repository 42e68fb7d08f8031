import {
  buildStudyData,
  codesByGroup,
  type CodeStats,
  denominatorNotes,
  prevalenceOf,
  compareVariable,
  describeVariable,
  effectText,
  findColumn,
  type GroupComparison,
  type MergedSurvey,
  noSurveyMessage,
  percent,
  percentCi,
  type StudyData,
  summarizeCodes,
  testText,
  variableLine,
  type VariableStats,
} from '../../core/index';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { CliError, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../errors';
import type { Output } from '../output';
import { analysisRequest, ANALYSIS_DETAILS, ANALYSIS_OPTIONS, openAnalysis } from './report';

export const statsCommand: CommandSpec = {
  name: 'stats',
  summary: 'statistics of one survey variable or one code, optionally by group',
  usage: [
    'stats [dir] --var <column> [--by <column>] [--json]',
    'stats [dir] --code <id> [--by <column>] [--uncoded missing|absent] [--json]',
  ],
  details: [
    '--var: n, missing, mean, sd, median, ci (numeric/ordinal) or levels with count, percent and Wilson ci',
    '(categorical/yes-no); with --by, groups (level, n, mean, sd, median…), tests (welch-t, mann-whitney,',
    'welch-anova, kruskal-wallis, chi-square, fisher-exact: name, statistic, df, p) and effect (name, value, ci).',
    '--code: codings, transcripts, participants, total (the denominator: participants whose codes are known),',
    'proportion with a Wilson ci, missing, notCoded, withoutTranscript and uncoded; with --by, groups (level,',
    'participants, total, proportion, ci) and the test (p adjusted across all codes: pHolm, pBH).',
    'Shares in JSON are proportions on the 0–1 scale, as their ci (text output shows percentages).',
    ...ANALYSIS_DETAILS,
  ],
  options: {
    var: { type: 'string', value: '<column>', description: 'a survey column' },
    code: { type: 'string', value: '<id>', description: 'a code (a category includes its sub-codes)' },
    by: { type: 'string', value: '<column>', description: 'compare groups of this survey column' },
    ...ANALYSIS_OPTIONS,
    ...JSON_OPTION,
  },
  positionals: { min: 0, max: 1 },
  run: runStats,
};

async function runStats(context: CommandContext, args: Arguments): Promise<number> {
  const variable = args.string('var');
  const code = args.string('code');
  if ((variable === undefined) === (code === undefined))
    throw new UsageError('give either --var <column> or --code <id>');
  const request = analysisRequest(args, args.string('by'));
  const { study, survey, incomplete } = await openAnalysis(context, args, request);
  const data = buildStudyData(study, survey, {
    ...(request.coders ? { coders: request.coders } : {}),
    filters: request.filters ?? [],
    ...(request.uncoded ? { uncoded: request.uncoded } : {}),
  });
  const by = request.by !== undefined && survey ? findColumn(survey, request.by) : undefined;
  if (variable !== undefined)
    printVariable(context.out, variableStats(survey, data, variable, by, noSurveyMessage(study)));
  else
    printCode(
      context.out,
      codeStats(
        data,
        code as string,
        by,
        study.codebook.codes.map((c) => c.id),
      ),
      data.coders.included,
    );
  return incomplete ? EXIT_PROBLEMS : EXIT_OK;
}

function comparisonFields(comparison: GroupComparison | undefined): Partial<VariableStats> {
  if (!comparison) return {};
  const { by, groups, tests, effect, otherEffects, reason } = comparison;
  return {
    by,
    groups,
    tests,
    effect,
    otherEffects,
    ...(comparison.kind === 'categorical' ? { table: comparison.table } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
}

function variableStats(
  survey: MergedSurvey | undefined,
  data: StudyData,
  name: string,
  by: ReturnType<typeof findColumn>,
  noSurvey: string,
): VariableStats {
  const column = survey ? findColumn(survey, name) : undefined;
  if (!column) {
    throw new CliError(
      survey ? `no survey column "${name}"; columns: ${survey.columns.map((c) => c.name).join(', ')}` : noSurvey,
      2,
    );
  }
  if (by && by.name === column.name) throw new UsageError('--var and --by name the same column');
  const comparison = by ? compareVariable(column, by, data.records) : undefined;
  if (by && !comparison)
    throw new UsageError(`"${column.name}" is ${column.type}: it has no statistics to compare across groups`);
  return {
    variable: column.name,
    ...describeVariable(column, data.records),
    ...comparisonFields(comparison),
  } as VariableStats;
}

function codeStats(
  data: StudyData,
  id: string,
  by: ReturnType<typeof findColumn>,
  codebookIds: readonly string[],
): CodeStats {
  const index = data.codes.findIndex((c) => c.id === id);
  if (index < 0) throw new CliError(`no code "${id}"; codes: ${codebookIds.join(', ') || '(none)'}`, 2);
  const summary = summarizeCodes(data)[index] as ReturnType<typeof summarizeCodes>[number];
  const { notCoded, withoutTranscript, uncoded } = data.coverage;
  const result: CodeStats = {
    code: id,
    ...summary,
    n: summary.total,
    missing: data.records.length - summary.total,
    notCoded,
    withoutTranscript,
    uncoded,
  };
  if (!by) return result;
  const byGroup = codesByGroup(data, by)[index];
  if (!byGroup) return result;
  const { groups, table, tests, effect, otherEffects, reason } = byGroup;
  return {
    ...result,
    by: by.name,
    groups,
    table,
    tests,
    effect,
    otherEffects,
    ...(reason !== undefined ? { reason } : {}),
  };
}

function printComparison(
  out: Output,
  stats: { by?: string; tests?: VariableStats['tests']; effect?: VariableStats['effect']; reason?: string },
): void {
  if (stats.by === undefined) return;
  if (stats.reason !== undefined) out.line(`  ${stats.reason}`);
  for (const test of stats.tests ?? [])
    out.line(
      `  ${testText(test)}${test.method ? ` (${test.method})` : ''}${test.pHolm !== undefined ? `; Holm p ${test.pHolm === null ? '—' : test.pHolm.toFixed(3)}, BH p ${test.pBH === null || test.pBH === undefined ? '—' : test.pBH.toFixed(3)} (across all codes)` : ''}`,
    );
  if (stats.effect)
    out.line(`  ${effectText(stats.effect)}${stats.effect.direction ? ` (${stats.effect.direction})` : ''}`);
}

function printVariable(out: Output, stats: VariableStats): void {
  out.data(stats);
  if (out.json) return;
  out.line(variableLine(stats));
  if (stats.by !== undefined) {
    out.line(`by ${stats.by}:`);
    for (const group of stats.groups ?? []) {
      if ('mean' in group)
        out.line(
          `  ${group.level}: n = ${group.n}, missing ${group.missing}, mean ${group.mean === null ? '—' : group.mean.toFixed(2)}, SD ${group.sd === null ? '—' : group.sd.toFixed(2)}, median ${group.median ?? '—'}`,
        );
      else
        out.line(
          `  ${group.level}: n = ${group.n}; ${group.levels.map((l) => `${l.level} ${l.count} (${percent(l.proportion, 1)})`).join(', ')}`,
        );
    }
  }
  printComparison(out, stats);
}

function printCode(out: Output, stats: CodeStats, coders: readonly string[]): void {
  out.data(stats);
  if (out.json) return;
  out.line(
    `${stats.name} [${stats.code}]: ${prevalenceOf(stats.participants, stats.total, stats)} (${percent(stats.proportion, 1)}, 95% CI ${percentCi(stats.ci)}); ${stats.codings} coding(s) in ${stats.transcripts} transcript(s)`,
  );
  for (const note of denominatorNotes(stats, coders)) out.line(`  ${note}`);
  if (stats.by !== undefined) {
    out.line(`by ${stats.by}:`);
    for (const group of stats.groups ?? [])
      out.line(
        `  ${group.level}: ${prevalenceOf(group.participants, group.total, stats)} (${percent(group.proportion, 1)}, 95% CI ${percentCi(group.ci)})`,
      );
  }
  printComparison(out, stats);
}
