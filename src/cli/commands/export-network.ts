import { extname } from 'node:path';
import {
  buildStudyData,
  codeNetworkOfStudyData,
  type CodeNetwork,
  exportNetwork,
  findColumn,
  groupData,
  mermaidEdgeLimitNote,
  NETWORK_FORMATS,
  type MergedSurvey,
  type NetworkFormat,
  type Study,
  type StudyData,
} from '../../core/index';
import type { Arguments, CommandContext, CommandSpec } from '../command';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../errors';
import { refuseStudyFileAsOutput, writeOutputFile } from '../output-file';
import { analysisRequest, ANALYSIS_OPTIONS, emit, openAnalysis } from './report';

export const exportNetworkCommand: CommandSpec = {
  name: 'export network',
  summary: 'the code network (codes, typed relations, optionally co-occurrence) as GraphML, Mermaid, DOT or JSON',
  usage: [
    'export network [dir] --format graphml|mermaid|dot|json [--out <file>] [--cooccurrence <min Jaccard>] [--coder <id>] [--where <column=value>]',
    'export network [dir] --by <column> --format json [--out <file>] | --format graphml|mermaid|dot --out <file>',
  ],
  details: [
    "Nodes are codes (name, colour, participants with the code or a sub-code); edges are the codebook's relations,",
    'labelled with their type (undirected types without an arrow). --cooccurrence adds an edge between two codes',
    'whose participants overlap with at least that Jaccard (0–1), weighted by it. GraphML opens in yEd, Gephi',
    'and Cytoscape; Mermaid renders on GitHub; DOT with Graphviz. The participants are those of `grounded report`',
    '(the same --coder, --where and --uncoded).',
    '--by gives one network per group of a survey column (as `grounded report --by`): node sizes and co-occurrence',
    "(Jaccard, overlaps) over that group's participants alone, the same relations in each. JSON is one document",
    '{ by, groups: [{ level, network }] }; GraphML, Mermaid and DOT need --out and write one file per group,',
    'named after it (--out network.graphml: network-female.graphml, network-male.graphml), since yEd, Gephi and',
    'Mermaid read one graph per file. Participants with no answer in the column are in no group.',
  ],
  options: {
    format: { type: 'string', value: '<format>', description: 'graphml, mermaid, dot or json (required)' },
    out: {
      type: 'string',
      short: 'o',
      value: '<file>',
      description: 'the file to write (stdout when omitted); never a file of the study',
    },
    cooccurrence: {
      type: 'string',
      value: '<min Jaccard>',
      description: 'also add co-occurrence edges with at least this Jaccard (0–1)',
    },
    by: {
      type: 'string',
      value: '<column>',
      description: 'one network per group of this survey column (categorical, yes-no or ordinal)',
    },
    ...ANALYSIS_OPTIONS,
  },
  positionals: { min: 0, max: 1 },
  run: runExportNetwork,
};

function formatOf(args: Arguments): NetworkFormat {
  const given = args.string('format');
  if (given === undefined) throw new UsageError(`--format is required: ${NETWORK_FORMATS.join(', ')}`);
  if (!(NETWORK_FORMATS as readonly string[]).includes(given))
    throw new UsageError(`--format must be ${NETWORK_FORMATS.join(', ')}, not "${given}"`);
  return given as NetworkFormat;
}

function minJaccardOf(args: Arguments): number | undefined {
  const given = args.string('cooccurrence');
  if (given === undefined) return undefined;
  const value = Number(given);
  if (given.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new UsageError(`--cooccurrence is a Jaccard index between 0 and 1 (e.g. 0.3), not "${given}"`);
  return value;
}

async function runExportNetwork(context: CommandContext, args: Arguments): Promise<number> {
  const format = formatOf(args);
  const minJaccard = minJaccardOf(args);
  const by = args.string('by');
  const out = args.string('out');
  if (by !== undefined && format !== 'json' && out === undefined)
    throw new UsageError(
      `--by writes one ${format} file per group: give --out <file> (each group's file is named after it), or use --format json`,
    );
  const request = analysisRequest(args, by);
  const { study, survey, incomplete } = await openAnalysis(context, args, request);
  const data = buildStudyData(study, survey, {
    ...(request.coders ? { coders: request.coders } : {}),
    filters: request.filters ?? [],
    ...(request.uncoded ? { uncoded: request.uncoded } : {}),
  });
  if (by === undefined) {
    const network = codeNetworkOfStudyData(study, data, minJaccard);
    await emit(context, study, exportNetwork(network, format), out);
    warnIfMermaidCannotDraw(context, network, format);
  } else await exportGroupNetworks(context, study, survey, data, by, format, out, minJaccard);
  const problems = study.problems.filter((p) => p.kind === 'unknown-relation-type');
  for (const problem of problems) context.out.error(context.out.formatProblem(problem));
  return incomplete || problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** Written anyway (a tool that raises Mermaid's limit draws it), but the researcher learns why GitHub will not. */
function warnIfMermaidCannotDraw(context: CommandContext, network: CodeNetwork, format: NetworkFormat): void {
  const note = format === 'mermaid' ? mermaidEdgeLimitNote(network) : undefined;
  if (note !== undefined) context.out.error(`warning: ${note}`);
}

/** One network per group of `by`: one JSON document, or one file per group next to `out`. */
async function exportGroupNetworks(
  context: CommandContext,
  study: Study,
  survey: MergedSurvey | undefined,
  data: StudyData,
  by: string,
  format: NetworkFormat,
  out: string | undefined,
  minJaccard: number | undefined,
): Promise<void> {
  // openAnalysis has refused a missing survey or column, and a column that cannot group.
  const column = findColumn(survey as MergedSurvey, by);
  if (!column) throw new UsageError(`--by "${by}" is not a survey column`);
  const groups = groupData(data, column).map((group) => ({
    level: group.level,
    network: codeNetworkOfStudyData(study, group.data, minJaccard),
  }));
  if (format === 'json') {
    await emit(context, study, JSON.stringify({ by: column.name, groups }, null, 2) + '\n', out);
    return;
  }
  const files = groupFileNames(
    out as string,
    groups.map((g) => g.level),
  );
  // Every file is checked before any is written: none may be a file of the study.
  for (const file of files) await refuseStudyFileAsOutput(context, study, file);
  for (const [i, group] of groups.entries()) {
    const file = files[i] as string;
    await writeOutputFile(context, study, file, exportNetwork(group.network, format));
    context.out.error(`${column.name} = ${group.level}: ${file}`);
    warnIfMermaidCannotDraw(context, group.network, format);
  }
}

/**
 * A file per group beside `out`: its name with the group's level before the extension, reduced to letters,
 * digits, dots, dashes and underscores; two levels that reduce alike get a number, so no file overwrites another.
 */
export function groupFileNames(out: string, levels: readonly string[]): string[] {
  const extension = extname(out);
  const stem = extension === '' ? out : out.slice(0, -extension.length);
  const used = new Set<string>();
  return levels.map((level, i) => {
    const slug = level.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || `group-${i + 1}`;
    let name = `${stem}-${slug}${extension}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${slug}-${n}${extension}`;
    used.add(name.toLowerCase());
    return name;
  });
}
